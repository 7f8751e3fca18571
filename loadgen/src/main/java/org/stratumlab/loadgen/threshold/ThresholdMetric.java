package org.stratumlab.loadgen.threshold;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The metrics a threshold may name, each read from summary.json. Latencies are in microseconds and take a time
 * unit in rules; counts and ratios take none. An unknown name is an error when the scenario loads.
 */
final class ThresholdMetric {
    private static final String[] LATENCIES = {"submit", "submitHonest", "submitService", "connect",
            "subscribe",
            "notifySkew"};
    private static final String[] RULE_LATENCIES = {"submit", "submit_honest", "submit_service", "connect",
            "subscribe",
            "notify_skew"};
    private static final String[] STATS = {"p50", "p90", "p99", "p999", "max", "mean", "count"};
    private static final Map<String, ThresholdMetric> BY_NAME = catalogue();

    final String name;
    final boolean isLatency;
    /** Whether a phase's entry in summary.json records it too (submits and latencies do; miners do not). */
    final boolean perPhase;
    private final ToDoubleFunction<JsonNode> reader;

    private ThresholdMetric(String name, boolean isLatency, boolean perPhase,
            ToDoubleFunction<JsonNode> reader) {
        this.name = name;
        this.isLatency = isLatency;
        this.perPhase = perPhase;
        this.reader = reader;
    }

    static ThresholdMetric named(String name) {
        return BY_NAME.get(name);
    }

    /** @return the known names, the latency ones written as one pattern */
    static String describeNames() {
        StringBuilder out = new StringBuilder("{" + String.join("|", RULE_LATENCIES) + "}.{"
                + String.join("|", STATS) + "}");
        for (String name : BY_NAME.keySet()) {
            if (!isLatencyName(name)) {
                out.append(", ").append(name);
            }
        }
        return out.toString();
    }

    private static boolean isLatencyName(String name) {
        for (String latency : RULE_LATENCIES) {
            if (name.startsWith(latency + ".")) {
                return true;
            }
        }
        return false;
    }

    double read(JsonNode summary) {
        return reader.applyAsDouble(summary);
    }

    private static Map<String, ThresholdMetric> catalogue() {
        Map<String, ThresholdMetric> m = new LinkedHashMap<>();
        for (int i = 0; i < LATENCIES.length; i++) {
            String key = LATENCIES[i];
            for (String stat : STATS) {
                boolean time = !stat.equals("count");
                m.put(RULE_LATENCIES[i] + "." + stat,
                        new ThresholdMetric(RULE_LATENCIES[i] + "." + stat, time, true,
                                s -> s.path("latencyUs").path(key).path(stat).asDouble()));
            }
        }
        count(m, "sent", s -> submits(s).path("sent").asDouble());
        count(m, "accepted", s -> submits(s).path("accepted").asDouble());
        count(m, "rejected", ThresholdMetric::rejected);
        for (String reason : new String[]{"stale", "incorrect", "duplicate", "other"}) {
            count(m, "rejected." + reason, s -> submits(s).path("rejected").path(reason).asDouble());
        }
        count(m, "errors", s -> submits(s).path("errors").asDouble());
        count(m, "unanswered", s -> submits(s).path("unanswered").asDouble());
        whole(m, "never_answered", s -> s.path("miners").path("neverAnswered").asDouble());
        whole(m, "reconnects", s -> s.path("miners").path("reconnects").asDouble());
        whole(m, "connected.max", s -> s.path("miners").path("connectedMax").asDouble());
        whole(m, "subscribed.max", s -> s.path("miners").path("subscribed").asDouble());
        whole(m, "jobs", s -> s.path("notifies").path("jobs").asDouble());
        whole(m, "notifies", s -> s.path("notifies").path("received").asDouble());
        count(m, "accepted_ratio", s -> ratio(submits(s).path("accepted").asDouble(), s));
        count(m, "rejected_ratio", s -> ratio(rejected(s), s));
        count(m, "stale_ratio", s -> ratio(submits(s).path("rejected").path("stale").asDouble(), s));
        count(m, "unanswered_ratio", s -> ratio(submits(s).path("unanswered").asDouble(), s));
        count(m, "error_ratio", s -> ratio(submits(s).path("errors").asDouble(), s));
        count(m, "submits_per_s", s -> perSecond(submits(s).path("sent").asDouble(), s));
        count(m, "accepted_per_s", s -> perSecond(submits(s).path("accepted").asDouble(), s));
        return m;
    }

    /** A count or ratio of submits, recorded for the whole run and for each phase. */
    private static void count(Map<String, ThresholdMetric> m, String name,
            ToDoubleFunction<JsonNode> reader) {
        m.put(name, new ThresholdMetric(name, false, true, reader));
    }

    /** A count recorded for the whole run only. */
    private static void whole(Map<String, ThresholdMetric> m, String name,
            ToDoubleFunction<JsonNode> reader) {
        m.put(name, new ThresholdMetric(name, false, false, reader));
    }

    private static JsonNode submits(JsonNode s) {
        return s.path("submits");
    }

    private static double rejected(JsonNode s) {
        double total = 0;
        for (JsonNode n : submits(s).path("rejected")) {
            total += n.asDouble();
        }
        return total;
    }

    /** A ratio of submits sent; 0 when nothing was sent (a rule like accepted_ratio >= 0.99 then fails). */
    private static double ratio(double part, JsonNode s) {
        double sent = submits(s).path("sent").asDouble();
        return sent == 0 ? 0 : part / sent;
    }

    private static double perSecond(double count, JsonNode s) {
        double seconds = s.path("durationS").asDouble();
        return seconds == 0 ? 0 : count / seconds;
    }
}
