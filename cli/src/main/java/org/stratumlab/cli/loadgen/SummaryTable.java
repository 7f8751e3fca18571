package org.stratumlab.cli.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** The short table printed at the end of a run, read from the summary it wrote. */
public final class SummaryTable {
    private SummaryTable() {
    }

    public static void print(PrintWriter out, JsonNode summary, Path outDir) {
        JsonNode miners = summary.get("miners");
        JsonNode submits = summary.get("submits");
        JsonNode rejected = submits.get("rejected");
        out.printf(Locale.ROOT, "%nminers   target %d  connected max %d  subscribed %d  never answered %d  "
                + "reconnects %d%n", miners.get("target").asLong(), miners.get("connectedMax").asLong(),
                miners.get("subscribed").asLong(), miners.get("neverAnswered").asLong(),
                miners.get("reconnects").asLong());
        out.printf(Locale.ROOT,
                "submits  sent %d  accepted %d  rejected stale %d, incorrect %d, duplicate %d, "
                        + "other %d  errors %d  unanswered %d%n",
                submits.get("sent").asLong(), submits.get("accepted").asLong(),
                rejected.get("stale").asLong(), rejected.get("incorrect").asLong(),
                rejected.get("duplicate").asLong(),
                rejected.get("other").asLong(), submits.get("errors").asLong(),
                submits.get("unanswered").asLong());
        out.printf(Locale.ROOT, "notifies jobs %d  received %d%n",
                summary.get("notifies").get("jobs").asLong(),
                summary.get("notifies").get("received").asLong());
        out.printf(Locale.ROOT, "%-15s %8s %10s %10s %10s %10s %10s%n", "latency", "count", "p50", "p90",
                "p99",
                "p99.9", "max");
        summary.get("latencyUs").fields().forEachRemaining(e -> {
            JsonNode h = e.getValue();
            out.printf(Locale.ROOT, "%-15s %8d %10s %10s %10s %10s %10s%n", e.getKey(),
                    h.get("count").asLong(),
                    us(h, "p50"), us(h, "p90"), us(h, "p99"), us(h, "p999"), us(h, "max"));
        });
        out.println("results in " + outDir);
        out.flush();
    }

    private static String us(JsonNode histogram, String key) {
        return org.stratumlab.loadgen.record.ProgressLine.formatUs(histogram.get(key).asLong());
    }
}
