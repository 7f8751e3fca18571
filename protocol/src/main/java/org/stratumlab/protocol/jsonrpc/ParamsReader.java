package org.stratumlab.protocol.jsonrpc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.Arrays;

/** Reads an array of params element by element, keeping each element's type and text (see {@link Params}). */
final class ParamsReader {
    private ParamsReader() {
    }

    /**
     * @param p a parser positioned on the array's {@code START_ARRAY}
     * @param strict the rules for the line's strings
     * @return the params, or {@code null} when the line is a parse error (see {@link StrictValues})
     * @throws IOException if the JSON is malformed
     */
    static Params readArray(JsonParser p, StrictValues strict) throws IOException {
        ParamType[] types = new ParamType[4];
        String[] texts = new String[4];
        int size = 0;
        for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
            if (size == types.length) {
                types = Arrays.copyOf(types, size * 2);
                texts = Arrays.copyOf(texts, size * 2);
            }
            ParamType type = typeOf(token);
            if (!strict.skipValue(p)) {
                return null;
            }
            types[size] = type;
            texts[size] = token.isScalarValue() ? p.getText() : null;
            size++;
        }
        return Params.array(types, texts, size);
    }

    private static ParamType typeOf(JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> ParamType.STRING;
            case VALUE_NUMBER_INT -> ParamType.INTEGER;
            case VALUE_NUMBER_FLOAT -> ParamType.FLOAT;
            case VALUE_TRUE, VALUE_FALSE -> ParamType.BOOLEAN;
            case VALUE_NULL -> ParamType.NULL;
            case START_ARRAY -> ParamType.ARRAY;
            case START_OBJECT -> ParamType.OBJECT;
            default -> throw new IllegalStateException("unexpected token in array: " + token);
        };
    }
}
