package org.stratumlab.loadgen.miner;

/**
 * One connection's solution events waiting for a valid nonce, oldest first: each keeps its intended time (its
 * submit latency runs from there) and whether its share is to be repeated once accepted (a duplicate drawn before
 * any share of the job was accepted).
 *
 * <p>Not thread-safe: used on the connection's event loop only.
 */
final class WaitingEvents {
    private static final int INTENDED = 0;
    private static final int REPEAT = 1;

    private final LongRows rows = new LongRows(2, 4);

    void add(long intended, boolean repeatWhenAccepted) {
        int slot = rows.append();
        rows.set(slot, INTENDED, intended);
        rows.set(slot, REPEAT, repeatWhenAccepted ? 1 : 0);
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    int size() {
        return rows.size();
    }

    long headIntendedNs() {
        return rows.head(INTENDED);
    }

    boolean headRepeats() {
        return rows.head(REPEAT) != 0;
    }

    void removeHead() {
        rows.removeHead();
    }

    void clear() {
        rows.clear();
    }
}
