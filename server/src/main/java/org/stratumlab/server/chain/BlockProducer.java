package org.stratumlab.server.chain;

import java.math.BigInteger;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.stratumlab.pow.Difficulty;
import org.stratumlab.pow.U256;
import org.stratumlab.server.errors.UnexpectedErrors;

/**
 * Drives the simulated chain on its own thread, the single writer of the chain (docs/protocol.md §4, §7):
 * <ul>
 * <li>a new job every block interval (the timer restarts whenever a job is made, however it was made);
 * <li>a new job after every accepted solution, if so configured, whichever problem of the window it solved: the
 * node clears its current job when any problem still in its window is solved, and assembles a new one. A burst
 * of N accepted solutions makes N new jobs, one after the other, as the node's mining loop does;
 * <li>a heartbeat: the current job is pushed again after the heartbeat interval without a push.
 * </ul>
 * Each push goes to the {@code publisher}, which encodes and broadcasts it. Whatever a task throws is recorded as
 * an unexpected error and the timers stay set: the chain never stops because one broadcast failed.
 *
 * <p>Thread-safe: every request is handed to the chain thread.
 */
public final class BlockProducer implements AutoCloseable {
    private final SimulatedChain chain;
    private final long heartbeatNs;
    private final Consumer<Job> publisher;
    private final Runnable onJobMade;
    private final UnexpectedErrors errors;
    private final ScheduledThreadPoolExecutor thread = chainThread();
    private final Runnable blockTick = guarded(this::newJob);
    private final Runnable heartbeatTick = guarded(this::heartbeat);
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
        this(chain, blockIntervalNs, heartbeatNs, publisher, onJobMade,
                UnexpectedErrors.toStderr("stratumlab chain"));
    }

    /**
     * @param chain the chain to extend
     * @param blockIntervalNs a new job every this often; 0 for none
     * @param heartbeatNs re-push the current job after this long without a push
     * @param publisher sends a job to the subscribers
     * @param onJobMade told of each new job (not of heartbeats), the chain's first job included, for counting
     * @param errors where whatever a task throws is recorded
     */
    public BlockProducer(SimulatedChain chain, long blockIntervalNs, long heartbeatNs,
            Consumer<Job> publisher,
            Runnable onJobMade, UnexpectedErrors errors) {
        this.errors = errors;
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

    /**
     * Starts the timers. The first job exists already and is not pushed (nobody has subscribed yet), but it is a
     * job made, and counted as one: its notifies are sent later, by heartbeat or on subscribe.
     */
    public void start() {
        onJobMade.run();
        execute(() -> {
            scheduleBlock();
            scheduleHeartbeat();
        });
    }

    /**
     * A solution was accepted: make a new job. Any problem still in the window counts, not only the newest, and
     * each solution makes its own job: the node clears its job after every solution it seals.
     *
     * @param powHash the problem hash that was solved
     */
    public void solved(U256 powHash) {
        execute(this::newJob);
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
            thread.execute(guarded(task));
        }
    }

    /**
     * An exception escaping a task would end it silently: a scheduled executor keeps it in a future nobody reads.
     * The timers are set before the work that may throw, so recording the error is all that is left to do.
     */
    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                errors.record(e);
            }
        };
    }

    private void newJob() {
        scheduleBlock();
        Job job = chain.nextJob();
        onJobMade.run();
        push(job);
    }

    private void heartbeat() {
        push(chain.current());
    }

    private void push(Job job) {
        scheduleHeartbeat();
        publisher.accept(job);
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
