package org.stratumlab.loadgen.merge;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.stratumlab.loadgen.record.LatencyLogFile;
import org.stratumlab.loadgen.record.LatencyStatistics;
import org.stratumlab.results.Metric;
import org.stratumlab.results.Outcome;
import org.stratumlab.results.TimeSeriesRow;

/**
 * The shards' samples lined up in time and added: one merged sample per second of the run, each metric's interval
 * histograms added (losslessly), and one {@code timeseries.csv} row of their sums.
 *
 * <p>The shards start at one instant and sample on the same one-second ticks from it, each phase's ticks counted
 * from the phase's start; so the k-th sample of a phase covers the same second of wall-clock time in every shard
 * (to within the clock offsets between their machines), and that is how they are aligned: by phase and place in
 * it, not by the exact millisecond a sample was taken, which a busy machine delays (a late sample still closes its
 * own tick). Each merged interval starts at the earliest of its shards' intervals and ends at the latest.
 *
 * <p>A row's counts (submits, outcomes, notifies) and levels (connections, subscribed at the row's time) add; its
 * time and interval length are the latest shard's; its percentiles come from the added histograms, as a run
 * computes them ({@link LatencyStatistics#percentile}). Notify skew is not added here: a shard's skew counts from
 * its own first receipt, so the merged skew is made from the shards' receipts ({@link CrossShardSkew}).
 */
final class AlignedSamples {
    private AlignedSamples() {
    }

    /**
     * One merged sample.
     *
     * @param phase the phase it belongs to
     * @param phaseIndex that phase's place in the scenario, 0 first
     * @param byMetric each metric's added interval histogram; notify skew's starts empty
     * @param row its row of timeseries.csv
     * @param byShard the shards' own samples it is made of, by shard index
     */
    record Sample(String phase, int phaseIndex, Map<Metric, Histogram> byMetric, TimeSeriesRow row,
            Map<Integer, LatencyLogFile.Sample> byShard) {
    }

    /** Where a shard's sample goes: the place of its phase, and its own place within the phase. */
    private record Place(int phaseIndex, int ordinal) implements Comparable<Place> {
        @Override
        public int compareTo(Place other) {
            return phaseIndex != other.phaseIndex
                    ? Integer.compare(phaseIndex, other.phaseIndex)
                    : Integer.compare(ordinal, other.ordinal);
        }
    }

    /** The shards' samples of one place, by shard index, with their rows. */
    private record Members(String phase, Map<Integer, LatencyLogFile.Sample> samples,
            List<TimeSeriesRow> rows) {
    }

    /**
     * @param shards the shards, by index
     * @return the merged samples, in time order
     * @throws IllegalArgumentException naming a shard's folder whose phases disagree with its summary's or with
     *         the first shard's
     */
    static List<Sample> of(List<ShardFolder> shards) {
        Map<Place, Members> places = new TreeMap<>();
        List<String> phaseNames = new ArrayList<>();
        for (ShardFolder shard : shards) {
            int phaseIndex = -1;
            int ordinal = 0;
            String phase = null;
            for (int i = 0; i < shard.rows().size(); i++) {
                TimeSeriesRow row = shard.rows().get(i);
                if (!row.phase().equals(phase)) {
                    phase = row.phase();
                    phaseIndex++;
                    ordinal = 0;
                    if (phaseIndex == phaseNames.size()) {
                        phaseNames.add(phase);
                    } else if (!phaseNames.get(phaseIndex).equals(phase)) {
                        throw new IllegalArgumentException(shard.dir() + ": phase " + (phaseIndex + 1)
                                + " is '"
                                + phase + "', another shard's is '" + phaseNames.get(phaseIndex) + "'");
                    }
                }
                Members members = places.computeIfAbsent(new Place(phaseIndex, ordinal++),
                        p -> new Members(row.phase(), new TreeMap<>(), new ArrayList<>()));
                members.samples().put(shard.shard().index(), shard.log().samples().get(i));
                members.rows().add(row);
            }
            if (phaseIndex + 1 != shard.summary().phases().size()) {
                throw new IllegalArgumentException(shard.dir() + ": " + (phaseIndex + 1)
                        + " phases in its time series, " + shard.summary().phases().size()
                        + " in its summary (two phases in a row of the same name cannot be told apart)");
            }
        }
        List<Sample> samples = new ArrayList<>();
        places.forEach((place, members) -> samples.add(added(place.phaseIndex(), members)));
        return samples;
    }

    private static Sample added(int phaseIndex, Members members) {
        Map<Metric, Histogram> byMetric = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            Histogram sum = new Histogram(3);
            long start = Long.MAX_VALUE;
            long end = Long.MIN_VALUE;
            for (LatencyLogFile.Sample sample : members.samples().values()) {
                Histogram interval = sample.of(metric);
                if (metric != Metric.NOTIFY_SKEW) {
                    sum.add(interval);
                }
                start = Math.min(start, interval.getStartTimeStamp());
                end = Math.max(end, interval.getEndTimeStamp());
            }
            sum.setStartTimeStamp(start);
            sum.setEndTimeStamp(end);
            byMetric.put(metric, sum);
        }
        return new Sample(members.phase(), phaseIndex, byMetric, row(members, byMetric), members.samples());
    }

    private static TimeSeriesRow row(Members members, Map<Metric, Histogram> byMetric) {
        double elapsedS = 0;
        double intervalS = 0;
        long connections = 0;
        long subscribed = 0;
        long submits = 0;
        long notifies = 0;
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, 0L);
        }
        for (TimeSeriesRow row : members.rows()) {
            elapsedS = Math.max(elapsedS, row.elapsedS());
            intervalS = Math.max(intervalS, row.intervalS());
            connections += row.connections();
            subscribed += row.subscribed();
            submits += row.submits();
            notifies += row.notifies();
            for (Outcome outcome : Outcome.values()) {
                outcomes.merge(outcome, row.of(outcome), Long::sum);
            }
        }
        Histogram submit = byMetric.get(Metric.SUBMIT);
        return new TimeSeriesRow(elapsedS, connections, subscribed, submits, outcomes, notifies,
                LatencyStatistics.percentile(submit, 50), LatencyStatistics.percentile(submit, 99), intervalS,
                LatencyStatistics.percentile(byMetric.get(Metric.LAG), 99), members.phase());
    }
}
