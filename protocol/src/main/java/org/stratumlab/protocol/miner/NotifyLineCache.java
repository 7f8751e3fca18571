package org.stratumlab.protocol.miner;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The last notify lines a fleet of connections received, and the {@link JobNotify} each was read as. A server
 * writes the same notify line to every subscribed connection (docs/protocol.md §4.1), so every connection after
 * the first finds the line here by comparing its bytes, and gets the notify already read instead of parsing it
 * again: a repeated notify costs a byte comparison and allocates nothing.
 *
 * <p>A line is matched only when every byte is equal, so what a connection gets is exactly what parsing its line
 * would have given. The last {@value #LINES_KEPT} distinct lines are kept, newest first: a busy server may still
 * be writing one job to some connections while others already get the next few (a job per accepted solution),
 * and event loops handing out different jobs must not evict each other's line. Lines of another job differ
 * within their first bytes (the notify id comes first), so looking through all of them costs little.
 *
 * <p>Thread-safe: any number of event loops read and remember at once, without locks; a race costs at most one
 * extra parse.
 */
public final class NotifyLineCache {
    /** How many distinct lines are kept; a power of two. */
    static final int LINES_KEPT = 8;

    private final AtomicReferenceArray<Entry> lines = new AtomicReferenceArray<>(LINES_KEPT);
    /** Where the newest line is, modulo {@link #LINES_KEPT}. */
    private final AtomicInteger newest = new AtomicInteger(-1);
    private final LongAdder notifyParses = new LongAdder();
    /** Lines longer than this are compared through an array of their own, not kept per thread. */
    private static final int MAX_CACHED_SCRATCH_BYTES = 16 * 1024;
    private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[512];
        }
    };

    /** An empty cache. */
    public NotifyLineCache() {
    }

    /**
     * Reads one server line: a notify seen before is the notify already read; any other line is parsed, and a
     * notify among them remembered.
     *
     * @param line the line's bytes, without the line end; read, not consumed or released
     * @return what the line is, as {@link ServerMessageParser#parse} says
     */
    public ServerMessage read(ByteBuf line) {
        JobNotify known = lookup(line);
        if (known != null) {
            return known;
        }
        ServerMessage message = ServerMessageParser.parse(line);
        if (message instanceof JobNotify notify) {
            notifyParses.increment();
            remember(line, notify);
        }
        return message;
    }

    /** @return how many notify lines were parsed: one per distinct line, plus races */
    public long notifyParses() {
        return notifyParses.sum();
    }

    private JobNotify lookup(ByteBuf line) {
        int length = line.readableBytes();
        byte[] copy = null;
        int from = newest.get();
        for (int i = 0; i < LINES_KEPT; i++) {
            Entry entry = lines.get((from - i) & (LINES_KEPT - 1));
            if (entry == null) {
                return null; // fewer lines than the cache holds so far
            }
            if (entry.bytes.length != length) {
                continue; // a response, or a notify of another height's width: no copy made
            }
            if (copy == null) {
                // One copy into the thread's scratch array, then vectorised comparisons: several times faster
                // than comparing a direct buffer in place.
                copy = scratch(length);
                line.getBytes(line.readerIndex(), copy, 0, length);
            }
            if (Arrays.equals(entry.bytes, 0, length, copy, 0, length)) {
                return entry.read;
            }
        }
        return null;
    }

    private static byte[] scratch(int length) {
        byte[] scratch = SCRATCH.get();
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
            if (scratch.length <= MAX_CACHED_SCRATCH_BYTES) {
                SCRATCH.set(scratch);
            }
        }
        return scratch;
    }

    private void remember(ByteBuf line, JobNotify notify) {
        Entry entry = new Entry(ByteBufUtil.getBytes(line), notify);
        lines.set(newest.incrementAndGet() & (LINES_KEPT - 1), entry);
    }

    /** One line's bytes (a copy, never written after) and what it was read as: any thread may compare them. */
    private record Entry(byte[] bytes, JobNotify read) {
    }
}
