package org.stratumlab.loadgen.miner;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.stratumlab.loadgen.grind.GrindCounters;
import org.stratumlab.loadgen.grind.JobNonces;
import org.stratumlab.loadgen.grind.NonceSupply;
import org.stratumlab.loadgen.grind.NonceWaiter;
import org.stratumlab.loadgen.grind.ShareSource;
import org.stratumlab.loadgen.record.LatencyRecorders;
import org.stratumlab.loadgen.record.LoadMetrics;
import org.stratumlab.results.Metric;
import org.stratumlab.results.Outcome;
import org.stratumlab.loadgen.schedule.BadShareMix;
import org.stratumlab.loadgen.schedule.ShareKind;
import org.stratumlab.pow.U256;
import org.stratumlab.protocol.jsonrpc.JsonRpcId;
import org.stratumlab.protocol.miner.JobNotify;
import org.stratumlab.protocol.miner.MinerRequestWriter;
import org.stratumlab.protocol.miner.RpcResponse;
import org.stratumlab.protocol.miner.ServerMessage;
import org.stratumlab.protocol.miner.UnrecognizedLine;
import org.stratumlab.protocol.mining.SubmitOutcome;

/**
 * One miner's connection: subscribes when connected, follows notifies, and at each solution event of its
 * schedule submits a share (a really valid nonce, or a deliberately bad one), then matches replies to submits in
 * order and counts each outcome exactly once (docs/protocol.md §3–5).
 *
 * <p>Latency of a submit runs from the event's intended time, not from when it was written, so a slow server or
 * a late generator cannot hide (no coordinated omission); service time (write to reply) is recorded separately.
 *
 * <p>Valid nonces come from the fleet's {@link ShareSource}, ground off the event loops: when none is ready at a
 * solution event, the event waits (in order, keeping its intended time) until a grinding thread calls back.
 *
 * <p>Stateful, one per connection; everything runs on the connection's event loop but {@link #nonceReady}.
 */
final class SimulatedMiner extends SimpleChannelInboundHandler<ServerMessage> implements NonceWaiter {
    /** Set on a channel the miner closed to end its session (churn): the fleet reconnects at once. */
    static final AttributeKey<Boolean> CLOSED_FOR_CHURN = AttributeKey.valueOf("stratumlab.churn");

    private static final long SUBSCRIBE_ID = 1;
    private static final String MALFORMED_NONCE = "0xnot-hex";
    /** Owed events counted one by one at the end; beyond, the rest is counted from the rate. */
    private static final int OWED_DRAWN_EXACTLY = 100_000;
    private static final int OWED_BULK_BUCKETS = 100;

    private final MinerSlot slot;
    private final FleetContext fleet;
    private final LoadMetrics metrics;
    /** The recorders of this connection's event loop, taken once it is added to the pipeline. */
    private LatencyRecorders latency;
    private final OutstandingSubmits outstanding = new OutstandingSubmits();
    private final WaitingEvents waiting = new WaitingEvents();
    private final GrindCounters grinding;
    /** The job whose nonce source this miner is enrolled with as a waiter, or null. */
    private JobNonces waitingOn;
    /** The job whose readiness this miner waits for before its schedule starts, or null. */
    private JobNonces awaitingReadiness;
    private final Runnable solutionTick = this::onSolutionEvent;
    private final Runnable timeoutCheck = this::expireUnanswered;
    private final Runnable subscribeDeadline = this::onSubscribeDeadline;
    private boolean subscribeOverdue;
    /** Whether the peer sent a line that is not JSON-RPC before answering the subscribe (counted once). */
    private boolean notJsonRpc;
    private ScheduledFuture<?> subscribeDeadlineTimer;
    private ChannelHandlerContext ctx;
    private long subscribeSentNs;
    private boolean awaitingSubscribe;
    private boolean subscribed;
    private ScheduledFuture<?> nextSolution;
    /** The session's lifetime is up: no new submits; the connection closes once those in flight are answered. */
    private boolean endingSession;
    private ScheduledFuture<?> nextTimeoutCheck;
    private long nextRequestId = SUBSCRIBE_ID + 1;
    private SharedJob job;
    private U256 pendingNonce;
    /** The id of the submit that carried {@link #pendingNonce}: only its own reply may make it accepted. */
    private long pendingNonceId;
    private String pendingJobIdText;
    private String pendingPowHashText;
    /**
     * The id of a valid share sent for want of an accepted one to repeat (a duplicate drawn before any share of
     * the job was accepted): once that share is accepted, it is repeated. 0 for none; ids are never reused.
     */
    private long repeatWhenAcceptedId;

    SimulatedMiner(MinerSlot slot, FleetContext fleet) {
        this.slot = slot;
        this.fleet = fleet;
        this.metrics = fleet.metrics;
        this.grinding = fleet.shares.counters();
    }

    /** @return the job this miner works on, or null before its first notify (for tests; its event loop only) */
    SharedJob currentJob() {
        return job;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        // A channel keeps its event loop for life, and every call of this miner but nonceReady runs there.
        latency = metrics.recordersFor(ctx.executor());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        metrics.connectedChanged(1);
        ByteBuf line = ctx.alloc().buffer(128);
        MinerRequestWriter.writeSubscribeLine(line, SUBSCRIBE_ID, slot.workerId, fleet.password);
        subscribeSentNs = System.nanoTime();
        awaitingSubscribe = true;
        metrics.awaitingSubscribeChanged(1);
        ctx.writeAndFlush(line, ctx.voidPromise());
        subscribeDeadlineTimer = ctx.executor().schedule(subscribeDeadline, fleet.subscribeTimeoutNs,
                TimeUnit.NANOSECONDS);
        ctx.fireChannelActive();
    }

    /**
     * A node that serves only 1024 connections completes the handshake of the others but never reads them
     * (docs/protocol.md §1): such a connection is counted as never answered, not waited on. It stays open, and if the
     * reply comes after all it is taken back from the count.
     */
    private void onSubscribeDeadline() {
        if (awaitingSubscribe && ctx.channel().isActive()) {
            subscribeOverdue = true;
            metrics.neverAnsweredChanged(1);
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ServerMessage message) {
        long now = System.nanoTime();
        if (message instanceof JobNotify notify) {
            onNotify(notify, now);
        } else if (message instanceof RpcResponse response) {
            onResponse(response, now);
        } else if (message instanceof UnrecognizedLine line && line.isNotJsonRpc() && awaitingSubscribe
                && !notJsonRpc) {
            // Before any answer, it says why a run never got going (an HTTP server on the port, say).
            notJsonRpc = true;
            metrics.notJsonRpc();
        }
        // Empty and unrecognized lines are what real nodes send at times (docs/protocol.md §2): tolerated.
    }

    private void onNotify(JobNotify notify, long now) {
        metrics.notifyReceived();
        if (job != null && notify.powHash().equals(job.powHash())) {
            fleet.jobRepeated(job); // a heartbeat re-push of the current job
            return;
        }
        job = fleet.jobReceived(notify, now, job != null, latency);
        slot.schedule.onBoundaryFraction(job.boundaryFraction());
        if (waitingOn != null) {
            // Events waiting for the old job's nonce now solve the new job, as a real miner moves on.
            waitingOn.cancel(this);
            waitingOn = null;
            serveWaiting(now);
        }
        startSolvingIfReady(now);
    }

    private void onResponse(RpcResponse response, long now) {
        if (response.id().kind() != JsonRpcId.Kind.NUMBER) {
            return; // not a reply to anything this miner sent
        }
        long id = response.id().number();
        if (id == SUBSCRIBE_ID && awaitingSubscribe) {
            onSubscribeReply(response, now);
        } else if (!outstanding.isEmpty() && id == outstanding.headId()) {
            onSubmitReply(response, now);
        } else if (id > SUBSCRIBE_ID) {
            metrics.lateReply(); // its submit already timed out and was counted unanswered
        }
    }

    private void onSubscribeReply(RpcResponse response, long now) {
        awaitingSubscribe = false;
        metrics.awaitingSubscribeChanged(-1);
        cancel(subscribeDeadlineTimer); // answered: its timer need not sit in the queue until it expires
        subscribeDeadlineTimer = null;
        if (subscribeOverdue) {
            subscribeOverdue = false;
            // Answered only after the run's end, as the fleet's closing frees a node's places (docs/protocol.md
            // §1): it was never answered while it counted, so it stays counted.
            if (fleet.submitting()) {
                metrics.neverAnsweredChanged(-1);
            }
        }
        latency.record(Metric.SUBSCRIBE, now - subscribeSentNs);
        if (response.submitOutcome() == SubmitOutcome.ACCEPTED) {
            subscribed = true;
            slot.subscribed = true;
            slot.failedAttempts = 0;
            metrics.subscribedChanged(1);
            scheduleSessionEnd();
            startSolvingIfReady(now);
        } else {
            metrics.subscribeRejected();
        }
    }

    private void scheduleSessionEnd() {
        long meanNs = fleet.sessionLifetimeNs();
        if (meanNs > 0) {
            long lifetimeNs = (long) (-Math.log(1.0 - slot.random.nextDouble()) * meanNs);
            ctx.executor().schedule(this::endSession, lifetimeNs, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * The session's lifetime is up: the miner stops solving and closes once its submits in flight are answered
     * (or time out), as a miner leaving a pool does. Closing with a submit in flight would count it unanswered,
     * the generator's own doing charged to the endpoint. Solution events due meanwhile are lost with the
     * session, as those after a close are.
     */
    private void endSession() {
        if (!ctx.channel().isActive()) {
            return;
        }
        ctx.channel().attr(CLOSED_FOR_CHURN).set(Boolean.TRUE);
        endingSession = true;
        cancel(nextSolution);
        nextSolution = null;
        dropWaiting(System.nanoTime(), false);
        closeIfSessionEnded();
    }

    private void closeIfSessionEnded() {
        if (endingSession && outstanding.isEmpty()) {
            ctx.close();
        }
    }

    private void onSubmitReply(RpcResponse response, long now) {
        long latencyNs = now - outstanding.headIntendedNs();
        latency.record(Metric.SUBMIT, latencyNs);
        if (!slot.hostile) {
            latency.record(Metric.SUBMIT_HONEST, latencyNs);
        }
        latency.record(Metric.SUBMIT_SERVICE, now - outstanding.headWrittenNs());
        long id = outstanding.headId();
        outstanding.removeHead();
        Outcome outcome = classify(response);
        metrics.outcome(outcome);
        if (outcome != Outcome.ACCEPTED) {
            metrics.answers().record(outcome, response.detail());
        }
        boolean repeat = id == repeatWhenAcceptedId;
        if (repeat) {
            repeatWhenAcceptedId = 0;
        }
        if (outcome == Outcome.ACCEPTED && pendingNonce != null && id == pendingNonceId) {
            fleet.shareAccepted(pendingJobIdText, pendingPowHashText, pendingNonce);
            if (repeat && fleet.submitting() && !endingSession
                    && pendingPowHashText.equals(job.powHashText())) {
                // The duplicate this share was ground for: its latency counts from now, when it is due.
                // A second submit of an event already counted: not a solution event of its own.
                submitBad(ShareKind.DUPLICATE, now, now, false);
            }
        }
        closeIfSessionEnded();
    }

    private static Outcome classify(RpcResponse response) {
        SubmitOutcome outcome = response.submitOutcome();
        if (outcome == null) {
            return Outcome.ERROR;
        }
        return switch (outcome) {
            case ACCEPTED -> Outcome.ACCEPTED;
            case STALE_JOB -> Outcome.REJECTED_STALE;
            case INCORRECT_NONCE -> Outcome.REJECTED_INCORRECT;
            case DUPLICATE -> Outcome.REJECTED_DUPLICATE;
            case MALFORMED -> Outcome.REJECTED_OTHER;
        };
    }

    private void startSolvingIfReady(long now) {
        if (subscribed && job != null && nextSolution == null && fleet.submitting() && !endingSession) {
            if (!job.nonces().ready().isDone()) {
                awaitReadiness(job.nonces());
                return;
            }
            scheduleSolution(slot.schedule.start(now), now);
        }
    }

    /**
     * The job cannot be ground yet (its Octopus cache is being built): the schedule starts once it can, as a real
     * miner starts once its dataset is built, so that the generator's own warm-up is not owed load. Once per job.
     */
    private void awaitReadiness(JobNonces nonces) {
        if (awaitingReadiness == nonces) {
            return;
        }
        awaitingReadiness = nonces;
        nonces.ready().whenComplete((done, failed) -> {
            try {
                ctx.executor().execute(() -> startSolvingIfReady(System.nanoTime()));
            } catch (RejectedExecutionException e) {
                // the run is over
            }
        });
    }

    /**
     * A new phase changed this miner's rate: restart the schedule from now at the new rate (exact for a Poisson
     * process, which has no memory), unless the miner is behind: the events it owes stand (they fire at once), and
     * the new rate applies from the next draw. Runs on the connection's event loop.
     */
    void rateChanged() {
        if (job != null) {
            slot.schedule.onBoundaryFraction(job.boundaryFraction());
        }
        long now = System.nanoTime();
        if (nextSolution != null && slot.schedule.nextIntendedNs() <= now) {
            return;
        }
        cancel(nextSolution);
        nextSolution = null;
        startSolvingIfReady(now);
    }

    private void scheduleSolution(long intendedNs, long now) {
        nextSolution = intendedNs == Long.MAX_VALUE
                ? null
                : ctx.executor().schedule(solutionTick, Math.max(0, intendedNs - now), TimeUnit.NANOSECONDS);
    }

    private void onSolutionEvent() {
        long intended = slot.schedule.nextIntendedNs();
        long now = System.nanoTime();
        if (!fleet.submitting()) {
            return; // the event stays pending: the end of the run counts it owed (countOwed)
        }
        if (!ctx.channel().isActive()) {
            nextSolution = null;
            return;
        }
        BadShareMix mix = slot.hostile ? fleet.hostileShares : fleet.badShares();
        ShareKind kind = mix.draw(slot.random.nextDouble());
        if (kind == ShareKind.VALID || kind == ShareKind.DUPLICATE && repeatableShare() == null) {
            // A duplicate with nothing accepted on this job to repeat: a fresh valid share, repeated once accepted.
            solveValid(intended, kind == ShareKind.DUPLICATE, now);
        } else {
            submitBad(kind, intended, now, true);
        }
        scheduleSolution(slot.schedule.advance(), now);
    }

    /** @return a share the fleet had accepted on the current job, or null */
    private AcceptedShare repeatableShare() {
        AcceptedShare accepted = fleet.lastAcceptedShare();
        return accepted != null && accepted.powHashText().equals(job.powHashText()) ? accepted : null;
    }

    /** Sends a valid share now if a nonce is at hand, else queues the event behind any already waiting. */
    private void solveValid(long intendedNs, boolean repeat, long now) {
        U256 nonce = waiting.isEmpty() ? validNonce() : null;
        if (nonce != null) {
            submitValid(nonce, intendedNs, repeat, now);
        } else {
            waiting.add(intendedNs, repeat);
            grinding.waited();
        }
    }

    /**
     * A valid nonce of the current job, at once when the job needs no grinding or a few attempts do, or one
     * ground ahead; null when none is ready, this miner then being enrolled to be called back.
     */
    private U256 validNonce() {
        JobNonces nonces = job.nonces();
        switch (nonces.supply()) {
            case ANY :
                return randomNonce();
            case NONE :
                // Too hard to grind here: send the best effort, which the endpoint will judge; the summary counts
                // it, and its difficulty tells the reader why.
                grinding.unground();
                return randomNonce();
            case INLINE :
                U256 inline = fleet.grinder().next(job.powHash(), job.boundary(), randomNonce(),
                        ShareSource.INLINE_ATTEMPTS);
                if (inline != null) {
                    grinding.groundInline();
                    return inline;
                }
                break; // a rare unlucky run of attempts: the grinding threads take it over
            case POOL :
                break;
        }
        U256 ground = nonces.takeValid(this);
        if (ground == null) {
            waitingOn = nonces;
        }
        return ground;
    }

    /** Called on a grinding thread: the nonce goes to this connection's event loop. */
    @Override
    public void nonceReady(JobNonces from, U256 nonce) {
        try {
            ctx.executor().execute(() -> onNonceReady(from, nonce));
        } catch (RejectedExecutionException e) {
            // The event loops are shutting down: the run is over, and the waiting events were counted never sent.
        }
    }

    private void onNonceReady(JobNonces from, U256 nonce) {
        if (from != waitingOn || waiting.isEmpty() || !fleet.submitting() || !ctx.channel().isActive()) {
            from.giveBack(nonce); // this miner moved on meanwhile: another may use it
            return;
        }
        waitingOn = null;
        long now = System.nanoTime();
        submitValid(nonce, waiting.headIntendedNs(), waiting.headRepeats(), now);
        waiting.removeHead();
        serveWaiting(now);
    }

    /** Sends what waiting events have nonces at hand for, in order, until one must wait again. */
    private void serveWaiting(long now) {
        while (!waiting.isEmpty() && fleet.submitting()) {
            U256 nonce = validNonce();
            if (nonce == null) {
                return;
            }
            submitValid(nonce, waiting.headIntendedNs(), waiting.headRepeats(), now);
            waiting.removeHead();
        }
    }

    private void submitValid(U256 nonce, long intendedNs, boolean repeat, long now) {
        ByteBuf line = ctx.alloc().buffer(256);
        long id = nextRequestId++;
        pendingNonce = nonce;
        pendingNonceId = id;
        pendingJobIdText = job.jobIdText();
        pendingPowHashText = job.powHashText();
        if (repeat) {
            repeatWhenAcceptedId = id;
        }
        MinerRequestWriter.writeSubmitLine(line, id, slot.workerId, job.jobIdText(), nonce,
                job.powHashText());
        send(line, id, intendedNs, now, true);
    }

    /**
     * Sends a deliberately bad share, or a duplicate of one the fleet had accepted on this job.
     *
     * @param solutionEvent false for the repeat of a share this miner had accepted: a submit, not an event
     */
    private void submitBad(ShareKind kind, long intendedNs, long now, boolean solutionEvent) {
        ByteBuf line = ctx.alloc().buffer(256);
        long id = nextRequestId++;
        pendingNonce = null;
        switch (kind) {
            case MALFORMED ->
                MinerRequestWriter.writeSubmitLine(line, id, slot.workerId, job.jobIdText(), MALFORMED_NONCE,
                        job.powHashText());
            case STALE ->
                // A pow_hash the server never issued is outside its window, whatever the window's size: judged
                // exactly as an expired job (docs/protocol.md §5). An older job's hash would be inside a wide window.
                MinerRequestWriter.writeSubmitLine(line, id, slot.workerId, job.jobIdText(), randomNonce(),
                        job.forgedPowHashText());
            case DUPLICATE -> {
                // The server keeps one set of accepted nonces per job, whoever sent them: repeating a nonce the
                // fleet had accepted on the current job is a duplicate. One of an older job would be judged
                // stale first once the job left the window, so it is not repeated (the caller checked).
                AcceptedShare accepted = repeatableShare();
                MinerRequestWriter.writeSubmitLine(line, id, slot.workerId, accepted.jobIdText(),
                        accepted.nonce(), accepted.powHashText());
            }
            case INVALID ->
                MinerRequestWriter.writeSubmitLine(line, id, slot.workerId, job.jobIdText(), invalidNonce(),
                        job.powHashText());
            case VALID -> throw new IllegalArgumentException("a valid share is sent by submitValid");
        }
        send(line, id, intendedNs, now, solutionEvent);
    }

    private void send(ByteBuf line, long id, long intendedNs, long now, boolean solutionEvent) {
        if (solutionEvent) {
            latency.record(Metric.LAG, now - intendedNs);
        } else {
            metrics.repeatSent();
        }
        outstanding.add(id, intendedNs, now);
        metrics.submitSent();
        ctx.writeAndFlush(line, ctx.voidPromise());
        if (nextTimeoutCheck == null) {
            scheduleTimeoutCheck(now);
        }
    }

    private U256 randomNonce() {
        return U256.of(0, 0, slot.random.nextLong(), slot.random.nextLong());
    }

    /**
     * A nonce that does not solve the job (at difficulty 1 every nonce does; the server then accepts it). A Keccak
     * nonce is checked here, one hash; an Octopus check costs milliseconds, so one the grinding threads proved
     * invalid is used, or, when none is left, an unchecked one (valid once in about difficulty times), counted.
     */
    private U256 invalidNonce() {
        JobNonces nonces = job.nonces();
        if (nonces.supply() == NonceSupply.ANY) {
            return randomNonce();
        }
        if (fleet.shares.hashIsCostly()) {
            U256 proven = nonces.takeInvalid();
            if (proven != null) {
                return proven;
            }
            grinding.invalidUnchecked();
            return randomNonce();
        }
        U256 nonce = randomNonce();
        for (int i = 0; i < 64
                && fleet.grinder().next(job.powHash(), job.boundary(), nonce, 1) != null; i++) {
            nonce = randomNonce();
        }
        return nonce;
    }

    /**
     * The run's submitting ended: every solution event due by then and not sent is owed, with its lateness at the
     * end recorded as its lag (a lower bound of what it would have been): the events this miner's schedule had
     * not reached yet, and those waiting for a nonce. Runs on the connection's event loop.
     *
     * @param endNs when submitting ended
     */
    void countOwed(long endNs) {
        if (nextSolution != null) {
            cancel(nextSolution);
            nextSolution = null;
            long intended = slot.schedule.nextIntendedNs();
            for (int exact = 0; intended <= endNs && exact < OWED_DRAWN_EXACTLY; exact++) {
                metrics.owed(1);
                latency.record(Metric.LAG, endNs - intended);
                intended = slot.schedule.advance();
            }
            if (intended <= endNs) {
                owedInBulk(intended, endNs);
            }
        }
        dropWaiting(endNs, true);
    }

    /**
     * Far behind (a rate no generator could follow): the rest of the debt is the rate times the time left, spread
     * evenly over it, rather than millions of draws on the event loop.
     */
    private void owedInBulk(long fromNs, long endNs) {
        long spanNs = endNs - fromNs;
        long events = Math.round(slot.schedule.ratePerSecond() * spanNs / 1e9);
        metrics.owed(events);
        for (int i = 0; i < OWED_BULK_BUCKETS; i++) {
            long inBucket = events / OWED_BULK_BUCKETS + (i < events % OWED_BULK_BUCKETS ? 1 : 0);
            if (inBucket > 0) {
                latency.record(Metric.LAG, (long) (spanNs * (i + 0.5) / OWED_BULK_BUCKETS), inBucket);
            }
        }
    }

    /**
     * Gives up the events waiting for a nonce. At the run's end each is owed (the generator did not produce it in
     * time); when the connection closes they are lost with it, as a real miner's work is, like the events its
     * schedule had not reached: a closed connection's schedule starts again from its next session.
     */
    private void dropWaiting(long endNs, boolean owed) {
        if (waitingOn != null) {
            waitingOn.cancel(this);
            waitingOn = null;
        }
        if (owed) {
            grinding.neverSent(waiting.size());
        }
        while (!waiting.isEmpty()) {
            if (owed) {
                metrics.owed(1);
                latency.record(Metric.LAG, Math.max(0, endNs - waiting.headIntendedNs()));
            }
            waiting.removeHead();
        }
    }

    private void scheduleTimeoutCheck(long now) {
        long due = outstanding.headWrittenNs() + fleet.submitTimeoutNs;
        nextTimeoutCheck = ctx.executor().schedule(timeoutCheck, Math.max(0, due - now),
                TimeUnit.NANOSECONDS);
    }

    /** Submits older than the timeout end as unanswered; replies are in order, so only the oldest can be. */
    private void expireUnanswered() {
        long now = System.nanoTime();
        while (!outstanding.isEmpty() && now - outstanding.headWrittenNs() >= fleet.submitTimeoutNs) {
            outstanding.removeHead();
            metrics.outcome(Outcome.UNANSWERED);
        }
        nextTimeoutCheck = null;
        if (!outstanding.isEmpty()) {
            scheduleTimeoutCheck(now);
        }
        closeIfSessionEnded();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        metrics.connectedChanged(-1);
        if (subscribed) {
            metrics.subscribedChanged(-1);
            slot.subscribed = false;
        }
        if (awaitingSubscribe) {
            metrics.awaitingSubscribeChanged(-1);
            if (fleet.submitting() && !slot.retired) {
                metrics.closedByPeer(); // the fleet closes connections only to retire them, or at the end
            } else if (!fleet.submitting() && !subscribeOverdue) {
                metrics.subscribePendingAtEnd();
            }
        }
        while (!outstanding.isEmpty()) {
            outstanding.removeHead();
            metrics.outcome(Outcome.UNANSWERED); // the connection was lost before the reply
        }
        dropWaiting(System.nanoTime(), false);
        cancel(nextSolution);
        nextSolution = null; // a countOwed queued before the close finds nothing pending on a closed connection
        cancel(nextTimeoutCheck);
        ctx.fireChannelInactive();
    }

    private static void cancel(ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A reset is the peer's doing and counted by the fleet as a lost connection; anything else (a framing
        // error, a bug) is unexpected, counted by class and logged once. Either way channelInactive counts the
        // rest.
        if (!(cause instanceof IOException)) {
            fleet.unexpectedErrors.record(cause);
        }
        ctx.close();
    }
}
