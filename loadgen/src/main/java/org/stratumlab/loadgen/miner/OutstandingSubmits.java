package org.stratumlab.loadgen.miner;

/**
 * One connection's submits that have no reply yet, oldest first. A connection's replies come in request order
 * (docs/protocol.md §1), so a FIFO of rows suffices ({@link LongRows}): no map, no allocation per submit.
 *
 * <p>Not thread-safe: used on the connection's event loop only.
 */
final class OutstandingSubmits {
    private static final int ID = 0;
    private static final int INTENDED = 1;
    private static final int WRITTEN = 2;

    private final LongRows rows = new LongRows(3, 8);

    void add(long id, long intended, long written) {
        int slot = rows.append();
        rows.set(slot, ID, id);
        rows.set(slot, INTENDED, intended);
        rows.set(slot, WRITTEN, written);
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    int size() {
        return rows.size();
    }

    long headId() {
        return rows.head(ID);
    }

    long headIntendedNs() {
        return rows.head(INTENDED);
    }

    long headWrittenNs() {
        return rows.head(WRITTEN);
    }

    void removeHead() {
        rows.removeHead();
    }
}
