package org.stratumlab.loadgen.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.results.NotifyReceiptsFile;

/**
 * notify-receipts.jsonl as a run writes it: receipts from many threads at once all counted, a job's line written
 * once the fleet forgot it and a sample passed (or at the end), first receipts on the run's wall clock.
 */
class NotifyReceiptLogTest {
    private static final Path FILE = Path.of(NotifyReceiptsFile.FILE_NAME);

    @TempDir
    Path dir;

    @Test
    @Timeout(30)
    void receiptsFromManyThreadsAtOnceAreAllCounted() throws Exception {
        RunClock clock = RunClock.anchoredNow();
        NotifyReceiptLog log = new NotifyReceiptLog(clock);
        log.open(dir);
        long firstNs = System.nanoTime();
        NotifyReceiptLog.JobTally job = log.newJob("0x01", firstNs);
        int threads = 4;
        int each = 20_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> loops = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread loop = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    if (i % 4 == 0) {
                        job.repeated();
                    } else {
                        job.received(firstNs + i * 1_000L, i % 4 != 1); // one in four not counted as skew
                    }
                }
            });
            loop.start();
            loops.add(loop);
        }
        go.countDown();
        for (Thread loop : loops) {
            loop.join();
        }
        log.close();
        List<NotifyReceiptsFile.JobReceipts> lines = NotifyReceiptsFile.read(dir.resolve(FILE));
        assertEquals(1, lines.size());
        NotifyReceiptsFile.JobReceipts line = lines.get(0);
        assertEquals("0x01", line.powHash());
        assertEquals((long) threads * each, line.receipts());
        assertEquals((long) threads * each / 2, line.offsetsUs().getTotalCount(), "broadcasts only");
        assertEquals(each - 1, line.offsetsUs().getMaxValue(), each * 0.001, "offsets in microseconds");
        assertEquals(clock.epochMicrosAt(firstNs), line.firstReceiptUs());
        assertEquals(0, log.lateReceipts());
    }

    @Test
    void aJobsLineIsWrittenASampleAfterTheFleetForgotItAndTheRestAtTheEnd() throws IOException {
        NotifyReceiptLog log = new NotifyReceiptLog(RunClock.anchoredNow());
        log.open(dir);
        long t0 = System.nanoTime();
        NotifyReceiptLog.JobTally first = log.newJob("0x01", t0);
        NotifyReceiptLog.JobTally second = log.newJob("0x02", t0 + 100_000_000L);
        NotifyReceiptLog.JobTally third = log.newJob("0x03", t0 + 200_000_000L);
        first.received(t0, false);
        second.received(t0 + 100_000_000L, true);
        second.received(t0 + 100_250_000L, true);
        third.received(t0 + 200_000_000L, true);
        log.writeForgotten(t0 + 10_000_000_000L);
        assertEquals("", Files.readString(dir.resolve(FILE)), "nothing forgotten, nothing written");
        log.forgotten(first, t0 + 1_000_000_000L);
        log.forgotten(second, t0 + 2_000_000_000L);
        log.writeForgotten(t0 + 1_500_000_000L);
        List<NotifyReceiptsFile.JobReceipts> written = NotifyReceiptsFile.read(dir.resolve(FILE));
        assertEquals(List.of("0x01"), written.stream().map(NotifyReceiptsFile.JobReceipts::powHash).toList(),
                "only what was forgotten before the time");
        assertEquals(0, written.get(0).offsetsUs().getTotalCount(), "a connection's first job is no skew");
        first.repeated(); // after its line: counted as late, not lost without a word
        assertEquals(1, log.lateReceipts());
        log.close();
        log.close();
        List<NotifyReceiptsFile.JobReceipts> all = NotifyReceiptsFile.read(dir.resolve(FILE));
        assertEquals(List.of("0x01", "0x02", "0x03"),
                all.stream().map(NotifyReceiptsFile.JobReceipts::powHash).toList(),
                "in the order first seen");
        NotifyReceiptsFile.JobReceipts two = all.get(1);
        assertEquals(2, two.receipts());
        assertEquals(0, two.offsetsUs().getMinValue());
        assertEquals(250, two.offsetsUs().getMaxValue(), 1, "250 µs after the first");
        assertEquals(100_000, two.firstReceiptUs() - all.get(0).firstReceiptUs(),
                "the monotonic clock's distance");
        assertTrue(all.get(0).firstReceiptUs() > 1_700_000_000_000_000L, "microseconds since the epoch");
    }

    @Test
    void aLogNeverOpenedWritesNothing() throws IOException {
        NotifyReceiptLog log = new NotifyReceiptLog(RunClock.anchoredNow());
        log.close();
        assertEquals(0, Files.list(dir).count());
    }
}
