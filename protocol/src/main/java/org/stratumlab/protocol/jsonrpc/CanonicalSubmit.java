package org.stratumlab.protocol.jsonrpc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A {@code mining.submit} line in the exact shape real miners write (docs/protocol.md §5, docs/real-miners.md §4),
 * read straight from its bytes into primitives, so that the commonest request costs no allocation:
 *
 * <pre>
 * {"id":N,"jsonrpc":"2.0","method":"mining.submit","params":["&lt;worker&gt;","&lt;job_id&gt;","&lt;nonce&gt;","&lt;pow_hash&gt;"]}
 * {"id":N,"method":"mining.submit","params":["&lt;worker&gt;","&lt;job_id&gt;","&lt;nonce&gt;","&lt;pow_hash&gt;"]}
 * </pre>
 *
 * with no whitespace, an id of decimal digits below 2^63, a worker of printable ASCII, a job id of any string
 * without escapes, a nonce of an optional {@code 0x} and at most 64 hex digits, and a pow_hash of an optional
 * {@code 0x} and exactly 64 hex digits. Such a line is a valid call with the same meaning for the strict reader
 * ({@link JsonRpcRequestParser#parse(ByteBuf)}); every other line, and every line the strict reader would answer
 * differently (an error, a malformed param), is left to it: see {@link JsonRpcRequestParser#parse(ByteBuf,
 * CanonicalSubmit)}.
 *
 * <p>
 * A flyweight: one instance is refilled for every line, so a handler reads it while handling the line and keeps
 * nothing of it; one that must keep the call (a check that finishes later) takes {@link #toCall()}. Not
 * thread-safe: one instance per channel (or per thread).
 */
public final class CanonicalSubmit implements ParsedLine {
    /** Longest line read this way; longer ones (long names) are rare and go to the strict reader. */
    public static final int MAX_LINE_BYTES = 512;

    private final byte[] bytes = new byte[MAX_LINE_BYTES];
    private final Worker worker = new Worker(bytes);
    private final CanonicalSubmitReader reader = new CanonicalSubmitReader(bytes);
    private int length;
    private long id;
    private boolean jsonrpc;
    private final long[] nonce = new long[4];
    private final long[] powHash = new long[4];

    @Override
    public Kind kind() {
        return Kind.CANONICAL_SUBMIT;
    }

    /**
     * Reads a line if it has the canonical shape.
     *
     * @param line the line, without its line end, valid UTF-8; read, not consumed
     * @return true if this instance now holds it; false leaves the line to the strict reader
     */
    boolean read(ByteBuf line) {
        int size = line.readableBytes();
        if (size > MAX_LINE_BYTES || size < CanonicalSubmitReader.SHORTEST_LINE_BYTES) {
            return false;
        }
        line.getBytes(line.readerIndex(), bytes, 0, size);
        length = size;
        return reader.readInto(this, size);
    }

    void set(long id, boolean jsonrpc, int workerStart, int workerEnd) {
        this.id = id;
        this.jsonrpc = jsonrpc;
        worker.range(workerStart, workerEnd);
    }

    long[] nonceWords() {
        return nonce;
    }

    long[] powHashWords() {
        return powHash;
    }

    /** @return the id, below 2^63 */
    public long id() {
        return id;
    }

    /** @return whether the request carried {@code "jsonrpc":"2.0"}, so the response does (docs/protocol.md §2) */
    public boolean hasJsonrpc() {
        return jsonrpc;
    }

    /**
     * @return the worker name as sent: a view of this line's bytes (printable ASCII, needing no escape), valid
     *         until the next line is read
     */
    public CharSequence workerId() {
        return worker;
    }

    /**
     * @param word 3 for the most significant 64 bits, 0 for the least
     * @return one word of the nonce
     */
    public long nonceWord(int word) {
        return nonce[3 - word];
    }

    /**
     * @param word 3 for the most significant 64 bits, 0 for the least
     * @return one word of the pow_hash
     */
    public long powHashWord(int word) {
        return powHash[3 - word];
    }

    /**
     * @return the same line read by the strict reader, for a caller that keeps the call beyond this line; allocates
     */
    public JsonRpcCall toCall() {
        byte[] copy = Arrays.copyOf(bytes, length);
        return (JsonRpcCall) JsonRpcRequestParser.parse(Unpooled.wrappedBuffer(copy));
    }

    @Override
    public String toString() {
        return "CanonicalSubmit[" + new String(bytes, 0, length, StandardCharsets.UTF_8) + "]";
    }

    /** The worker name as a {@link CharSequence} over the line's ASCII bytes, without a copy. */
    private static final class Worker implements CharSequence {
        private final byte[] bytes;
        private int start;
        private int end;

        Worker(byte[] bytes) {
            this.bytes = bytes;
        }

        void range(int start, int end) {
            this.start = start;
            this.end = end;
        }

        @Override
        public int length() {
            return end - start;
        }

        @Override
        public char charAt(int index) {
            return (char) bytes[start + Objects.checkIndex(index, end - start)];
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return toString().subSequence(from, to);
        }

        @Override
        public String toString() {
            return new String(bytes, start, end - start, StandardCharsets.US_ASCII);
        }
    }
}
