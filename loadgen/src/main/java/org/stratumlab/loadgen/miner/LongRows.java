package org.stratumlab.loadgen.miner;

/**
 * A first-in first-out queue of rows of longs in one array, for a connection's per-message bookkeeping: no
 * allocation per row (the array grows, by doubling, only when more rows are held than ever before, and starts
 * empty, so that an idle miner holds nothing).
 *
 * <p>Not thread-safe: used on the connection's event loop only.
 */
final class LongRows {
    private static final long[] NONE = new long[0];

    private final int columns;
    private final int firstCapacity;
    private long[] cells = NONE;
    private int capacity;
    private int head;
    private int size;

    /**
     * @param columns the longs in a row
     * @param firstCapacity the rows held once the first is added, a power of two
     */
    LongRows(int columns, int firstCapacity) {
        this.columns = columns;
        this.firstCapacity = firstCapacity;
    }

    /** @return the slot of a new row at the tail, whose cells the caller sets with {@link #set} */
    int append() {
        if (size == capacity) {
            grow();
        }
        int slot = (head + size) & (capacity - 1);
        size++;
        return slot;
    }

    void set(int slot, int column, long value) {
        cells[slot * columns + column] = value;
    }

    /** @return a cell of the oldest row */
    long head(int column) {
        return cells[head * columns + column];
    }

    void removeHead() {
        head = (head + 1) & (capacity - 1);
        size--;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    void clear() {
        head = 0;
        size = 0;
    }

    private void grow() {
        int newCapacity = Math.max(firstCapacity, capacity * 2);
        long[] grown = new long[newCapacity * columns];
        for (int i = 0; i < size; i++) {
            System.arraycopy(cells, ((head + i) & (capacity - 1)) * columns, grown, i * columns, columns);
        }
        cells = grown;
        capacity = newCapacity;
        head = 0;
    }
}
