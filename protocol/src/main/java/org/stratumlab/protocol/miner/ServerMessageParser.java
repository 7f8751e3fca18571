package org.stratumlab.protocol.miner;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.netty.buffer.ByteBuf;
import org.stratumlab.protocol.jsonrpc.JsonSource;

import java.io.IOException;

/**
 * Reads one server line, tolerantly, in either dialect (docs/protocol.md §1, §4): empty lines, notifies that carry an
 * {@code id} (a line is a notify when it has a {@code method}, not when it lacks an {@code id}), ids of any
 * JSON-RPC type, results spelled as booleans or strings, bare or in arrays, members in any order. Every
 * outcome is a return value; nothing throws on bad input. Thread-safe.
 */
public final class ServerMessageParser {
    static final UnrecognizedLine NOT_JSON = new UnrecognizedLine("not JSON");
    private static final UnrecognizedLine BATCH = new UnrecognizedLine("an array (batch) of responses");
    static final UnrecognizedLine NOT_AN_OBJECT = new UnrecognizedLine("not a JSON object");
    private static final UnrecognizedLine TRAILING = new UnrecognizedLine("more than one JSON value");

    private ServerMessageParser() {
    }

    /**
     * @param line the line's bytes, without the line end; read, not consumed or released
     * @return what the line is
     */
    public static ServerMessage parse(ByteBuf line) {
        if (!line.isReadable()) {
            return EmptyLine.INSTANCE;
        }
        try (JsonParser p = JsonSource.open(line)) {
            return p == null ? NOT_JSON : readRoot(p);
        } catch (IOException e) {
            return NOT_JSON;
        }
    }

    private static ServerMessage readRoot(JsonParser p) throws IOException {
        JsonToken token = p.nextToken();
        if (token == null) {
            return EmptyLine.INSTANCE; // only whitespace
        }
        if (token != JsonToken.START_OBJECT) {
            return token == JsonToken.START_ARRAY ? BATCH : NOT_AN_OBJECT;
        }
        ServerMessage message = ServerLineReader.read(p);
        return p.nextToken() == null ? message : TRAILING;
    }
}
