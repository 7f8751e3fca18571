package org.stratumlab.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits on a condition with a deadline, polling every millisecond: the tests' only way to wait for state. */
public final class Await {
    private static final long POLL_NS = 1_000_000;

    private Await() {
    }

    /**
     * @param what describes the condition, for the failure message
     * @param condition polled until true
     * @param timeout how long it may take
     */
    public static void until(String what, BooleanSupplier condition, Duration timeout) {
        until(what, condition, () -> "", timeout);
    }

    /**
     * @param what describes the condition, for the failure message
     * @param condition polled until true
     * @param state describes the state seen last, for the failure message
     * @param timeout how long it may take
     */
    public static void until(String what, BooleanSupplier condition, Supplier<Object> state,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                fail("timed out after " + timeout + " waiting until " + what + "; last seen: " + state.get());
            }
            LockSupport.parkNanos(POLL_NS);
        }
    }
}
