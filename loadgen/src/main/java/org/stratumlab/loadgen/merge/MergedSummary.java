package org.stratumlab.loadgen.merge;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.stratumlab.loadgen.record.AnswerSamples;
import org.stratumlab.loadgen.record.LagWarmUp;
import org.stratumlab.loadgen.record.LatencyLogFile;
import org.stratumlab.loadgen.record.LatencyStatistics;
import org.stratumlab.results.Metric;
import org.stratumlab.results.Summary;

/**
 * The {@link Summary} of a merge of shards, from their summaries and their added histograms. What adds and what
 * does not:
 *
 * <ul>
 * <li>counts add: submits by outcome (whole run and per phase), late replies and the endpoint's answers, miners
 * (target, never answered, reconnects, connect failures by cause, ...), notifies received, unexpected errors by
 * class, the generator's due and owed events, and the grinding's counts, threads and CPU time;
 * <li>the most connected and subscribed at once add too: each shard's peak, summed, which is the fleet's peak when
 * the shards hold their miners at the same time (they run one schedule from one instant), and at most that
 * otherwise;
 * <li>latencies are recomputed from the added histograms as a run computes them ({@link LatencyStatistics});
 * notify skew from the shards' receipts ({@link CrossShardSkew}), and the jobs are the distinct jobs of those;
 * <li>the generator's lag is judged on the added histograms of what each shard judged (after its warm-up when it
 * ran long enough, {@link LagWarmUp}), and the shortfall is judged again on the sums; its CPU time adds, the cost
 * per 10,000 submits is the submit-weighted mean ({@link Summary.Generator#withCpuOfShards});
 * <li>the run starts with the earliest shard and lasts until the latest ends; a phase starts with its earliest shard
 * and lasts as long as its longest, and its miners at the end add;
 * <li>a shard that did not get going makes the merge one that did not ({@code startFailure} names the shard), one
 * that was interrupted makes it interrupted;
 * <li>what is one process's and not the run's (machine load and steal time, command lines) is kept per shard in
 * {@code merge.from}; {@code machine} is the shards' common machine without them (or the models, where they
 * differ), {@code jdk}, {@code transport} and {@code grinder} the shards' values, joined where they differ, and
 * {@code settings} as {@link MergedSettings} merges them.
 * </ul>
 */
final class MergedSummary {
    private MergedSummary() {
    }

    /**
     * @param shards the shards, by index
     * @param samples their merged samples
     * @param skew their merged notify skew
     * @param invocation the command that made the merge
     * @return the merge's summary, thresholds not yet judged
     */
    static Summary of(List<ShardFolder> shards, List<AlignedSamples.Sample> samples,
            CrossShardSkew.Result skew,
            Summary.Invocation invocation) {
        List<Summary> all = shards.stream().map(ShardFolder::summary).toList();
        Summary first = all.get(0);
        Instant start = all.stream().map(Summary::startedAtInstant).min(Instant::compareTo).orElseThrow();
        double durationS = all.stream()
                .mapToDouble(s -> seconds(Duration.between(start, s.startedAtInstant())) + s.durationS())
                .max()
                .orElseThrow();
        return new Summary(Summary.CURRENT_SCHEMA_VERSION, first.scenario(), first.description(),
                all.stream().filter(s -> s.startedAtInstant().equals(start)).findFirst().orElseThrow()
                        .startedAt(),
                roundToMs(durationS), machine(all), joined(all, Summary::jdk),
                joined(all, Summary::transport),
                joined(all, Summary::grinder), grinding(all), generator(shards, samples),
                invocation, MergedSettings.of(all.stream().map(Summary::settings).toList()), miners(all),
                submits(all.stream().map(Summary::submits).toList(), true),
                new Summary.Notifies(skew.jobs(), sum(all, s -> s.notifies().received())),
                LatencyStatistics.of(totals(samples, s -> true)), errors(all), phases(all, samples),
                List.of(),
                startFailure(all), all.stream().anyMatch(Summary::interrupted), plannedDurationS(all),
                first.expect(), null, merge(shards), null, null, null, null);
    }

    private static Summary.Merge merge(List<ShardFolder> shards) {
        Summary.Shard shard = shards.get(0).shard();
        List<Summary.MergedShard> from = new ArrayList<>();
        for (ShardFolder folder : shards) {
            Summary s = folder.summary();
            from.add(new Summary.MergedShard(s.shard().index(), folder.dir().toString(), s.startedAt(),
                    s.durationS(), s.machine(), s.jdk(),
                    s.invocation() == null ? List.of() : s.invocation().commandLine()));
        }
        return new Summary.Merge(shard.count(), shard.scenarioSeed(), shard.scenarioDigest(), shard.startAt(),
                from);
    }

    /** The shards' machine where they all report the same one, without one process's load and steal time. */
    private static Summary.Machine machine(List<Summary> all) {
        Summary.Machine first = all.get(0).machine();
        boolean same = all.stream().map(Summary::machine)
                .allMatch(m -> m.cpu().equals(first.cpu()) && m.cores() == first.cores()
                        && m.os().equals(first.os())
                        && m.cpuDetail().equals(first.cpuDetail()));
        if (same) {
            return new Summary.Machine(first.cpu(), first.cores(), first.os(), first.cpuDetail(), "", "",
                    null);
        }
        return new Summary.Machine(joined(all, s -> s.machine().cpu()),
                all.stream().mapToLong(s -> s.machine().cores()).max().orElseThrow(),
                joined(all, s -> s.machine().os()), "", "", "", null);
    }

    /** @return the shards' value where they agree, else their distinct values joined by ", " */
    private static String joined(List<Summary> all, Function<Summary, String> value) {
        return all.stream().map(value).distinct().collect(Collectors.joining(", "));
    }

    private static Summary.Grinding grinding(List<Summary> all) {
        if (all.stream().anyMatch(s -> s.grinding() == null)) {
            return null;
        }
        List<Summary.Grinding> g = all.stream().map(Summary::grinding).toList();
        return new Summary.Grinding(joined(all, s -> s.grinding().pow()),
                (int) g.stream().mapToLong(Summary.Grinding::threads).sum(),
                g.stream().mapToLong(Summary.Grinding::groundAhead).sum(),
                g.stream().mapToLong(Summary.Grinding::groundInline).sum(),
                g.stream().mapToLong(Summary.Grinding::hashes).sum(),
                g.stream().mapToDouble(Summary.Grinding::cpuSeconds).sum(),
                g.stream().mapToLong(Summary.Grinding::waited).sum(),
                g.stream().mapToLong(Summary.Grinding::neverSent).sum(),
                g.stream().mapToLong(Summary.Grinding::unground).sum(),
                g.stream().mapToLong(Summary.Grinding::invalidUnchecked).sum(),
                g.stream().mapToLong(Summary.Grinding::discarded).sum());
    }

    /**
     * The generator's verdict on the sums: due and owed add, and the lag judged is what each shard judged, added
     * (each shard's intervals after its own warm-up, chosen as the run chose them, or its whole run).
     */
    private static Summary.Generator generator(List<ShardFolder> shards,
            List<AlignedSamples.Sample> samples) {
        List<Summary.Generator> verdicts = shards.stream().map(f -> f.summary().generator()).toList();
        if (verdicts.stream().anyMatch(Objects::isNull)) {
            return null;
        }
        Histogram judged = new Histogram(3);
        double lagFromS = Double.MAX_VALUE;
        for (ShardFolder shard : shards) {
            Summary.Generator verdict = shard.summary().generator();
            lagFromS = Math.min(lagFromS, verdict.lagFromS());
            for (LatencyLogFile.Sample sample : shard.log().samples()) {
                Histogram lag = sample.of(Metric.LAG);
                if (verdict.lagFromS() == 0
                        || LagWarmUp.isAfter(lag.getStartTimeStamp(), shard.log().baseEpochMs())) {
                    judged.add(lag);
                }
            }
        }
        long scheduled = verdicts.stream().mapToLong(Summary.Generator::scheduled).sum();
        long owed = verdicts.stream().mapToLong(Summary.Generator::owed).sum();
        Summary.Generator verdict = Summary.Generator.judge(scheduled - owed, owed,
                LatencyStatistics.of(judged),
                lagFromS);
        if (verdicts.stream().anyMatch(v -> v.cpuSeconds() == null)) {
            return verdict;
        }
        return verdict.withCpuOfShards(verdicts,
                shards.stream().map(f -> f.summary().submits().sent()).toList());
    }

    private static Summary.Miners miners(List<Summary> all) {
        Map<String, Long> byCause = new TreeMap<>();
        all.forEach(s -> s.miners().connectFailuresByCause().forEach((cause, n) -> byCause.merge(cause, n,
                Long::sum)));
        return new Summary.Miners(sum(all, s -> s.miners().target()),
                sum(all, s -> s.miners().connectedMax()),
                sum(all, s -> s.miners().subscribed()), sum(all, s -> s.miners().neverAnswered()),
                sum(all, s -> s.miners().reconnects()), sum(all, s -> s.miners().connectFailures()),
                sum(all, s -> s.miners().subscribeRejected()), sum(all, s -> s.miners().subscribePending()),
                sum(all, s -> s.miners().closedByPeer()), sum(all, s -> s.miners().notJsonRpc()), byCause);
    }

    /** Submits by outcome added; the whole run's late replies and answers too. */
    private static Summary.Submits submits(List<Summary.Submits> all, boolean wholeRun) {
        boolean withAnswers = wholeRun && all.stream().allMatch(s -> s.answers() != null);
        boolean withLate = wholeRun && all.stream().allMatch(s -> s.lateReplies() != null);
        return new Summary.Submits(all.stream().mapToLong(Summary.Submits::sent).sum(),
                all.stream().mapToLong(Summary.Submits::accepted).sum(),
                new Summary.Rejected(all.stream().mapToLong(s -> s.rejected().stale()).sum(),
                        all.stream().mapToLong(s -> s.rejected().incorrect()).sum(),
                        all.stream().mapToLong(s -> s.rejected().duplicate()).sum(),
                        all.stream().mapToLong(s -> s.rejected().other()).sum()),
                all.stream().mapToLong(Summary.Submits::errors).sum(),
                all.stream().mapToLong(Summary.Submits::unanswered).sum(),
                withLate ? all.stream().mapToLong(Summary.Submits::lateReplies).sum() : null,
                withAnswers
                        ? AnswerSamples.added(all.stream().map(Summary.Submits::answers).toList())
                        : null);
    }

    private static Summary.Errors errors(List<Summary> all) {
        Map<String, Long> generator = new TreeMap<>();
        Map<String, Long> server = new TreeMap<>();
        for (Summary s : all) {
            s.errors().unexpected().forEach((type, n) -> generator.merge(type, n, Long::sum));
            s.errors().unexpectedServer().forEach((type, n) -> server.merge(type, n, Long::sum));
        }
        return new Summary.Errors(generator, server);
    }

    /** Each phase, by its place in the scenario: counts added, latencies from the merged samples of the phase. */
    private static List<Summary.Phase> phases(List<Summary> all, List<AlignedSamples.Sample> samples) {
        int count = all.stream().mapToInt(s -> s.phases().size()).max().orElse(0);
        List<Summary.Phase> phases = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int index = k;
            List<Summary.Phase> reached = all.stream().filter(s -> s.phases().size() > index)
                    .map(s -> s.phases().get(index)).toList();
            phases.add(new Summary.Phase(reached.get(0).name(),
                    reached.stream().mapToDouble(Summary.Phase::startS).min().orElseThrow(),
                    reached.stream().mapToDouble(Summary.Phase::durationS).max().orElseThrow(),
                    reached.stream().mapToLong(Summary.Phase::connectedAtEnd).sum(),
                    reached.stream().mapToLong(Summary.Phase::subscribedAtEnd).sum(),
                    submits(reached.stream().map(Summary.Phase::submits).toList(), false),
                    LatencyStatistics.of(totals(samples, s -> s.phaseIndex() == index))));
        }
        return phases;
    }

    /** @return each metric's histogram, the chosen samples added */
    private static Map<Metric, Histogram> totals(List<AlignedSamples.Sample> samples,
            java.util.function.Predicate<AlignedSamples.Sample> chosen) {
        Map<Metric, Histogram> totals = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            Histogram total = new Histogram(3);
            samples.stream().filter(chosen).forEach(s -> total.add(s.byMetric().get(metric)));
            totals.put(metric, total);
        }
        return totals;
    }

    /** Why the merge did not get going: each shard that did not, named. */
    private static String startFailure(List<Summary> all) {
        String failures = all.stream().filter(s -> !s.gotGoing())
                .map(s -> s.shard().describe() + ": " + s.startFailure()).collect(Collectors.joining("; "));
        return failures.isEmpty() ? null : failures;
    }

    private static Double plannedDurationS(List<Summary> all) {
        return all.stream().map(Summary::plannedDurationS).filter(Objects::nonNull).max(Double::compare)
                .orElse(null);
    }

    private static long sum(List<Summary> all, ToLongFunction<Summary> count) {
        return all.stream().mapToLong(count).sum();
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static double roundToMs(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
