package org.stratumlab.protocol.jsonrpc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.netty.buffer.ByteBuf;

import java.io.IOException;

/**
 * Reading rules where Jackson is more lenient than serde_json, which parses for the node: serde_json rejects a
 * <code>&#92;u</code> escape that leaves a lone UTF-16 surrogate, anywhere in the document, so such a line is a
 * parse error, not a value to echo. Strings are checked where they are read and inside skipped values.
 *
 * <p>
 * Such a surrogate can only come from an escape (raw surrogates are invalid UTF-8 and close the connection
 * before parsing), so a line without a backslash, nearly every line, skips the checks: see
 * {@link #forLine(ByteBuf)}. Immutable.
 */
final class StrictValues {
    private static final StrictValues CHECKING = new StrictValues(true);
    private static final StrictValues TRUSTING = new StrictValues(false);

    private final boolean checking;

    private StrictValues(boolean checking) {
        this.checking = checking;
    }

    /**
     * @param line the line about to be parsed (valid UTF-8)
     * @return the rules to read it with
     */
    static StrictValues forLine(ByteBuf line) {
        return line.indexOf(line.readerIndex(), line.writerIndex(), (byte) '\\') < 0 ? TRUSTING : CHECKING;
    }

    /**
     * @param p a parser positioned on a {@code VALUE_STRING} or {@code FIELD_NAME}
     * @return true if the text has no lone surrogate
     * @throws IOException if the parser fails
     */
    boolean isWellFormedText(JsonParser p) throws IOException {
        return !checking || hasNoLoneSurrogate(p);
    }

    /**
     * Skips the value the parser is positioned on, nested content included.
     *
     * @param p a parser positioned on the first token of a value; left on its last token
     * @return false if a string or member name inside has a lone surrogate (the line is a parse error)
     * @throws IOException if the JSON is malformed
     */
    boolean skipValue(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (!token.isStructStart()) {
            return token != JsonToken.VALUE_STRING || isWellFormedText(p);
        }
        if (!checking) {
            p.skipChildren();
            return true;
        }
        for (int depth = 1; depth > 0;) {
            token = p.nextToken();
            if (token.isStructStart()) {
                depth++;
            } else if (token.isStructEnd()) {
                depth--;
            } else if ((token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME)
                    && !hasNoLoneSurrogate(p)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasNoLoneSurrogate(JsonParser p) throws IOException {
        char[] chars = p.getTextCharacters();
        int end = p.getTextOffset() + p.getTextLength();
        for (int i = p.getTextOffset(); i < end; i++) {
            char c = chars[i];
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
