package org.stratumlab.server.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stratumlab.pow.Difficulty;
import org.stratumlab.server.errors.UnexpectedErrors;
import org.stratumlab.server.testing.ServerFixture;

/**
 * The block producer keeps the chain going whatever a push throws: the error is recorded once and the timers
 * stay set. Before, a broadcast that threw left the next block unscheduled and the chain stopped silently.
 */
@Timeout(20)
class BlockProducerTest {
    private static final long START_HEIGHT = 100;
    private static final long HOUR_NS = TimeUnit.HOURS.toNanos(1);

    private final List<String> errorLog = new CopyOnWriteArrayList<>();
    private final UnexpectedErrors errors = UnexpectedErrors.loggingTo("test", errorLog::add);
    private final BlockingQueue<Job> published = new LinkedBlockingQueue<>();
    private final AtomicLong jobsMade = new AtomicLong();
    private BlockProducer producer;

    @AfterEach
    void close() {
        producer.close();
    }

    /** @return a publisher whose first {@code failures} pushes throw, the later ones are queued */
    private Consumer<Job> failingFirst(int failures) {
        AtomicInteger pushes = new AtomicInteger();
        return job -> {
            if (pushes.incrementAndGet() <= failures) {
                throw new IllegalStateException("broadcast failed");
            }
            published.add(job);
        };
    }

    private void start(long blockIntervalNs, long heartbeatNs, Consumer<Job> publisher) {
        SimulatedChain chain = new SimulatedChain(7, START_HEIGHT,
                Difficulty.toBoundary(BigInteger.valueOf(4)), 1);
        producer = new BlockProducer(chain, blockIntervalNs, heartbeatNs, publisher,
                jobsMade::incrementAndGet,
                errors);
        producer.start();
    }

    private Job nextPublished() throws InterruptedException {
        Job job = published.poll(ServerFixture.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(job, "no job was published");
        return job;
    }

    @Test
    void blockTimerGoesOnAfterABroadcastThrows() throws InterruptedException {
        start(TimeUnit.MILLISECONDS.toNanos(1), HOUR_NS, failingFirst(1));

        Job job = nextPublished();

        assertEquals(START_HEIGHT + 2, job.height(), "the job after the one whose broadcast threw");
        assertEquals(Map.of(IllegalStateException.class.getName(), 1L), errors.snapshot());
        assertEquals(1, errorLog.size(), errorLog::toString);
    }

    @Test
    void heartbeatGoesOnAfterABroadcastThrows() throws InterruptedException {
        start(0, TimeUnit.MILLISECONDS.toNanos(1), failingFirst(3));

        Job job = nextPublished();

        assertEquals(START_HEIGHT, job.height(), "a heartbeat of the first job");
        assertEquals(Map.of(IllegalStateException.class.getName(), 3L), errors.snapshot());
        assertEquals(1, errorLog.size(), "logged once per class: " + errorLog);
    }

    @Test
    void newJobAfterAFailedOneIsPublished() throws InterruptedException {
        start(0, HOUR_NS, failingFirst(1));

        producer.newJobNow();
        producer.newJobNow();

        assertEquals(START_HEIGHT + 2, nextPublished().height());
        assertEquals(3, jobsMade.get(), "the first job and both new ones are made");
    }

    @Test
    void theFirstJobIsCountedAtStart() {
        start(0, HOUR_NS, published::add);

        assertEquals(1, jobsMade.get());
    }
}
