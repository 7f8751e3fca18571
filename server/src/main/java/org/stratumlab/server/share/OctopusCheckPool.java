package org.stratumlab.server.share;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.stratumlab.pow.U256;
import org.stratumlab.pow.octopus.LightCache;
import org.stratumlab.pow.octopus.LightCacheStore;
import org.stratumlab.pow.octopus.OctopusStage;
import org.stratumlab.pow.octopus.OctopusVerifier;
import org.stratumlab.server.errors.UnexpectedErrors;

/**
 * Octopus proof-of-work checks, off the event loops (docs/protocol.md §6b, Cost: 3 to 6 ms each, far too long for
 * a loop that serves thousands of connections). A fixed set of daemon threads, one {@link OctopusVerifier} each,
 * takes checks from one bounded queue; the stages' light caches are built on one more daemon thread.
 *
 * <p>Calling pattern: an event loop judges staleness itself, then {@link #offer}s the PoW check; a pool thread runs
 * it and calls {@link Check#checked}, which hands the result back to the connection's event loop. When the queue
 * is full {@code offer} returns false: the caller keeps the check, stops reading from its connection (the node
 * queues without bound; we push back instead) and asks {@link #whenRoom} to be woken. A check whose stage's cache
 * is not built yet waits for it here, never on a loop. The chain thread calls {@link #onJob} so that the next
 * stage's cache is built before the chain reaches it.
 *
 * <p>Thread-safe.
 */
public final class OctopusCheckPool implements AutoCloseable {
    /** How many blocks before a stage's first height its cache is started: at 2 blocks a second, minutes ahead. */
    static final long PREPARE_AHEAD_BLOCKS = 1024;

    /** One PoW check, made by the connection that asked for it. */
    public interface Check {
        /** @return the job's height, which selects the stage */
        long height();

        /** @return the job's problem hash */
        U256 powHash();

        /** @return the submitted nonce */
        U256 nonce();

        /** @return the job's boundary */
        U256 boundary();

        /** @return false once nobody waits for the answer (the connection closed): the check is skipped */
        boolean wanted();

        /**
         * The answer, on a pool thread.
         *
         * @param valid whether the nonce solves the job
         * @param checkNs how long the check took, waiting for a cache included
         */
        void checked(boolean valid, long checkNs);
    }

    private final LightCacheStore caches;
    private final ExecutorService cacheBuilder = Executors
            .newSingleThreadExecutor(r -> daemon(r, "stratumlab-octopus-cache"));
    private final BlockingQueue<Check> queue;
    private final ConcurrentLinkedQueue<Runnable> waiters = new ConcurrentLinkedQueue<>();
    private final Thread[] workers;
    private final UnexpectedErrors errors;
    private volatile boolean closed;

    /**
     * Starts the pool's threads.
     *
     * @param threads how many checks run at once: the cores
     * @param queueCapacity how many checks may wait
     * @param errors where a check that throws is recorded (it then counts as invalid)
     */
    public OctopusCheckPool(int threads, int queueCapacity, UnexpectedErrors errors) {
        this.caches = new LightCacheStore(cacheBuilder);
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.errors = errors;
        this.workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = daemon(this::work, "stratumlab-octopus-" + i);
            workers[i].start();
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Builds the cache of a height's stage in the calling thread, before the server listens.
     *
     * @param height the first job's height
     * @return the cache, which says how long it took
     */
    public LightCache buildFor(long height) {
        LightCache cache = caches.get(height);
        onJob(height);
        return cache;
    }

    /**
     * Called by the chain thread for each new job: near a stage's end, starts building the next stage's cache.
     *
     * @param height the new job's height
     */
    public void onJob(long height) {
        long ahead = height + PREPARE_AHEAD_BLOCKS;
        if (ahead <= OctopusStage.MAX_HEIGHT
                && OctopusStage.stageOf(ahead) != OctopusStage.stageOf(height)) {
            caches.prepare(ahead); // a no-op once it is built or being built
        }
    }

    /**
     * Queues a check, never blocking.
     *
     * @param check the check
     * @return false if the queue is full: the caller keeps the check and offers it again after {@link #whenRoom}
     */
    public boolean offer(Check check) {
        return queue.offer(check);
    }

    /**
     * Asks to be woken once, when a pool thread takes a check from the queue. The wakeup runs on that pool thread:
     * it should only hand work to an event loop. A caller must offer again after registering, since the room may
     * have been made in between.
     *
     * @param wakeup what to run
     */
    public void whenRoom(Runnable wakeup) {
        waiters.add(wakeup);
    }

    /** Passes a wakeup on to the next waiter: for a woken caller that had nothing left to offer. */
    public void passRoomOn() {
        Runnable wakeup = waiters.poll();
        if (wakeup != null) {
            try {
                wakeup.run();
            } catch (RejectedExecutionException e) {
                passRoomOn(); // that connection's event loop is shutting down
            }
        }
    }

    /** @return how many checks wait in the queue now */
    public int queueDepth() {
        return queue.size();
    }

    private void work() {
        OctopusVerifier verifier = new OctopusVerifier();
        while (!closed) {
            Check check;
            try {
                check = queue.take();
            } catch (InterruptedException e) {
                return; // closed
            }
            passRoomOn();
            if (check.wanted()) {
                run(verifier, check);
            }
        }
    }

    private void run(OctopusVerifier verifier, Check check) {
        long startNs = System.nanoTime();
        boolean valid;
        try {
            valid = verifier.isValid(caches.get(check.height()), check.powHash(), check.nonce(),
                    check.boundary());
        } catch (RuntimeException | Error e) {
            errors.record(e); // a bug or a failed cache build: the submit is answered, as incorrect
            valid = false;
        }
        try {
            check.checked(valid, System.nanoTime() - startNs);
        } catch (RejectedExecutionException e) {
            // The connection's event loop is shutting down: nobody waits for the answer.
        }
    }

    /** Stops the threads; checks still queued are dropped (their connections are closed by then). */
    @Override
    public void close() {
        closed = true;
        for (Thread worker : workers) {
            worker.interrupt();
        }
        cacheBuilder.shutdownNow();
    }
}
