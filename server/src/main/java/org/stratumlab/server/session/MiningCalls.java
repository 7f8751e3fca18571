package org.stratumlab.server.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.util.concurrent.Ticker;
import org.stratumlab.protocol.dialect.Dialect;
import org.stratumlab.pow.U256;
import org.stratumlab.protocol.jsonrpc.CanonicalSubmit;
import org.stratumlab.protocol.jsonrpc.JsonRpcCall;
import org.stratumlab.protocol.jsonrpc.JsonRpcError;
import org.stratumlab.protocol.jsonrpc.JsonRpcResponseWriter;
import org.stratumlab.protocol.mining.MiningMethods;
import org.stratumlab.protocol.mining.SubmitOutcome;
import org.stratumlab.protocol.mining.SubmitParams;
import org.stratumlab.protocol.mining.SubscribeParams;
import org.stratumlab.server.ServerSecret;
import java.util.concurrent.Executor;
import org.stratumlab.server.chain.BlockProducer;
import org.stratumlab.server.chain.JobWindow;
import org.stratumlab.server.chain.SimulatedChain;
import org.stratumlab.server.metrics.ServerMetrics;
import org.stratumlab.server.notify.NotifyBroadcaster;
import org.stratumlab.server.notify.NotifyWriter;
import org.stratumlab.server.notify.SubscriberRegistry;
import org.stratumlab.server.share.OctopusCheckPool;
import org.stratumlab.server.share.ShareValidator;

/**
 * The two Stratum methods (docs/protocol.md §3, §5): checks params, the password and the share, registers subscribers,
 * asks for a new job after a solution, and writes each result in the configured dialect.
 *
 * <p>With Octopus a submit is answered in two steps, on the connection's event loop both: {@link #submitOffLoop}
 * (params, staleness) and, once the pool has checked the PoW, {@link #finishSubmit}.
 *
 * <p>Shared by all connections and thread-safe: every collaborator is.
 */
public final class MiningCalls {
    private final Dialect dialect;
    private final ServerSecret secret;
    private final boolean notifyOnSubscribe;
    private final boolean newJobOnSolution;
    private final SubscriberRegistry registry;
    private final NotifyBroadcaster broadcaster;
    private final ShareValidator validator;
    private final SimulatedChain chain;
    private final BlockProducer producer;
    private final ServerMetrics metrics;
    /** The Octopus checks, or {@code null} with the Keccak rule (checked inline). */
    private final OctopusCheckPool octopus;

    /**
     * @param dialect how results are spelled
     * @param secret the password check, or {@code null} for none
     * @param notifyOnSubscribe push the current job after a successful subscribe
     * @param newJobOnSolution ask for a new job after an accepted solution
     * @param registry the subscribers
     * @param broadcaster for the notify after a subscribe
     * @param chain the current job
     * @param producer told of accepted solutions
     * @param metrics the counters
     */
    public MiningCalls(Dialect dialect, ServerSecret secret, boolean notifyOnSubscribe,
            boolean newJobOnSolution,
            SubscriberRegistry registry, NotifyBroadcaster broadcaster, SimulatedChain chain,
            BlockProducer producer,
            ServerMetrics metrics) {
        this(dialect, secret, notifyOnSubscribe, newJobOnSolution, registry, broadcaster, chain, producer,
                metrics,
                null);
    }

    /**
     * @param dialect how results are spelled
     * @param secret the password check, or {@code null} for none
     * @param notifyOnSubscribe push the current job after a successful subscribe
     * @param newJobOnSolution ask for a new job after an accepted solution
     * @param registry the subscribers
     * @param broadcaster for the notify after a subscribe
     * @param chain the current job
     * @param producer told of accepted solutions
     * @param metrics the counters
     * @param octopus where Octopus checks run, or {@code null} to check with the Keccak rule inline
     */
    public MiningCalls(Dialect dialect, ServerSecret secret, boolean notifyOnSubscribe,
            boolean newJobOnSolution,
            SubscriberRegistry registry, NotifyBroadcaster broadcaster, SimulatedChain chain,
            BlockProducer producer,
            ServerMetrics metrics, OctopusCheckPool octopus) {
        this.octopus = octopus;
        this.dialect = dialect;
        this.secret = secret;
        this.notifyOnSubscribe = notifyOnSubscribe;
        this.newJobOnSolution = newJobOnSolution;
        this.registry = registry;
        this.broadcaster = broadcaster;
        this.validator = new ShareValidator(chain);
        this.chain = chain;
        this.producer = producer;
        this.metrics = metrics;
    }

    ServerMetrics metrics() {
        return metrics;
    }

    /** @return whether the connection subscribed successfully (so that a notify may follow the reply) */
    boolean subscribe(Channel channel, NotifyWriter writer, JsonRpcCall call, ByteBuf out) {
        SubscribeParams params = SubscribeParams.of(call.params());
        if (params == null) {
            metrics.protocolError(JsonRpcError.INVALID_PARAMS_CODE);
            JsonRpcResponseWriter.writeError(out, call.hasJsonrpc(), JsonRpcError.INVALID_PARAMS_CODE,
                    SubscribeParams.invalidParamsMessage(call.params()), call.responseId());
            return false;
        }
        boolean accepted = secret == null || secret.matches(params.password());
        if (accepted) {
            registry.subscribe(channel, writer, params.workerId());
        }
        dialect.writeSubscribeResponse(out, call, accepted);
        return accepted;
    }

    void notifyAfterSubscribe(NotifyWriter writer) {
        if (notifyOnSubscribe) {
            broadcaster.pushTo(chain.current(), writer);
        }
    }

    /**
     * Judges a submit and writes its response object (no line end). Public for the submit-path benchmark, which
     * measures exactly what a connection runs.
     *
     * @param call a {@code mining.submit} call that expects a response
     * @param out where the response goes
     */
    public void submit(JsonRpcCall call, ByteBuf out) {
        submit(call, out, Ticker.systemTicker());
    }

    /**
     * Judges a submit, timing the validation with the connection's clock (virtual in tests).
     *
     * @param call a {@code mining.submit} call that expects a response
     * @param out where the response goes
     * @param ticker the event loop's clock
     */
    void submit(JsonRpcCall call, ByteBuf out, Ticker ticker) {
        SubmitParams params = SubmitParams.of(call.params());
        if (params == null) {
            metrics.submit(SubmitOutcome.MALFORMED, -1);
            dialect.writeSubmitResponse(out, call, SubmitOutcome.MALFORMED, null, null);
            return;
        }
        long start = ticker.nanoTime();
        SubmitOutcome outcome = validator.validate(params.powHash(), params.nonce());
        metrics.submit(outcome, ticker.nanoTime() - start);
        dialect.writeSubmitResponse(out, call, outcome, params.workerId(), params.nonce());
        if (outcome == SubmitOutcome.ACCEPTED && newJobOnSolution) {
            producer.solved(params.powHash());
        }
    }

    /**
     * Judges a canonical submit line without allocating and writes its response object (no line end): the same
     * counters, response bytes and new job as {@link #submit(JsonRpcCall, ByteBuf)} gives the call the strict
     * reader makes of the line. Public for the submit-path benchmark.
     *
     * @param submit the line, read while this runs
     * @param out where the response goes
     */
    public void submit(CanonicalSubmit submit, ByteBuf out) {
        submit(submit, out, Ticker.systemTicker());
    }

    /**
     * {@link #submit(CanonicalSubmit, ByteBuf)} timed with the connection's clock (virtual in tests). Counts the
     * request too: the strict path's caller does that with {@link ServerMetrics#request(String)}.
     */
    void submit(CanonicalSubmit submit, ByteBuf out, Ticker ticker) {
        metrics.request(MiningMethods.SUBMIT);
        long start = ticker.nanoTime();
        SubmitOutcome outcome = validator.validate(submit.powHashWord(3), submit.powHashWord(2),
                submit.powHashWord(1), submit.powHashWord(0), submit.nonceWord(3), submit.nonceWord(2),
                submit.nonceWord(1), submit.nonceWord(0));
        metrics.submit(outcome, ticker.nanoTime() - start);
        // Only the duplicate reason spells the nonce (in decimal, which allocates anyway).
        U256 nonce = outcome == SubmitOutcome.DUPLICATE
                ? U256.of(submit.nonceWord(3), submit.nonceWord(2), submit.nonceWord(1), submit.nonceWord(0))
                : null;
        dialect.writeSubmitResponse(out, submit, outcome, nonce);
        if (outcome == SubmitOutcome.ACCEPTED && newJobOnSolution) {
            producer.solved(U256.of(submit.powHashWord(3), submit.powHashWord(2), submit.powHashWord(1),
                    submit.powHashWord(0))); // a block: rare, and making the new job allocates anyway
        }
    }

    /** @return whether submits are checked off the event loop (Octopus) */
    boolean checksOffLoop() {
        return octopus != null;
    }

    /**
     * An Octopus submit, first step: a malformed or stale one is answered into {@code out} at once; any other
     * needs its check.
     *
     * @param call a {@code mining.submit} call that expects a response
     * @param out where an immediate response goes
     * @param loop the connection's event loop, where the check's answer is handed back
     * @param onChecked run on that loop when the answer is there
     * @return the check to queue, or {@code null} when the response is written
     */
    PendingSubmit submitOffLoop(JsonRpcCall call, ByteBuf out, Executor loop, Runnable onChecked) {
        SubmitParams params = SubmitParams.of(call.params());
        if (params == null) {
            metrics.submit(SubmitOutcome.MALFORMED, -1);
            dialect.writeSubmitResponse(out, call, SubmitOutcome.MALFORMED, null, null);
            return null;
        }
        JobWindow.Entry entry = validator.find(params.powHash());
        if (entry == null) {
            metrics.octopusSubmit(SubmitOutcome.STALE_JOB, -1); // no PoW was checked
            dialect.writeSubmitResponse(out, call, SubmitOutcome.STALE_JOB, params.workerId(),
                    params.nonce());
            return null;
        }
        return new PendingSubmit(call, params, entry, loop, onChecked);
    }

    /**
     * An Octopus submit, last step, on the loop in request order: the duplicate check (so that of two equal
     * nonces the earlier request is the accepted one), the counters, the response, the new job.
     */
    void finishSubmit(PendingSubmit submit, ByteBuf out) {
        SubmitParams params = submit.params;
        SubmitOutcome outcome = ShareValidator.judge(submit.entry, params.nonce(), submit.valid());
        metrics.octopusSubmit(outcome, submit.checkNs());
        dialect.writeSubmitResponse(out, submit.call, outcome, params.workerId(), params.nonce());
        if (outcome == SubmitOutcome.ACCEPTED && newJobOnSolution) {
            producer.solved(params.powHash());
        }
    }

    boolean offer(PendingSubmit submit) {
        return octopus.offer(submit);
    }

    void whenRoom(Runnable wakeup) {
        octopus.whenRoom(wakeup);
    }

    void passRoomOn() {
        octopus.passRoomOn();
    }
}
