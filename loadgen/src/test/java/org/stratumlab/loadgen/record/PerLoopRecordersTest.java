package org.stratumlab.loadgen.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.results.Metric;

/**
 * Each event loop records into recorders of its own, other threads into a shared set; the sampler's interval is
 * the sum of all of them, value for value, as one recorder written by every thread would have held.
 */
@Timeout(30)
class PerLoopRecordersTest {
    private static final int LOOPS = 4;
    private static final int VALUES_PER_LOOP = 20_000;
    private static final long SEED = 77;

    @TempDir
    Path out;

    @Test
    void theMergedIntervalIsTheSumOfWhatEveryThreadRecorded() throws Exception {
        LoadMetrics metrics = new LoadMetrics();
        Histogram expected = new Histogram(3);
        List<ExecutorService> loops = new ArrayList<>();
        try (IntervalSampler sampler = new IntervalSampler(metrics, out, System.nanoTime(),
                System.currentTimeMillis())) {
            List<Future<Histogram>> recorded = new ArrayList<>();
            for (int i = 0; i < LOOPS; i++) {
                ExecutorService loop = Executors.newSingleThreadExecutor();
                loops.add(loop);
                long seed = SEED + i;
                recorded.add(loop.submit(() -> recordFrom(metrics.recordersFor(loop), seed)));
            }
            // The main thread is no event loop: it records through the shared set.
            Histogram fromMain = new Histogram(3);
            for (int i = 1; i <= 1000; i++) {
                metrics.record(Metric.SUBMIT, i * 1_000_000L);
                fromMain.recordValue(i * 1000L);
            }
            metrics.record(Metric.SUBMIT, 5_000_000L, 7);
            fromMain.recordValueWithCount(5000, 7);
            expected.add(fromMain);
            for (Future<Histogram> each : recorded) {
                expected.add(each.get(20, TimeUnit.SECONDS));
            }

            sampler.sample();

            Histogram total = sampler.totals().get(Metric.SUBMIT);
            assertEquals(expected.getTotalCount(), total.getTotalCount(), "seed " + SEED);
            assertEquals(expected, total, "every value in its bucket; seed " + SEED);
            assertEquals(0, sampler.totals().get(Metric.CONNECT).getTotalCount());
        } finally {
            loops.forEach(ExecutorService::shutdownNow);
        }
    }

    @Test
    void anEventLoopGetsTheSameRecordersEveryTime() throws Exception {
        LoadMetrics metrics = new LoadMetrics();
        ExecutorService loop = Executors.newSingleThreadExecutor();
        try {
            assertSame(metrics.recordersFor(loop), metrics.recordersFor(loop));
        } finally {
            loop.shutdownNow();
        }
    }

    private static Histogram recordFrom(LatencyRecorders recorders, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Histogram mine = new Histogram(3);
        for (int i = 0; i < VALUES_PER_LOOP; i++) {
            long micros = 1 + random.nextLong(5_000_000);
            recorders.record(Metric.SUBMIT, micros * 1000);
            mine.recordValue(micros);
        }
        return mine;
    }
}
