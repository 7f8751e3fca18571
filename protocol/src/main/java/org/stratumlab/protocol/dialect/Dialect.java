package org.stratumlab.protocol.dialect;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.stratumlab.pow.U256;
import org.stratumlab.protocol.jsonrpc.CanonicalSubmit;
import org.stratumlab.protocol.jsonrpc.JsonRpcCall;
import org.stratumlab.protocol.jsonrpc.JsonRpcResponseWriter;
import org.stratumlab.protocol.mining.SubmitOutcome;

import java.util.List;

/**
 * How the server spells notifies and results (docs/protocol.md §4–5). Implementations are stateless and thread-safe;
 * get one with {@link #conflux()}, {@link #doc()} or {@link #byName(String)}.
 *
 * <p>
 * Notify fan-out: encode the line once per push with {@link #encodeNotify}, write a
 * {@code retainedDuplicate()} of it to every subscribed channel, then release it. The notify id is the
 * caller's: one global counter that starts at 16 and is incremented before each push, even when nobody is
 * subscribed (docs/protocol.md §4).
 */
public interface Dialect {
    /** @return the node's dialect: 4-param notify with its hand-made spacing, boolean results */
    static Dialect conflux() {
        return ConfluxDialect.INSTANCE;
    }

    /** @return the documented dialect: 3-param compact notify, results spelled as strings */
    static Dialect doc() {
        return DocDialect.INSTANCE;
    }

    /** @return the names {@link #byName(String)} accepts */
    static List<String> names() {
        return List.of(ConfluxDialect.NAME, DocDialect.NAME);
    }

    /**
     * @param name {@code conflux} or {@code doc}
     * @return that dialect
     * @throws IllegalArgumentException naming the accepted names for any other name
     */
    static Dialect byName(String name) {
        return switch (name) {
            case ConfluxDialect.NAME -> conflux();
            case DocDialect.NAME -> doc();
            default -> throw new IllegalArgumentException(
                    "unknown dialect '" + name + "', expected one of " + String.join(", ", names()));
        };
    }

    /** @return the dialect's name, as {@link #byName(String)} takes it */
    String name();

    /**
     * Writes a whole notify line, line end included.
     *
     * @param out where to write
     * @param notifyId the id from the global counter (unsigned)
     * @param powHash the problem hash, which is also the job id
     * @param height the block height (unsigned); not part of every dialect's notify
     * @param boundary the block's boundary
     */
    void writeNotify(ByteBuf out, long notifyId, U256 powHash, long height, U256 boundary);

    /**
     * Encodes a whole notify line once, for fan-out.
     *
     * @param alloc the allocator
     * @param notifyId the id from the global counter (unsigned)
     * @param powHash the problem hash, which is also the job id
     * @param height the block height (unsigned)
     * @param boundary the block's boundary
     * @return a new buffer holding the line; the caller releases it
     */
    default ByteBuf encodeNotify(ByteBufAllocator alloc, long notifyId, U256 powHash, long height,
            U256 boundary) {
        ByteBuf line = alloc.buffer(256);
        try {
            writeNotify(line, notifyId, powHash, height, boundary);
            return line;
        } catch (RuntimeException e) {
            line.release();
            throw e;
        }
    }

    /**
     * Writes the result value of a subscribe.
     *
     * @param out where to write
     * @param subscribed true when the password was accepted
     */
    void writeSubscribeResult(ByteBuf out, boolean subscribed);

    /**
     * Writes the result value of a submit (docs/protocol.md §5, the result table).
     *
     * @param out where to write
     * @param outcome the outcome
     * @param workerId the first string param, for reasons; unused (may be {@code null}) for
     *        {@link SubmitOutcome#ACCEPTED} and {@link SubmitOutcome#MALFORMED}
     * @param nonce the nonce, for the duplicate reason; unused (may be {@code null}) otherwise
     */
    void writeSubmitResult(ByteBuf out, SubmitOutcome outcome, CharSequence workerId, U256 nonce);

    /**
     * Writes a whole subscribe response object, without a line end (see {@link JsonRpcResponseWriter}).
     *
     * @param out where to write
     * @param call the subscribe call
     * @param subscribed true when the password was accepted
     */
    default void writeSubscribeResponse(ByteBuf out, JsonRpcCall call, boolean subscribed) {
        JsonRpcResponseWriter.writeResultStart(out, call.hasJsonrpc());
        writeSubscribeResult(out, subscribed);
        JsonRpcResponseWriter.writeResponseEnd(out, call.responseId());
    }

    /**
     * Writes a whole submit response object, without a line end (see {@link JsonRpcResponseWriter}).
     *
     * @param out where to write
     * @param call the submit call
     * @param outcome the outcome
     * @param workerId as for {@link #writeSubmitResult}
     * @param nonce as for {@link #writeSubmitResult}
     */
    default void writeSubmitResponse(ByteBuf out, JsonRpcCall call, SubmitOutcome outcome,
            CharSequence workerId,
            U256 nonce) {
        JsonRpcResponseWriter.writeResultStart(out, call.hasJsonrpc());
        writeSubmitResult(out, outcome, workerId, nonce);
        JsonRpcResponseWriter.writeResponseEnd(out, call.responseId());
    }

    /**
     * Writes a whole submit response object for a {@link CanonicalSubmit}, without a line end: the bytes
     * {@link #writeSubmitResponse(ByteBuf, JsonRpcCall, SubmitOutcome, CharSequence, U256)} writes for the same
     * call.
     *
     * @param out where to write
     * @param submit the submit
     * @param outcome the outcome
     * @param nonce the nonce, for the duplicate reason; unused (may be {@code null}) otherwise
     */
    default void writeSubmitResponse(ByteBuf out, CanonicalSubmit submit, SubmitOutcome outcome, U256 nonce) {
        JsonRpcResponseWriter.writeResultStart(out, submit.hasJsonrpc());
        writeSubmitResult(out, outcome, submit.workerId(), nonce);
        JsonRpcResponseWriter.writeResponseEnd(out, submit.id());
    }
}
