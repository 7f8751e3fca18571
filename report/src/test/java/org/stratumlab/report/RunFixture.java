package org.stratumlab.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * A small run directory with known values, written the way the load generator writes one: summary.json,
 * timeseries.csv (5 rows) and latency.hlog (two intervals per tag, HdrHistogram's own writer).
 */
final class RunFixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    String scenario = "smoke";
    Instant startedAt = Instant.parse("2026-11-24T10:00:00Z");
    double durationS = 10;
    long sent = 1000;
    long accepted = 900;
    long stale = 40;
    long incorrect = 30;
    long duplicate = 20;
    long other = 10;
    long errors = 0;
    long unanswered = 0;
    long submitP99Us = 900;
    long notifySkewP99Us = 4000;
    long connectedMax = 200;
    /** Whether part of the fleet was hostile: then latency.hlog has submit-honest samples, fewer than submit's. */
    boolean hostileMiners;
    /** A run from before hostile miners existed: no submitHonest in summary.json, no submit-honest samples. */
    boolean beforeHostileMiners;
    /** The planned duration of a run a signal cut short, or null for one that ran its course. */
    Double interruptedOf;
    /** Why the run never got going (with 40 refused connects), or null for one that did. */
    String startFailure;
    /** The run's --set overrides, written to invocation; none by default. */
    String[] overrides = {};
    /** Phases written to summary.json, each named {@code phase-<n>} with known counts; none by default. */
    int phases;
    /** Each threshold as {rule, value, passed}; none by default. */
    Object[][] thresholds = {};
    /** The load averages and steal time of machine, or null for a run from before they were recorded. */
    Double stealPercent;
    /** Which shard of a sharded run this was, as {index, count}, or null for an unsharded run. */
    int[] shard;
    /**
     * Whether summary.json has the simulator's resources: a start, three samples a second apart (40, 41, 42 MiB
     * after GC) and an end; with {@link #heapShared}, of a simulator in the generator's process.
     */
    boolean serverResources;
    boolean heapShared;
    /** Whether summary.json has an attack section: line-over-limit, 12 opened, 10 closed after an error, 2 open. */
    boolean attack;

    /** Writes all three files into {@code dir} (created if needed) and returns it. */
    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        writeSummary(dir);
        writeTimeSeries(dir);
        writeLatencyLog(dir);
        return dir;
    }

    void writeSummary(Path dir) throws IOException {
        Files.writeString(dir.resolve("summary.json"), JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(summary()));
    }

    ObjectNode summary() {
        ObjectNode root = JSON.createObjectNode();
        root.put("scenario", scenario).put("startedAt", startedAt.toString()).put("durationS", durationS);
        ObjectNode machine = root.putObject("machine").put("cpu", "Test CPU").put("cores", 2).put("os",
                "Linux amd64");
        if (stealPercent != null) {
            machine.put("loadAtStart", "0.10 0.20 0.30").put("loadAtEnd", "0.40 0.50 0.60").put(
                    "stealPercent",
                    stealPercent);
        }
        root.put("jdk", "17.0.15").put("transport", "epoll").put("grinder", "scalar");
        ArrayNode overrideList = root.putObject("invocation").putArray("overrides");
        for (String override : overrides) {
            overrideList.add(override);
        }
        root.putObject("settings").put("miners", 200).putObject("server").put("window", 1);
        ObjectNode miners = root.putObject("miners").put("target", 200).put("connectedMax", connectedMax)
                .put("subscribed", startFailure == null ? 200 : 0).put("neverAnswered", 0)
                .put("reconnects", 0);
        if (startFailure != null) {
            root.put("startFailure", startFailure);
            miners.put("connectFailures", 40).putObject("connectFailuresByCause").put("ECONNREFUSED", 40);
        }
        if (interruptedOf != null) {
            root.put("interrupted", true).put("plannedDurationS", interruptedOf);
        }
        if (shard != null) {
            root.putObject("shard").put("index", shard[0]).put("count", shard[1]).put("scenarioSeed", 42)
                    .put("seed", 7).put("scenarioDigest", "ab".repeat(32)).putNull("startAt");
        }
        ObjectNode submits = root.putObject("submits").put("sent", sent).put("accepted", accepted);
        submits.putObject("rejected").put("stale", stale).put("incorrect", incorrect)
                .put("duplicate", duplicate)
                .put("other", other);
        submits.put("errors", errors).put("unanswered", unanswered);
        root.putObject("notifies").put("jobs", 30).put("received", 6000);
        ObjectNode latency = root.putObject("latencyUs");
        percentiles(latency.putObject("submit"), sent, submitP99Us);
        if (!beforeHostileMiners) {
            percentiles(latency.putObject("submitHonest"), hostileMiners ? sent / 2 : sent, submitP99Us);
        }
        percentiles(latency.putObject("submitService"), sent, 500);
        percentiles(latency.putObject("connect"), 200, 2500);
        percentiles(latency.putObject("subscribe"), 200, 700);
        percentiles(latency.putObject("notifySkew"), 6000, notifySkewP99Us);
        ArrayNode phaseList = root.putArray("phases");
        for (int i = 1; i <= phases; i++) {
            ObjectNode phase = phaseList.addObject().put("name", "phase-" + i).put("startS", 5.0 * (i - 1))
                    .put("durationS", 5.0);
            ObjectNode phaseSubmits = phase.putObject("submits").put("sent", 100L * i).put("accepted",
                    90L * i);
            phaseSubmits.putObject("rejected").put("stale", i).put("incorrect", 7L * i).put("duplicate", 1)
                    .put("other", 1);
            phaseSubmits.put("errors", 0).put("unanswered", 0);
            ObjectNode phaseLatency = phase.putObject("latencyUs");
            for (String metric : new String[]{"submit", "submitHonest", "submitService", "connect",
                    "subscribe",
                    "notifySkew"}) {
                percentiles(phaseLatency.putObject(metric), 100L * i, 1000L * i);
            }
        }
        if (serverResources) {
            writeServerResources(root.putObject("serverResources"));
        }
        if (attack) {
            ObjectNode a = root.putObject("attack").put("kind", "line-over-limit").put("ratePerSecond", 2.0)
                    .put("attackersMax", 2).put("opened", 12).put("connectFailed", 0).put("linesSent", 12)
                    .put("bytesSent", 196_620).put("closeMsMean", 3.5).put("closeMsMax", 9.0);
            a.putObject("answers").put("error:-32600", 10);
            a.putObject("ends").put("closed_after_error", 10).put("still_open", 2);
        }
        ArrayNode list = root.putArray("thresholds");
        for (Object[] t : thresholds) {
            String rule = (String) t[0];
            boolean isLatency = rule.matches("^[a-z_]+\\.(p\\d+|mean|max).*");
            list.addObject().put("rule", rule).put("value", ((Number) t[1]).doubleValue())
                    .put("unit", isLatency ? "us" : "").put("passed", (Boolean) t[2]);
        }
        return root;
    }

    private void writeServerResources(ObjectNode r) {
        long mib = 1024 * 1024;
        r.put("heapSharedWithGenerator", heapShared).put("intervalS", 1.0);
        resourceSample(r.putObject("start"), 0, "", 30 * mib, 40, 0);
        ArrayNode samples = r.putArray("samples");
        for (int i = 0; i < 3; i++) {
            resourceSample(samples.addObject(), 3 + i, "steady", (40 + i) * mib, 240, 200);
        }
        resourceSample(r.putObject("end"), 9.5, "", 31 * mib, 41, 0);
        r.put("heapPeakBytes", 42 * mib);
        r.putObject("heapSlope").put("samples", 3).put("fromS", 3.0).put("bytesPerHour", 3600.0 * mib)
                .put("ci95BytesPerHour", 0.0);
        r.put("fdsGrowth", 1).put("stateGrowth", 0).put("failedReadings", 0);
    }

    private static void resourceSample(ObjectNode s, double atS, String phase, long heap, long fds,
            long miners) {
        s.put("atS", atS).put("phase", phase).put("heapAfterGcBytes", heap)
                .put("heapCommittedBytes", 64L << 20)
                .put("openFds", fds).put("connections", miners);
        s.putObject("state").put("subscribers", miners).put("channels", miners).put("held", 0);
    }

    private static void percentiles(ObjectNode node, long count, long p99) {
        node.put("count", count).put("mean", p99 / 4.0).put("p50", p99 / 5).put("p90", p99 / 3)
                .put("p99", p99)
                .put("p999", p99 * 2).put("max", p99 * 3);
    }

    void writeTimeSeries(Path dir) throws IOException {
        StringBuilder csv = new StringBuilder(
                "elapsed_s,connections,subscribed,submits,accepted,rejected_stale,"
                        + "rejected_incorrect,rejected_duplicate,rejected_other,errors,unanswered,notifies,submit_p50_us,"
                        + "submit_p99_us\n");
        for (int second = 1; second <= 5; second++) {
            csv.append(second).append(".0,").append(40 * second).append(',').append(40 * second).append(',')
                    .append(100 * second).append(',').append(90 * second).append(",4,3,2,1,0,0,1200,")
                    .append(150 + second).append(',').append(800 + 20 * second).append('\n');
        }
        Files.writeString(dir.resolve("timeseries.csv"), csv);
    }

    /**
     * Per tag, two intervals: submit holds 980 samples of 180 us, 16 of 900 us and 4 of 3000 us; the others hold
     * values spread evenly up to a few milliseconds.
     */
    void writeLatencyLog(Path dir) throws IOException {
        try (OutputStream file = Files.newOutputStream(dir.resolve("latency.hlog"));
                PrintStream out = new PrintStream(file, false, StandardCharsets.US_ASCII)) {
            HistogramLogWriter log = new HistogramLogWriter(out);
            log.outputLogFormatVersion();
            log.outputStartTime(startedAt.toEpochMilli());
            log.setBaseTime(startedAt.toEpochMilli());
            log.outputLegend();
            for (int interval = 0; interval < 2; interval++) {
                long start = startedAt.toEpochMilli() + interval * 1000L;
                log.outputIntervalHistogram(tagged("submit", start, submitHalf()));
                if (hostileMiners) {
                    log.outputIntervalHistogram(tagged("submit-honest", start, spread(400, 200)));
                } else if (!beforeHostileMiners) {
                    log.outputIntervalHistogram(tagged("submit-honest", start, submitHalf())); // every miner honest
                }
                log.outputIntervalHistogram(tagged("submit-service", start, spread(500, 100)));
                log.outputIntervalHistogram(tagged("connect", start, spread(100, 2500)));
                log.outputIntervalHistogram(tagged("subscribe", start, spread(100, 700)));
                log.outputIntervalHistogram(tagged("notify-skew", start, spread(3000, 5000)));
            }
        }
    }

    private static Histogram submitHalf() {
        Histogram h = new Histogram(3);
        h.recordValueWithCount(180, 490);
        h.recordValueWithCount(900, 8);
        h.recordValueWithCount(3000, 2);
        return h;
    }

    private static Histogram spread(int count, long maxUs) {
        Histogram h = new Histogram(3);
        for (int i = 1; i <= count; i++) {
            h.recordValue(maxUs * i / count);
        }
        return h;
    }

    private static Histogram tagged(String tag, long startMs, Histogram h) {
        h.setTag(tag);
        h.setStartTimeStamp(startMs);
        h.setEndTimeStamp(startMs + 1000);
        return h;
    }
}
