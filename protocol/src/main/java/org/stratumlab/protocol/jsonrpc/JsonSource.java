package org.stratumlab.protocol.jsonrpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;

import java.io.IOException;

/**
 * Opens Jackson streaming parsers over a line's bytes, with the one shared {@link JsonFactory} and limits that
 * turn deeply nested or huge values into parse errors instead of memory exhaustion.
 *
 * <p>
 * Heap buffers are parsed in place; direct buffers (what sockets deliver) are first copied into a per-thread
 * scratch array, one {@code memcpy} and no allocation in steady state. Thread-safe.
 */
public final class JsonSource {
    /**
     * Deepest accepted nesting of arrays and objects. serde_json, which parses for the node, stops at 128
     * levels, so 128 is a parse error on both.
     */
    public static final int MAX_NESTING_DEPTH = 127;
    /** Longest accepted number, in characters (Jackson's own default; ids need at most 20). */
    public static final int MAX_NUMBER_LENGTH = 1000;
    /** Longest accepted string or member name, in characters. The line limit normally bounds them first. */
    public static final int MAX_STRING_LENGTH = 1 << 20;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNameLength(MAX_STRING_LENGTH)
                    .build())
            // Member names come from untrusted peers: never String.intern() them.
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();

    /** Lines up to this size reuse the per-thread scratch array; longer ones get their own. */
    private static final int MAX_CACHED_SCRATCH_BYTES = 64 * 1024;

    private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[4096];
        }
    };

    private JsonSource() {
    }

    /** @return the shared factory, configured with this class's limits */
    public static JsonFactory factory() {
        return FACTORY;
    }

    /**
     * Opens a parser over the readable bytes of {@code line}, which must stay unchanged until the parser is
     * closed. The caller closes the parser on the same thread before opening another one there.
     *
     * @param line the line, without its line end
     * @return the parser, or {@code null} when the line starts with bytes (a NUL or a byte order mark) that
     *         valid JSON in UTF-8 cannot start with but that would make Jackson guess another encoding: such a
     *         line is a parse error, as it is for the node
     * @throws IOException if Jackson cannot open the parser
     */
    public static JsonParser open(ByteBuf line) throws IOException {
        int length = line.readableBytes();
        if (startsLikeAnotherEncoding(line, length)) {
            return null;
        }
        if (line.hasArray()) {
            return FACTORY.createParser(line.array(), line.arrayOffset() + line.readerIndex(), length);
        }
        byte[] scratch = scratch(length);
        line.getBytes(line.readerIndex(), scratch, 0, length);
        return FACTORY.createParser(scratch, 0, length);
    }

    private static boolean startsLikeAnotherEncoding(ByteBuf line, int length) {
        int start = line.readerIndex();
        for (int i = 0; i < Math.min(4, length); i++) {
            if (line.getByte(start + i) == 0) {
                return true; // UTF-16/32 detection keys on zero bytes; valid JSON never has a raw NUL
            }
        }
        return length >= 3 && (line.getMedium(start) & 0xffffff) == 0xefbbbf; // UTF-8 byte order mark
    }

    private static byte[] scratch(int length) {
        if (length > MAX_CACHED_SCRATCH_BYTES) {
            return new byte[length]; // rare: do not pin a huge array to the thread
        }
        byte[] scratch = SCRATCH.get();
        if (scratch.length < length) {
            scratch = new byte[Math.min(MAX_CACHED_SCRATCH_BYTES, Math.max(length, scratch.length * 2))];
            SCRATCH.set(scratch);
        }
        return scratch;
    }
}
