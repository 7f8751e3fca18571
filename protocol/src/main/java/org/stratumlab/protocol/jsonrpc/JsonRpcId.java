package org.stratumlab.protocol.jsonrpc;

import com.fasterxml.jackson.core.JsonParser;
import io.netty.buffer.ByteBuf;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A JSON-RPC id as the node accepts it (docs/protocol.md §2): an unsigned integer up to 2^64 - 1 (held in a
 * {@code long} read as unsigned), a string, or {@code null}. It is echoed back unchanged in type and value by
 * {@link #writeTo(ByteBuf)}; strings are re-escaped the way the node's serializer does (see
 * {@link JsonOutput}), so <code>"&#92;u0041"</code> comes back as {@code "A"}, as it does from the node.
 *
 * <p>
 * Immutable; small numbers are cached so that typical ids allocate nothing.
 */
public final class JsonRpcId {
    /** The kinds of id. */
    public enum Kind {
        /** {@code null}. */
        NULL,
        /** An unsigned integer. */
        NUMBER,
        /** A string. */
        STRING
    }

    /** The {@code null} id. */
    public static final JsonRpcId NULL = new JsonRpcId(Kind.NULL, 0, null);

    private static final byte[] NULL_BYTES = {'n', 'u', 'l', 'l'};
    private static final JsonRpcId[] SMALL_NUMBERS = new JsonRpcId[1024];

    static {
        for (int i = 0; i < SMALL_NUMBERS.length; i++) {
            SMALL_NUMBERS[i] = new JsonRpcId(Kind.NUMBER, i, null);
        }
    }

    private final Kind kind;
    private final long number;
    private final String string;

    private JsonRpcId(Kind kind, long number, String string) {
        this.kind = kind;
        this.number = number;
        this.string = string;
    }

    /**
     * @param unsignedValue the id, read as unsigned (so {@code -1L} is 2^64 - 1)
     * @return the numeric id
     */
    public static JsonRpcId ofNumber(long unsignedValue) {
        if (unsignedValue >= 0 && unsignedValue < SMALL_NUMBERS.length) {
            return SMALL_NUMBERS[(int) unsignedValue];
        }
        return new JsonRpcId(Kind.NUMBER, unsignedValue, null);
    }

    /**
     * @param value the id's value (not JSON-escaped)
     * @return the string id
     */
    public static JsonRpcId ofString(String value) {
        return new JsonRpcId(Kind.STRING, 0, Objects.requireNonNull(value, "value"));
    }

    /**
     * Reads the id value the parser is positioned on.
     *
     * @param p a parser positioned on the id's value
     * @return the id, or {@code null} when the value is not an id the node accepts: a negative number (even
     *         {@code -0}), a number above 2^64 - 1, a fraction or exponent, a boolean, an array or an object
     * @throws IOException if the parser fails
     */
    public static JsonRpcId read(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_NULL -> NULL;
            case VALUE_STRING -> ofString(p.getText());
            case VALUE_NUMBER_INT -> readUnsigned(p);
            default -> null;
        };
    }

    private static JsonRpcId readUnsigned(JsonParser p) throws IOException {
        if (p.getTextCharacters()[p.getTextOffset()] == '-') {
            return null;
        }
        if (p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return ofNumber(p.getLongValue());
        }
        BigInteger value = p.getBigIntegerValue();
        return value.bitLength() <= 64 ? ofNumber(value.longValue()) : null;
    }

    /** @return the kind of id */
    public Kind kind() {
        return kind;
    }

    /** @return the numeric value, unsigned; meaningful only for {@link Kind#NUMBER} */
    public long number() {
        return number;
    }

    /** @return the string value; {@code null} unless {@link Kind#STRING} */
    public String string() {
        return string;
    }

    /**
     * Writes the id as JSON: {@code null}, digits, or a quoted, escaped string.
     *
     * @param out where to write
     */
    public void writeTo(ByteBuf out) {
        switch (kind) {
            case NULL -> out.writeBytes(NULL_BYTES);
            case NUMBER -> JsonOutput.writeUnsignedDecimal(out, number);
            case STRING -> JsonOutput.writeString(out, string);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonRpcId other && kind == other.kind && number == other.number
                && Objects.equals(string, other.string);
    }

    @Override
    public int hashCode() {
        return kind == Kind.STRING ? string.hashCode() : Long.hashCode(number) * 31 + kind.ordinal();
    }

    /** @return the id as JSON, unescaped strings quoted (for messages and tests) */
    @Override
    public String toString() {
        return switch (kind) {
            case NULL -> "null";
            case NUMBER -> Long.toUnsignedString(number);
            case STRING -> '"' + string + '"';
        };
    }
}
