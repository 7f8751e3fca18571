package org.stratumlab.loadgen.threshold;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.stratumlab.results.Metric;
import org.stratumlab.results.Outcome;
import org.stratumlab.results.Summary;
import org.stratumlab.server.metrics.ServerMetrics;

/**
 * The metrics a threshold may name, each a function of the typed summary, each named after the summary's own keys
 * ({@link Metric#ruleName()}, {@link Outcome#key()}), so that a metric cannot drift from what the run records.
 * Latencies are in microseconds and take a time unit in rules; counts and ratios take none. An unknown name is an
 * error when the scenario loads. A metric a run did not measure (the simulator's resources against an external
 * target, a heap slope of too few samples) reads as {@code null}, and a rule on it fails: unknown is not a pass.
 */
final class ThresholdMetric {
    private static final Map<String, ThresholdMetric> BY_NAME = catalogue();

    final String name;
    final boolean isLatency;
    /** Whether a phase's entry in summary.json records it too (submits and latencies do; miners do not). */
    final boolean perPhase;
    private final Function<Scope, Double> reader;

    private ThresholdMetric(String name, boolean isLatency, boolean perPhase,
            Function<Scope, Double> reader) {
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
        StringBuilder latencies = new StringBuilder();
        for (Metric metric : Metric.values()) {
            latencies.append(latencies.length() == 0 ? "" : "|").append(metric.ruleName());
        }
        StringBuilder out = new StringBuilder("{" + latencies + "}.{"
                + String.join("|", Summary.Percentiles.STATISTICS) + "}");
        BY_NAME.values().stream().filter(m -> !m.isLatency && !m.name.endsWith(".count"))
                .forEach(m -> out.append(", ").append(m.name));
        return out.toString();
    }

    /** @return the value, or {@code null} when the run did not measure it */
    Double read(Scope scope) {
        return reader.apply(scope);
    }

    private static Map<String, ThresholdMetric> catalogue() {
        Map<String, ThresholdMetric> m = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            for (String stat : Summary.Percentiles.STATISTICS) {
                String name = metric.ruleName() + "." + stat;
                m.put(name, new ThresholdMetric(name, !stat.equals("count"), true,
                        s -> s.latencyUs().of(metric).statistic(stat)));
            }
        }
        count(m, "sent", s -> s.submits().sent());
        count(m, "accepted", s -> s.submits().accepted());
        count(m, "rejected", s -> s.submits().rejectedTotal());
        for (Outcome outcome : Outcome.values()) {
            if (outcome.isRejection()) {
                count(m, "rejected." + outcome.key(), s -> s.submits().of(outcome));
            }
        }
        count(m, "errors", s -> s.submits().errors());
        count(m, "unanswered", s -> s.submits().unanswered());
        whole(m, "never_answered", s -> s.run().miners().neverAnswered());
        whole(m, "reconnects", s -> s.run().miners().reconnects());
        whole(m, "connected.max", s -> s.run().miners().connectedMax());
        whole(m, "subscribed.max", s -> s.run().miners().subscribed());
        whole(m, "jobs", s -> s.run().notifies().jobs());
        whole(m, "notifies", s -> s.run().notifies().received());
        whole(m, "unexpected_errors", s -> s.run().errors().unexpectedTotal());
        whole(m, "owed", s -> s.run().generator() == null ? 0 : s.run().generator().owed());
        whole(m, "unground", s -> s.run().grinding() == null ? 0 : s.run().grinding().unground());
        count(m, "accepted_ratio", s -> s.ratio(s.submits().accepted()));
        count(m, "rejected_ratio", s -> s.ratio(s.submits().rejectedTotal()));
        count(m, "stale_ratio", s -> s.ratio(s.submits().rejected().stale()));
        count(m, "unanswered_ratio", s -> s.ratio(s.submits().unanswered()));
        count(m, "error_ratio", s -> s.ratio(s.submits().errors()));
        count(m, "submits_per_s", s -> s.perSecond(s.submits().sent()));
        count(m, "accepted_per_s", s -> s.perSecond(s.submits().accepted()));
        serverResources(m);
        serverCounters(m);
        attack(m);
        return m;
    }

    /**
     * What the embedded simulator counted: the connections each defence closed ({@code server_closed.idle}, ...,
     * every label of {@link ServerMetrics.Rejection}), and the notifies it dropped for slow readers; null against
     * an external target, whose counters the generator cannot see.
     */
    private static void serverCounters(Map<String, ThresholdMetric> m) {
        for (ServerMetrics.Rejection reason : ServerMetrics.Rejection.values()) {
            server(m, "server_closed." + reason.label(),
                    c -> (double) c.closedBy().getOrDefault(reason.label(), 0L));
        }
        server(m, "server_closed", c -> (double) c.closedTotal());
        server(m, "server_notifies_dropped", c -> (double) c.notifiesDropped());
    }

    private static void server(Map<String, ThresholdMetric> m, String name,
            Function<Summary.ServerCounters, Double> reader) {
        m.put(name, new ThresholdMetric(name, false, false,
                s -> s.run().server() == null ? null : reader.apply(s.run().server())));

    }

    /** What the attackers met, for the whole run; null in a run without attackers. */
    private static void attack(Map<String, ThresholdMetric> m) {
        attack(m, "attack.opened", a -> (double) a.opened());
        attack(m, "attack.connect_failed", a -> (double) a.connectFailed());
        attack(m, "attack.answered", a -> (double) a.answered());
        attack(m, "attack.closed_by_server", a -> (double) a.closedByServer());
        attack(m, "attack.still_open", a -> (double) a.ended("still_open"));
    }

    private static void attack(Map<String, ThresholdMetric> m, String name,
            Function<Summary.Attack, Double> reader) {
        m.put(name, new ThresholdMetric(name, false, false,
                s -> s.run().attack() == null ? null : reader.apply(s.run().attack())));
    }

    /** The embedded simulator's resources over the run, in MiB for the heap; null when not sampled. */
    private static void serverResources(Map<String, ThresholdMetric> m) {
        resources(m, "server_heap.peak_mib", r -> r.heapPeakBytes() / Summary.MIB);
        resources(m, "server_direct.peak_mib", r -> mib(r.directPeakBytes() == null
                ? null
                : r.directPeakBytes().doubleValue()));
        resources(m, "server_heap.slope_mib_per_h", r -> mib(r.heapSlope().bytesPerHour()));
        resources(m, "server_heap.slope_ci95_mib_per_h", r -> mib(r.heapSlope().ci95BytesPerHour()));
        resources(m, "server_heap.slope_upper95_mib_per_h", r -> r.heapSlope().known()
                ? mib(r.heapSlope().bytesPerHour() + r.heapSlope().ci95BytesPerHour())
                : null);
        resources(m, "server_fds.growth", r -> r.fdsGrowth() == null ? null : r.fdsGrowth().doubleValue());
        resources(m, "server_state.growth", r -> (double) r.stateGrowth());
    }

    private static void resources(Map<String, ThresholdMetric> m, String name,
            Function<Summary.ServerResources, Double> reader) {
        m.put(name, new ThresholdMetric(name, false, false,
                s -> s.run().serverResources() == null ? null : reader.apply(s.run().serverResources())));
    }

    private static Double mib(Double bytes) {
        return bytes == null ? null : bytes / Summary.MIB;
    }

    /** A count or ratio of submits, recorded for the whole run and for each phase. */
    private static void count(Map<String, ThresholdMetric> m, String name, ToDoubleFunction<Scope> reader) {
        m.put(name, new ThresholdMetric(name, false, true, reader::applyAsDouble));
    }

    /** A count recorded for the whole run only. */
    private static void whole(Map<String, ThresholdMetric> m, String name, ToDoubleFunction<Scope> reader) {
        m.put(name, new ThresholdMetric(name, false, false, reader::applyAsDouble));
    }
}
