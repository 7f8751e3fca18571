package org.stratumlab.loadgen.miner;

/**
 * One connection's solution events waiting for a valid nonce, oldest first: each keeps its intended time (its
 * submit latency runs from there) and whether its share is to be repeated once accepted (a duplicate drawn before
 * any share of the job was accepted). A ring that grows only when more events wait than ever before.
 *
 * <p>Not thread-safe: used on the connection's event loop only.
 */
final class WaitingEvents {
    private static final long[] NONE = new long[0];
    private static final boolean[] NO_FLAGS = new boolean[0];
    private static final int FIRST_CAPACITY = 4;

    private long[] intendedNs = NONE;
    private boolean[] repeat = NO_FLAGS;
    private int head;
    private int size;

    void add(long intended, boolean repeatWhenAccepted) {
        if (size == intendedNs.length) {
            grow();
        }
        int tail = (head + size) & (intendedNs.length - 1);
        intendedNs[tail] = intended;
        repeat[tail] = repeatWhenAccepted;
        size++;
    }

    private void grow() {
        int capacity = Math.max(FIRST_CAPACITY, intendedNs.length * 2);
        long[] newIntended = new long[capacity];
        boolean[] newRepeat = new boolean[capacity];
        for (int i = 0; i < size; i++) {
            int from = (head + i) & (intendedNs.length - 1);
            newIntended[i] = intendedNs[from];
            newRepeat[i] = repeat[from];
        }
        intendedNs = newIntended;
        repeat = newRepeat;
        head = 0;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    long headIntendedNs() {
        return intendedNs[head];
    }

    boolean headRepeats() {
        return repeat[head];
    }

    void removeHead() {
        head = (head + 1) & (intendedNs.length - 1);
        size--;
    }

    void clear() {
        head = 0;
        size = 0;
    }
}
