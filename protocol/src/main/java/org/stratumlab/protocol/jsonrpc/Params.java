package org.stratumlab.protocol.jsonrpc;

import java.util.Arrays;
import java.util.Objects;

/**
 * The {@code params} member of a request. For an array, each element's {@link ParamType} and text are kept:
 * the decoded value of a string, the JSON literal of a number, boolean or {@code null}, nothing for a nested
 * array or object. For anything else only the kind is kept (the node passes objects and {@code null} to the
 * method, which rejects them; see docs/protocol.md §3 and §5).
 *
 * <p>
 * Immutable.
 */
public final class Params {
    /** What the {@code params} member was. */
    public enum Kind {
        /** No {@code params} member. */
        ABSENT,
        /** {@code "params":null}. */
        NULL,
        /** An array: see {@link #size()}, {@link #type(int)}, {@link #text(int)}. */
        ARRAY,
        /** An object. */
        OBJECT
    }

    /** No {@code params} member. */
    public static final Params ABSENT = new Params(Kind.ABSENT, new ParamType[0], new String[0], 0);
    /** {@code "params":null}. */
    public static final Params NULL = new Params(Kind.NULL, new ParamType[0], new String[0], 0);
    /** An object as params. */
    public static final Params OBJECT = new Params(Kind.OBJECT, new ParamType[0], new String[0], 0);

    private final Kind kind;
    private final ParamType[] types;
    private final String[] texts;
    private final int size;

    private Params(Kind kind, ParamType[] types, String[] texts, int size) {
        this.kind = kind;
        this.types = types;
        this.texts = texts;
        this.size = size;
    }

    /**
     * @param types the element types, taken over (not copied); may be longer than {@code size}
     * @param texts the element texts, as {@link #text(int)} describes, taken over (not copied)
     * @param size how many elements there are
     * @return array params
     */
    static Params array(ParamType[] types, String[] texts, int size) {
        return new Params(Kind.ARRAY, types, texts, size);
    }

    /**
     * @param values the strings
     * @return array params of those strings
     */
    public static Params ofStrings(String... values) {
        ParamType[] types = new ParamType[values.length];
        Arrays.fill(types, ParamType.STRING);
        for (String value : values) {
            Objects.requireNonNull(value, "values");
        }
        return new Params(Kind.ARRAY, types, values.clone(), values.length);
    }

    /** @return what the member was */
    public Kind kind() {
        return kind;
    }

    /** @return the number of elements; 0 unless {@link Kind#ARRAY} */
    public int size() {
        return size;
    }

    /**
     * @param index the element, from 0
     * @return its JSON type
     */
    public ParamType type(int index) {
        return types[checkIndex(index)];
    }

    /**
     * @param index the element, from 0
     * @return a string's value, or the JSON literal of a number, boolean or {@code null}; {@code null} for a
     *         nested array or object
     */
    public String text(int index) {
        return texts[checkIndex(index)];
    }

    /**
     * @param index the element, from 0
     * @return the value if the element is a string, else {@code null}
     */
    public String string(int index) {
        return type(index) == ParamType.STRING ? texts[index] : null;
    }

    private int checkIndex(int index) {
        return Objects.checkIndex(index, size);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params other && kind == other.kind && size == other.size
                && Arrays.equals(types, 0, size, other.types, 0, size)
                && Arrays.equals(texts, 0, size, other.texts, 0, size);
    }

    @Override
    public int hashCode() {
        int hash = kind.hashCode();
        for (int i = 0; i < size; i++) {
            hash = 31 * (31 * hash + types[i].hashCode()) + Objects.hashCode(texts[i]);
        }
        return hash;
    }

    @Override
    public String toString() {
        if (kind != Kind.ARRAY) {
            return kind.name();
        }
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            text.append(i == 0 ? "" : ", ").append(types[i]).append(' ').append(texts[i]);
        }
        return text.append(']').toString();
    }
}
