package org.stratumlab.server.chain;

import java.math.BigInteger;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.stratumlab.pow.Difficulty;
import org.stratumlab.pow.U256;

/**
 * Drives the simulated chain on its own thread, the single writer of the chain (SPEC.md §4, §7):
 * <ul>
 * <li>a new job every block interval (the timer restarts whenever a job is made, however it was made);
 * <li>a new job when a solution of the current job is accepted, if so configured. Several solutions of one job
 * accepted at once make one new job, not a burst of them;
 * <li>a heartbeat: the current job is pushed again after the heartbeat interval without a push.
 * </ul>
 * Each push goes to the {@code publisher}, which encodes and broadcasts it.
 *
 * <p>Thread-safe: every request is handed to the chain thread.
 */
public final class BlockProducer implements AutoCloseable {
    private final SimulatedChain chain;
    private final long heartbeatNs;
    private final Consumer<Job> publisher;
    private final Runnable onJobMade;
    private final ScheduledThreadPoolExecutor thread = chainThread();
    private final Runnable blockTick = this::newJob;
    private final Runnable heartbeatTick = this::heartbeat;
    private long blockIntervalNs;
    private ScheduledFuture<?> nextBlock;
    private ScheduledFuture<?> nextHeartbeat;

    /**
     * @param chain the chain to extend
     * @param blockIntervalNs a new job every this often; 0 for none
     * @param heartbeatNs re-push the current job after this long without a push
     * @param publisher sends a job to the subscribers
     * @param onJobMade told of each new job (not of heartbeats), for counting
     */
    public BlockProducer(SimulatedChain chain, long blockIntervalNs, long heartbeatNs,
            Consumer<Job> publisher,
            Runnable onJobMade) {
        this.chain = chain;
        this.blockIntervalNs = blockIntervalNs;
        this.heartbeatNs = heartbeatNs;
        this.publisher = publisher;
        this.onJobMade = onJobMade;
    }

    private static ScheduledThreadPoolExecutor chainThread() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "stratumlab-chain");
            t.setDaemon(true);
            return t;
        });
        // Timers are cancelled on every job; without this each cancelled heartbeat would sit in the queue for
        // the full heartbeat interval, thousands of them under a fast job rate.
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    /** Starts the timers. The first job exists already and is not pushed: nobody has subscribed yet. */
    public void start() {
        thread.execute(() -> {
            scheduleBlock();
            scheduleHeartbeat();
        });
    }

    /**
     * A solution of {@code powHash} was accepted: make a new job if it solved the current one.
     *
     * @param powHash the problem hash that was solved
     */
    public void solved(U256 powHash) {
        execute(() -> {
            if (chain.current().powHash().equals(powHash)) {
                newJob();
            }
        });
    }

    /**
     * Retargets: jobs from now on have this difficulty, starting with a new job at once.
     *
     * @param difficulty at least 1
     */
    public void setDifficulty(BigInteger difficulty) {
        U256 boundary = Difficulty.toBoundary(difficulty);
        execute(() -> {
            chain.setBoundary(boundary);
            newJob();
        });
    }

    /**
     * Changes the block interval, counted from now.
     *
     * @param intervalNs the new interval; 0 stops the timer
     */
    public void setBlockIntervalNs(long intervalNs) {
        if (intervalNs < 0) {
            throw new IllegalArgumentException("block interval must not be negative");
        }
        execute(() -> {
            blockIntervalNs = intervalNs;
            scheduleBlock();
        });
    }

    /**
    * Changes the stale window (pow_problem_window_size) from the next job on.
    *
    * @param size at least 1
    */
    public void setWindow(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("window must be at least 1, was " + size);
        }
        execute(() -> chain.setWindowSize(size));
    }

    /** Makes a new job now and pushes it, as if a block had arrived. */
    public void newJobNow() {
        execute(this::newJob);
    }

    private void execute(Runnable task) {
        if (!thread.isShutdown()) {
            thread.execute(task);
        }
    }

    private void newJob() {
        Job job = chain.nextJob();
        onJobMade.run();
        push(job);
        scheduleBlock();
    }

    private void heartbeat() {
        push(chain.current());
    }

    private void push(Job job) {
        publisher.accept(job);
        scheduleHeartbeat();
    }

    private void scheduleBlock() {
        if (nextBlock != null) {
            nextBlock.cancel(false);
        }
        nextBlock = blockIntervalNs > 0
                ? thread.schedule(blockTick, blockIntervalNs, TimeUnit.NANOSECONDS)
                : null;
    }

    private void scheduleHeartbeat() {
        if (nextHeartbeat != null) {
            nextHeartbeat.cancel(false);
        }
        nextHeartbeat = thread.schedule(heartbeatTick, heartbeatNs, TimeUnit.NANOSECONDS);
    }

    /** Stops the timers and the chain thread; pending requests are dropped. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
