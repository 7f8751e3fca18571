package org.stratumlab.server.chain;

import java.util.HashSet;
import java.util.Set;
import org.stratumlab.pow.U256;

/**
 * The nonces accepted for one job (docs/protocol.md §5, the duplicate check), without a box or a node per nonce:
 * nonces below 2^64, what miners send, live in an open-addressing table of {@code long}s (linear probing, 0 kept
 * apart as the empty slot's value); wider ones in a set of {@link U256}, made on the first. Only growth allocates,
 * and a table sized for the job's likely count does not grow.
 *
 * <p>Thread-safe: every event loop may accept into the current job, so the two methods lock the set, a short,
 * rarely contended hold (one probe).
 */
final class AcceptedNonces {
    private static final int MIN_CAPACITY = 16;
    /** Grow past three quarters full, which keeps probes short. */
    private static final int LOAD_PERCENT = 75;

    private long[] slots;
    private boolean zeroAccepted;
    private int narrowCount;
    private Set<U256> wide;

    /** @param expected how many nonces the job will likely accept */
    AcceptedNonces(int expected) {
        int capacity = MIN_CAPACITY;
        while (capacity * LOAD_PERCENT / 100 < expected) {
            capacity <<= 1;
        }
        slots = new long[capacity];
    }

    /**
     * Records a nonce.
     *
     * @return {@code false} if it had been accepted already
     */
    synchronized boolean add(long w3, long w2, long w1, long w0) {
        if ((w3 | w2 | w1) != 0) {
            if (wide == null) {
                wide = new HashSet<>();
            }
            return wide.add(U256.of(w3, w2, w1, w0));
        }
        if (w0 == 0) {
            boolean added = !zeroAccepted;
            zeroAccepted = true;
            return added;
        }
        if (!insert(slots, w0)) {
            return false;
        }
        if (++narrowCount * 100L > (long) slots.length * LOAD_PERCENT) {
            grow();
        }
        return true;
    }

    /** @return how many nonces were accepted */
    synchronized int size() {
        return narrowCount + (zeroAccepted ? 1 : 0) + (wide == null ? 0 : wide.size());
    }

    /** @return false if {@code key} (not 0) was there already */
    private static boolean insert(long[] table, long key) {
        int mask = table.length - 1;
        for (int i = slot(key, mask);; i = (i + 1) & mask) {
            long there = table[i];
            if (there == 0) {
                table[i] = key;
                return true;
            }
            if (there == key) {
                return false;
            }
        }
    }

    /** Spreads the bits of counter-like nonces (consecutive values) over the table (Stafford's mix 13). */
    private static int slot(long key, int mask) {
        long z = (key ^ (key >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return (int) (z ^ (z >>> 31)) & mask;
    }

    private void grow() {
        long[] bigger = new long[slots.length << 1];
        for (long key : slots) {
            if (key != 0) {
                insert(bigger, key);
            }
        }
        slots = bigger;
    }
}
