package org.stratumlab.loadgen.record;

import org.stratumlab.results.Summary;

/**
 * Which samples the generator's lag is judged on ({@link Summary.Generator}): in a run at least twice as long as
 * the warm-up, those whose interval began {@value Summary.Generator#WARM_UP_S} s or more after the run's start.
 * Decided from the epoch milliseconds {@code latency.hlog} records for each interval, so that a merge of shards,
 * reading the logs back, selects exactly the intervals each run judged.
 */
public final class LagWarmUp {
    private static final long WARM_UP_MS = Summary.Generator.WARM_UP_S * 1000L;

    private LagWarmUp() {
    }

    /**
     * @param intervalStartEpochMs when the interval began
     * @param runStartEpochMs when the run began (the log's base time)
     * @return whether the interval's lag is judged once the run is long enough
     */
    public static boolean isAfter(long intervalStartEpochMs, long runStartEpochMs) {
        return intervalStartEpochMs - runStartEpochMs >= WARM_UP_MS;
    }

    /**
     * @param runNs how long the run lasted
     * @return whether the lag is judged after the warm-up (else over the whole run)
     */
    public static boolean applies(long runNs) {
        return runNs >= 2L * WARM_UP_MS * 1_000_000L;
    }
}
