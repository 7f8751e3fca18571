package org.stratumlab.loadgen.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.stratumlab.loadgen.record.Metric;

/**
 * What the reports use of a run's {@code summary.json} (DESIGN.md, "What a run writes"), checked once when it is
 * read by {@link SummaryReader}. Latencies are in microseconds, as in the file.
 */
record Summary(String scenario, Instant startedAt, double durationS, Machine machine, String jdk,
        String transport, String grinder, Miners miners, Submits submits, Notifies notifies,
        Map<Metric, Percentiles> latencyUs, List<Threshold> thresholds, JsonNode settings) {

    /** @return submits sent per second of the run */
    double submitsPerSecond() {
        return durationS > 0 ? submits.sent() / durationS : 0;
    }

    /** @return accepted / sent, 0 when nothing was sent */
    double acceptedRatio() {
        return submits.sent() > 0 ? (double) submits.accepted() / submits.sent() : 0;
    }

    /** @return the percentiles of one metric */
    Percentiles latency(Metric metric) {
        return latencyUs.get(metric);
    }

    /** The machine the run ran on. */
    record Machine(String cpu, long cores, String os) {
        /** @return e.g. "AMD EPYC, 2 cores, Linux amd64" */
        String describe() {
            String text = cpu + ", " + cores + (cores == 1 ? " core" : " cores");
            return os.isEmpty() ? text : text + ", " + os;
        }
    }

    /** Miner counts. */
    record Miners(long target, long connectedMax, long subscribed, long neverAnswered, long reconnects) {
    }

    /** Submit counts by outcome; sent == accepted + rejected + errors + unanswered. */
    record Submits(long sent, long accepted, long stale, long incorrect, long duplicate, long other,
            long errors,
            long unanswered) {
    }

    /** Notify counts. */
    record Notifies(long jobs, long received) {
    }

    /** One metric's summary percentiles, in microseconds. */
    record Percentiles(long count, double mean, double p50, double p90, double p99, double p999, double max) {
    }

    /**
     * One threshold and its verdict.
     *
     * @param value the measured value as written (a number, usually; latencies in microseconds), or null
     */
    record Threshold(String rule, JsonNode value, boolean passed) {
    }
}
