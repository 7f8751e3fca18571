package org.stratumlab.loadgen.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request to end a run before its phases are over, from outside the run (a signal handler on Ctrl-C or SIGTERM).
 * The run then stops submitting, drains what is in flight for a bounded time, and writes its results marked
 * interrupted.
 *
 * <p>Thread-safe: {@link #interrupt()} may come from any thread; the run's thread waits on it.
 */
public final class RunStop {
    private final CountDownLatch requested = new CountDownLatch(1);

    /** Asks the run to stop; it returns once its results are written. Idempotent. */
    public void interrupt() {
        requested.countDown();
    }

    /** @return whether a stop was asked for */
    public boolean isInterrupted() {
        return requested.getCount() == 0;
    }

    /**
     * Waits until a deadline, or less if a stop is asked for: the run's sampling clock, and a repeated run's
     * watch over the run in progress.
     *
     * @param deadlineNs a {@link System#nanoTime()} value
     * @return true if a stop was asked for
     * @throws InterruptedException if the thread is interrupted
     */
    public boolean awaitUntil(long deadlineNs) throws InterruptedException {
        return requested.await(Math.max(0, deadlineNs - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
}
