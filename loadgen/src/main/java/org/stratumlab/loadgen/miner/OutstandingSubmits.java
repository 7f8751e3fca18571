package org.stratumlab.loadgen.miner;

/**
 * One connection's submits that have no reply yet, oldest first. A connection's replies come in request order
 * (docs/protocol.md §1), so a FIFO ring suffices: no map, no allocation per submit (the arrays grow only when more
  * submits are in flight than ever before on this connection, and start empty until the first submit).
 *
 * <p>Not thread-safe: used on the connection's event loop only.
 */
final class OutstandingSubmits {
    private static final long[] NONE = new long[0];
    private static final int FIRST_CAPACITY = 8;

    // Allocated on the first submit: an idle miner holds no arrays (memory per idle miner).
    private long[] ids = NONE;
    private long[] intendedNs = NONE;
    private long[] writtenNs = NONE;
    private int head;
    private int size;

    void add(long id, long intended, long written) {
        if (size == ids.length) {
            grow();
        }
        int tail = (head + size) & (ids.length - 1);
        ids[tail] = id;
        intendedNs[tail] = intended;
        writtenNs[tail] = written;
        size++;
    }

    private void grow() {
        int capacity = Math.max(FIRST_CAPACITY, ids.length * 2);
        long[] newIds = new long[capacity];
        long[] newIntended = new long[capacity];
        long[] newWritten = new long[capacity];
        for (int i = 0; i < size; i++) {
            int from = (head + i) & (ids.length - 1);
            newIds[i] = ids[from];
            newIntended[i] = intendedNs[from];
            newWritten[i] = writtenNs[from];
        }
        ids = newIds;
        intendedNs = newIntended;
        writtenNs = newWritten;
        head = 0;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    long headId() {
        return ids[head];
    }

    long headIntendedNs() {
        return intendedNs[head];
    }

    long headWrittenNs() {
        return writtenNs[head];
    }

    void removeHead() {
        head = (head + 1) & (ids.length - 1);
        size--;
    }
}
