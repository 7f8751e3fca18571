package org.stratumlab.loadgen.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.stratumlab.loadgen.record.Metric;

/**
 * Reads {@code summary.json} into a {@link Summary}. Every key the reports use must be there with the right type;
 * otherwise the error names the file and the key (e.g. {@code run/summary.json: submits.sent is missing}).
 * Keys that only decorate the report (transport, grinder, machine.os, settings, thresholds) may be absent.
 */
final class SummaryReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    private SummaryReader(Path file) {
        this.file = file;
    }

    /**
     * @param file a summary.json
     * @return what it says
     * @throws IllegalArgumentException if it is missing, unreadable, not JSON or lacks a key
     */
    static Summary read(Path file) {
        return new SummaryReader(file).summary(tree(file));
    }

    private static JsonNode tree(Path file) {
        try {
            JsonNode root = JSON.readTree(Files.readString(file));
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException(file + ": not a JSON object");
            }
            return root;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": not found");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    file + ": not valid JSON (" + e.getOriginalMessage() + " at line "
                            + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e + ")");
        }
    }

    private Summary summary(JsonNode root) {
        return new Summary(text(root, "scenario"), instant(root, "startedAt"), number(root, "durationS"),
                machine(root), text(root, "jdk"), optionalText(root, "transport"),
                optionalText(root, "grinder"), miners(root), submits(root), notifies(root), latencies(root),
                thresholds(root), root.path("settings"));
    }

    private Summary.Machine machine(JsonNode root) {
        return new Summary.Machine(text(root, "machine.cpu"), count(root, "machine.cores"),
                optionalText(root, "machine.os"));
    }

    private Summary.Miners miners(JsonNode root) {
        return new Summary.Miners(count(root, "miners.target"), count(root, "miners.connectedMax"),
                count(root, "miners.subscribed"), count(root, "miners.neverAnswered"),
                count(root, "miners.reconnects"));
    }

    private Summary.Submits submits(JsonNode root) {
        return new Summary.Submits(count(root, "submits.sent"), count(root, "submits.accepted"),
                count(root, "submits.rejected.stale"), count(root, "submits.rejected.incorrect"),
                count(root, "submits.rejected.duplicate"), count(root, "submits.rejected.other"),
                count(root, "submits.errors"), count(root, "submits.unanswered"));
    }

    private Summary.Notifies notifies(JsonNode root) {
        return new Summary.Notifies(count(root, "notifies.jobs"), count(root, "notifies.received"));
    }

    private Map<Metric, Summary.Percentiles> latencies(JsonNode root) {
        Map<Metric, Summary.Percentiles> latencies = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            if (metric == Metric.SUBMIT_HONEST
                    && root.path("latencyUs").path(metric.summaryKey()).isMissingNode()) {
                continue; // a summary from before hostile miners existed: every miner was honest
            }
            String key = "latencyUs." + metric.summaryKey() + ".";
            latencies.put(metric,
                    new Summary.Percentiles(count(root, key + "count"), number(root, key + "mean"),
                            number(root, key + "p50"), number(root, key + "p90"), number(root, key + "p99"),
                            number(root, key + "p999"), number(root, key + "max")));
        }
        latencies.putIfAbsent(Metric.SUBMIT_HONEST, latencies.get(Metric.SUBMIT));
        return latencies;
    }

    private List<Summary.Threshold> thresholds(JsonNode root) {
        JsonNode list = root.path("thresholds");
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw wrong("thresholds", "a list");
        }
        List<Summary.Threshold> thresholds = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String path = "thresholds[" + i + "]";
            JsonNode passed = item.path("passed");
            if (!passed.isBoolean()) {
                throw wrong(path + ".passed", "true or false");
            }
            JsonNode value = item.path("value");
            thresholds.add(new Summary.Threshold(textValue(item.path("rule"), path + ".rule"),
                    value.isMissingNode() ? NullNode.getInstance() : value, passed.booleanValue()));
        }
        return List.copyOf(thresholds);
    }

    private String text(JsonNode root, String path) {
        return textValue(at(root, path), path);
    }

    private String textValue(JsonNode value, String path) {
        if (value.isMissingNode() || value.isNull()) {
            throw missing(path);
        }
        if (!value.isValueNode()) {
            throw wrong(path, "text");
        }
        return value.asText();
    }

    private String optionalText(JsonNode root, String path) {
        JsonNode value = at(root, path);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    private double number(JsonNode root, String path) {
        JsonNode value = at(root, path);
        if (value.isMissingNode() || value.isNull()) {
            throw missing(path);
        }
        if (!value.isNumber() || !Double.isFinite(value.doubleValue()) || value.doubleValue() < 0) {
            throw wrong(path, "a number >= 0");
        }
        return value.doubleValue();
    }

    private long count(JsonNode root, String path) {
        double value = number(root, path);
        if (value != Math.rint(value)) {
            throw wrong(path, "a whole number");
        }
        return (long) value;
    }

    private Instant instant(JsonNode root, String path) {
        String value = text(root, path);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw wrong(path, "an ISO-8601 instant such as 2026-11-24T10:00:00Z");
        }
    }

    private static JsonNode at(JsonNode root, String path) {
        return root.at("/" + path.replace('.', '/'));
    }

    private IllegalArgumentException missing(String path) {
        return new IllegalArgumentException(file + ": " + path + " is missing");
    }

    private IllegalArgumentException wrong(String path, String expected) {
        return new IllegalArgumentException(file + ": " + path + " must be " + expected);
    }
}
