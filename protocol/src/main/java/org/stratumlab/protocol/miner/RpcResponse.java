package org.stratumlab.protocol.miner;

import org.stratumlab.protocol.jsonrpc.JsonRpcId;
import org.stratumlab.protocol.mining.SubmitOutcome;
import org.stratumlab.protocol.mining.SubmitReasons;

/**
 * A response from a server. Match it to its request by {@link #id()}.
 *
 * @param id the id echoed, or {@code null} when absent or unusable
 * @param status how the request was answered
 * @param errorCode the JSON-RPC error code for {@link ResponseStatus#ERROR}, else 0
 * @param detail the reason of a rejection ({@code null} when none was given), the message of an error, or a
 *        description of an unrecognized result
 */
public record RpcResponse(JsonRpcId id, ResponseStatus status, int errorCode,
        String detail) implements ServerMessage {
    @Override
    public Kind kind() {
        return Kind.RESPONSE;
    }

    /**
     * @return for a submit's response: {@link SubmitOutcome#ACCEPTED}, the rejection its reason names
     *         ({@link SubmitOutcome#MALFORMED} when no reason was given), or {@code null} for an error, an
     *         unrecognized result or an unknown reason
     */
    public SubmitOutcome submitOutcome() {
        return switch (status) {
            case ACCEPTED -> SubmitOutcome.ACCEPTED;
            case REJECTED -> SubmitReasons.classify(detail);
            default -> null;
        };
    }
}
