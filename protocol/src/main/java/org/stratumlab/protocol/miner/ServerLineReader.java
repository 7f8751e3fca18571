package org.stratumlab.protocol.miner;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.stratumlab.protocol.jsonrpc.JsonRpcId;
import org.stratumlab.protocol.mining.MiningMethods;

import java.io.IOException;
import java.util.Arrays;

/**
 * Reads the members of one server object, in whatever order they come, then decides what it is: a notify when
 * it has a {@code method}, else a response when it has an {@code error} or a {@code result}. Unknown members
 * are skipped. One instance per line; not thread-safe.
 */
final class ServerLineReader {
    private final JsonParser p;
    private JsonRpcId id;
    private String method;
    private String[] params;
    private int paramCount;
    private boolean hasResult;
    private ResponseStatus status;
    private String detail;
    private boolean hasError;
    private int errorCode;
    private String errorMessage;

    private ServerLineReader(JsonParser p) {
        this.p = p;
    }

    /**
     * @param p a parser positioned on the object's {@code START_OBJECT}; left on its {@code END_OBJECT}
     * @return what the object is
     * @throws IOException if the JSON is malformed
     */
    static ServerMessage read(JsonParser p) throws IOException {
        return new ServerLineReader(p).read();
    }

    private ServerMessage read() throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            readMember(name);
        }
        if (method != null) {
            return MiningMethods.NOTIFY.equals(method)
                    ? NotifyParams.toNotify(id, params, paramCount)
                    : new UnrecognizedLine("a call of " + method);
        }
        if (hasError) {
            return new RpcResponse(id, ResponseStatus.ERROR, errorCode, errorMessage);
        }
        return hasResult
                ? new RpcResponse(id, status, 0, detail)
                : new UnrecognizedLine("no method, result or error");
    }

    private void readMember(String name) throws IOException {
        switch (name) {
            case "id" -> id = JsonRpcId.read(p);
            case "method" -> method = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : null;
            case "params" -> readParams();
            case "result" -> readResult();
            case "error" -> readError();
            default -> {
                // jsonrpc and anything else: not needed
            }
        }
        p.skipChildren();
    }

    /** Keeps string elements; other elements become {@code null} so positions stay as sent. */
    private void readParams() throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            return;
        }
        params = new String[4];
        for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
            if (paramCount == params.length) {
                params = Arrays.copyOf(params, paramCount * 2);
            }
            params[paramCount++] = token == JsonToken.VALUE_STRING ? p.getText() : null;
            p.skipChildren();
        }
    }

    private void readResult() throws IOException {
        hasResult = true;
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_ARRAY) {
            readResultArray();
            return;
        }
        int truth = truth(token);
        status = truth < 0
                ? ResponseStatus.UNRECOGNIZED
                : truth == 1
                        ? ResponseStatus.ACCEPTED
                        : ResponseStatus.REJECTED;
        detail = truth < 0 ? "result " + describe(token) : null;
    }

    /** {@code [bool]} or {@code [bool, "reason"]}, bools possibly spelled as strings. */
    private void readResultArray() throws IOException {
        JsonToken token = p.nextToken();
        int truth = truth(token);
        String reason = null;
        if (truth >= 0) {
            token = p.nextToken();
            if (token == JsonToken.VALUE_STRING) {
                reason = p.getText();
                token = p.nextToken();
            }
        }
        if (truth < 0 || token != JsonToken.END_ARRAY) {
            status = ResponseStatus.UNRECOGNIZED;
            detail = "result array of an unknown shape";
            skipToArrayEnd(token);
            return;
        }
        status = truth == 1 ? ResponseStatus.ACCEPTED : ResponseStatus.REJECTED;
        detail = reason;
    }

    private void skipToArrayEnd(JsonToken current) throws IOException {
        for (JsonToken token = current; token != JsonToken.END_ARRAY; token = p.nextToken()) {
            p.skipChildren();
        }
    }

    /** @return 1 for true or "true", 0 for false or "false", -1 for anything else */
    private int truth(JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_TRUE -> 1;
            case VALUE_FALSE -> 0;
            case VALUE_STRING -> {
                String text = p.getText();
                yield "true".equals(text) ? 1 : "false".equals(text) ? 0 : -1;
            }
            default -> -1;
        };
    }

    /** An {@code error} of {@code null} (JSON-RPC 1.0 style, beside a result) is no error. */
    private void readError() throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return;
        }
        hasError = true;
        errorMessage = "error of an unknown shape";
        if (token != JsonToken.START_OBJECT) {
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            token = p.nextToken();
            if ("code".equals(name) && token == JsonToken.VALUE_NUMBER_INT
                    && p.getNumberType() == JsonParser.NumberType.INT) {
                errorCode = p.getIntValue();
            } else if ("message".equals(name) && token == JsonToken.VALUE_STRING) {
                errorMessage = p.getText();
            }
            p.skipChildren();
        }
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "object";
            case VALUE_NULL -> "null";
            case VALUE_STRING -> "string";
            default -> "number";
        };
    }
}
