package org.stratumlab.loadgen.merge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>A job's receipts go into the merged second in which they arrived (its first receipt plus the offset, to the
 * same precision), as a run records each skew when it arrives; a receipt within about a millisecond of a second's
 * end may land in the neighbouring one. The whole run's skew is exact to the precision above.
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

    /** A job's line of one shard, the n-th of its pow hash there. */
    private record Key(String powHash, int nth) {
    }

    /**
     * @param shards the shards
     * @param samples the merged samples, in time order, whose notify-skew histograms receive each skew
     * @return the whole run's skew and the merged receipts
     */
    static Result add(List<ShardFolder> shards, List<AlignedSamples.Sample> samples) {
        Map<Key, List<JobReceipts>> byJob = new LinkedHashMap<>();
        for (ShardFolder shard : shards) {
            Map<String, Integer> seen = new HashMap<>();
            List<JobReceipts> inTimeOrder = new ArrayList<>(shard.receipts());
            inTimeOrder.sort(Comparator.comparingLong(JobReceipts::firstReceiptUs));
            for (JobReceipts job : inTimeOrder) {
                int nth = seen.merge(job.powHash(), 1, Integer::sum);
                byJob.computeIfAbsent(new Key(job.powHash(), nth), k -> new ArrayList<>()).add(job);
            }
        }
        long[] sampleStartsUs = samples.stream()
                .mapToLong(s -> s.byMetric().get(Metric.NOTIFY_SKEW).getStartTimeStamp() * 1000).toArray();
        Histogram whole = new Histogram(3);
        List<JobReceipts> merged = new ArrayList<>();
        for (List<JobReceipts> lines : byJob.values()) {
            long firstUs = lines.stream().mapToLong(JobReceipts::firstReceiptUs).min().orElseThrow();
            Histogram offsets = new Histogram(3);
            long receipts = 0;
            for (JobReceipts line : lines) {
                long shiftUs = line.firstReceiptUs() - firstUs;
                receipts += line.receipts();
                for (HistogramIterationValue bucket : line.offsetsUs().recordedValues()) {
                    long offsetUs = bucket.getValueIteratedTo();
                    long count = bucket.getCountAtValueIteratedTo();
                    long skewUs = offsetUs + shiftUs;
                    offsets.recordValueWithCount(skewUs, count);
                    long recorded = Math.max(1, skewUs);
                    whole.recordValueWithCount(recorded, count);
                    if (sampleStartsUs.length > 0) {
                        samples.get(sampleAt(sampleStartsUs, line.firstReceiptUs() + offsetUs)).byMetric()
                                .get(Metric.NOTIFY_SKEW).recordValueWithCount(recorded, count);
                    }
                }
            }
            merged.add(new JobReceipts(lines.get(0).powHash(), firstUs, receipts, offsets));
        }
        merged.sort(Comparator.comparingLong(JobReceipts::firstReceiptUs));
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
