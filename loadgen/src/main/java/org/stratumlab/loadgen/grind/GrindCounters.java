package org.stratumlab.loadgen.grind;

import java.util.concurrent.atomic.LongAdder;

/**
 * What miners report about the nonces they needed, beside what the grinding threads count themselves: written by
 * every event loop, without locks or allocation.
 */
public final class GrindCounters {
    final LongAdder groundInline = new LongAdder();
    final LongAdder waited = new LongAdder();
    final LongAdder neverSent = new LongAdder();
    final LongAdder unground = new LongAdder();
    final LongAdder invalidUnchecked = new LongAdder();

    /** A valid nonce was ground on the miner's event loop within the inline attempts. */
    public void groundInline() {
        groundInline.increment();
    }

    /** A solution event found no valid nonce ready and waits for one. */
    public void waited() {
        waited.increment();
    }

    /** @param events solution events that were still waiting for a nonce when their miner stopped */
    public void neverSent(int events) {
        neverSent.add(events);
    }

    /** A valid share was sent with a nonce that was not ground ({@link NonceSupply#NONE}). */
    public void unground() {
        unground.increment();
    }

    /** A deliberately invalid share was sent without proof that it is invalid. */
    public void invalidUnchecked() {
        invalidUnchecked.increment();
    }
}
