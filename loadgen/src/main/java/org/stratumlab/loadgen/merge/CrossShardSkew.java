package org.stratumlab.loadgen.merge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.stratumlab.results.Metric;
import org.stratumlab.results.NotifyReceiptsFile.JobReceipts;

/**
 * Notify skew across shards, from their {@code notify-receipts.jsonl}: a miner's receipt of a job minus the first
 * receipt of that job by any miner of any shard. Per job, the global first receipt is the earliest of the shards'
 * first receipts; each shard's offsets are moved by (its first receipt - the global first) and added.
 *
 * <p>Precision: moving an offset moves the histogram's bucket it was recorded in, whose width is 0.1 % of its value
 * at most (three significant digits; offsets below 2,048 µs are exact), so a moved offset is as precise as the
 * shard's histogram and no more; and the shards' first receipts are their machines' wall clocks, so any offset
 * between those clocks adds to every skew across machines (local shards share one clock). Each skew is recorded as
 * a run records it, a value below 1 µs as 1 µs.
 *
 * <p>Each skew goes into the merged second in which its receipt arrived, as a run records it. A shard that had
 * the first receipt of every job (the only shard of a merge of one) already recorded every skew as the merge
 * counts it, so its own log's seconds are taken as they are; the other shards' receipts are placed by their time
 * (first receipt plus offset, to the precision above, on the shard's clock), and one within about a millisecond of
 * a second's end may land in the neighbouring second. The whole run's skew does not depend on that placement.
 *
 * <p>A shard that forgot a job (hundreds of newer ones came) and received it again wrote a second line for it;
 * the n-th line of a job in each shard is taken to be the same broadcast.
 */
final class CrossShardSkew {
    private CrossShardSkew() {
    }

    /**
     * What the receipts merged into.
     *
     * @param whole every skew of the run
     * @param jobs the jobs seen by any shard (a job seen again after it was forgotten counts again, as in a run)
     * @param receipts each job's merged receipts, offsets from the global first receipt, by first receipt
     */
    record Result(Histogram whole, long jobs, List<JobReceipts> receipts) {
    }

    /** A job, as the n-th line of its pow hash in each shard. */
    private record Key(String powHash, int nth) {
    }

    /** One shard's line of a job. */
    private record Line(int shard, JobReceipts job) {
    }

    /**
     * @param shards the shards
     * @param samples the merged samples, in time order, whose notify-skew histograms receive each skew
     * @return the whole run's skew and the merged receipts
     */
    static Result add(List<ShardFolder> shards, List<AlignedSamples.Sample> samples) {
        Map<Key, List<Line>> byJob = new LinkedHashMap<>();
        for (ShardFolder shard : shards) {
            Map<String, Integer> seen = new HashMap<>();
            List<JobReceipts> inTimeOrder = new ArrayList<>(shard.receipts());
            inTimeOrder.sort(Comparator.comparingLong(JobReceipts::firstReceiptUs));
            for (JobReceipts job : inTimeOrder) {
                int nth = seen.merge(job.powHash(), 1, Integer::sum);
                byJob.computeIfAbsent(new Key(job.powHash(), nth), k -> new ArrayList<>())
                        .add(new Line(shard.shard().index(), job));
            }
        }
        Map<Key, Long> firstUs = new HashMap<>();
        Set<Integer> behind = new HashSet<>();
        byJob.forEach((key, lines) -> {
            long first = lines.stream().mapToLong(l -> l.job().firstReceiptUs()).min().orElseThrow();
            firstUs.put(key, first);
            lines.stream().filter(l -> l.job().firstReceiptUs() > first).forEach(l -> behind.add(l.shard()));
        });
        for (AlignedSamples.Sample sample : samples) {
            Histogram skew = sample.byMetric().get(Metric.NOTIFY_SKEW);
            sample.byShard().forEach((shard, own) -> {
                if (!behind.contains(shard)) {
                    skew.add(own.of(Metric.NOTIFY_SKEW));
                }
            });
        }
        long[] sampleStartsUs = samples.stream()
                .mapToLong(s -> s.byMetric().get(Metric.NOTIFY_SKEW).getStartTimeStamp() * 1000).toArray();
        List<JobReceipts> merged = new ArrayList<>();
        byJob.forEach((key, lines) -> {
            long first = firstUs.get(key);
            Histogram offsets = new Histogram(3);
            long receipts = 0;
            for (Line line : lines) {
                long shiftUs = line.job().firstReceiptUs() - first;
                receipts += line.job().receipts();
                for (HistogramIterationValue bucket : line.job().offsetsUs().recordedValues()) {
                    long offsetUs = bucket.getValueIteratedTo();
                    long count = bucket.getCountAtValueIteratedTo();
                    offsets.recordValueWithCount(offsetUs + shiftUs, count);
                    if (behind.contains(line.shard()) && sampleStartsUs.length > 0) {
                        samples.get(sampleAt(sampleStartsUs, line.job().firstReceiptUs() + offsetUs))
                                .byMetric()
                                .get(Metric.NOTIFY_SKEW)
                                .recordValueWithCount(Math.max(1, offsetUs + shiftUs), count);
                    }
                }
            }
            merged.add(new JobReceipts(key.powHash(), first, receipts, offsets));
        });
        merged.sort(Comparator.comparingLong(JobReceipts::firstReceiptUs));
        Histogram whole = new Histogram(3);
        samples.forEach(s -> whole.add(s.byMetric().get(Metric.NOTIFY_SKEW)));
        return new Result(whole, byJob.size(), merged);
    }

    /** @return the last sample that began at or before {@code timeUs}; the first for an earlier time */
    private static int sampleAt(long[] startsUs, long timeUs) {
        int low = 0;
        int high = startsUs.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (startsUs[mid] <= timeUs) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }
}
