package org.stratumlab.loadgen.record;

import org.stratumlab.results.Metric;
import org.stratumlab.results.Outcome;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * What a run counts and records, written by every event loop at once: latencies go to HdrHistogram recorders,
 * one set per event loop ({@link #recordersFor}: single-writer, so that loops do not contend on a shared
 * recorder) and one set for every other thread ({@link #record}); the sampler swaps out each set's intervals and
 * adds them ({@link #takeInterval}). Counts go to {@link LongAdder}s. Nothing on the recording path locks or
 * allocates.
 *
 * <p>Latencies are recorded in microseconds with 3 significant digits (values below 1 µs count as 1 µs).
 */
public final class LoadMetrics {
    /** For writers that are not event loops: connect listeners, tests. */
    private final LatencyRecorders anyThread = LatencyRecorders.anyWriter();
    private final Map<Executor, LatencyRecorders> byLoop = new ConcurrentHashMap<>();
    /** The same sets as {@link #byLoop}, for the sampler to walk without a map iterator. */
    private final List<LatencyRecorders> loopSets = new CopyOnWriteArrayList<>();
    private final LongAdder[] outcomes = new LongAdder[Outcome.values().length];
    private final LongAdder sent = new LongAdder();
    private final LongAdder owed = new LongAdder();
    private final LongAdder repeatsSent = new LongAdder();
    private final AnswerSamples answers = new AnswerSamples();
    private final LongAdder notifiesReceived = new LongAdder();
    private final LongAdder jobsSeen = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private final LongAdder connectFailures = new LongAdder();
    /** Off the hot path: a connect fails once per attempt, and the causes are few. */
    private final Map<String, LongAdder> connectFailuresByCause = new ConcurrentHashMap<>();
    private final LongAdder subscribePending = new LongAdder();
    private final LongAdder closedByPeer = new LongAdder();
    private final LongAdder notJsonRpc = new LongAdder();

    private final LongAdder subscribeRejected = new LongAdder();
    private final LongAdder lateReplies = new LongAdder();
    private final AtomicLong connected = new AtomicLong();
    private final AtomicLong connectedMax = new AtomicLong();
    private final AtomicLong subscribed = new AtomicLong();
    private final AtomicLong subscribedMax = new AtomicLong();
    private final AtomicLong awaitingSubscribeReply = new AtomicLong();
    private final AtomicLong neverAnswered = new AtomicLong();

    /** All counters at zero. */
    public LoadMetrics() {
        for (Outcome outcome : Outcome.values()) {
            outcomes[outcome.ordinal()] = new LongAdder();
        }
    }

    /**
     * The recorders of one event loop, made the first time it asks: only code running on that loop may record
     * into them. A miner takes its loop's set once, so that recording costs no lookup.
     *
     * @param loop a single-threaded executor (a Netty event loop)
     * @return its recorders
     */
    public LatencyRecorders recordersFor(Executor loop) {
        return byLoop.computeIfAbsent(loop, l -> {
            LatencyRecorders set = LatencyRecorders.singleWriter();
            loopSets.add(set);
            return set;
        });
    }

    /**
     * Records from any thread (one that is not an event loop with its own set).
     *
     * @param metric what was measured
     * @param nanos the latency in nanoseconds
     */
    public void record(Metric metric, long nanos) {
        anyThread.record(metric, nanos);
    }

    /**
     * Records from any thread (one that is not an event loop with its own set).
     *
     * @param metric what was measured
     * @param nanos the latency in nanoseconds
     * @param count how many samples had it
     */
    public void record(Metric metric, long nanos, long count) {
        anyThread.record(metric, nanos, count);
    }

    /** @param outcome how a submit ended */
    public void outcome(Outcome outcome) {
        outcomes[outcome.ordinal()].increment();
    }

    /** A submit was written. */
    public void submitSent() {
        sent.increment();
    }

    /** A submit that repeats an accepted share of an earlier event was written: not a solution event itself. */
    public void repeatSent() {
        repeatsSent.increment();
    }

    /** @return what the endpoint answered to the submits it did not accept */
    public AnswerSamples answers() {
        return answers;
    }

    /** @param events solution events due before the run's end that were never sent: the generator owed them */
    public void owed(long events) {
        owed.add(events);
    }

    /** A notify line arrived. */
    public void notifyReceived() {
        notifiesReceived.increment();
    }

    /** The first miner saw a job it had not seen before. */
    public void jobSeen() {
        jobsSeen.increment();
    }

    /** A lost connection is being opened again. */
    public void reconnecting() {
        reconnects.increment();
    }

    /** @param cause why a connect attempt failed: an errno's name or an exception's class */
    public void connectFailed(String cause) {
        connectFailures.increment();
        connectFailuresByCause.computeIfAbsent(cause, c -> new LongAdder()).increment();
    }

    /** A connection ended while its subscribe waited for a reply within its timeout: the run was over. */
    public void subscribePendingAtEnd() {
        subscribePending.increment();
    }

    /** The peer closed or reset a connection before answering its subscribe. */
    public void closedByPeer() {
        closedByPeer.increment();
    }

    /** The peer sent a line that is not JSON-RPC before answering a connection's subscribe. */
    public void notJsonRpc() {
        notJsonRpc.increment();
    }

    /** The server answered a subscribe with false (wrong password). */
    public void subscribeRejected() {
        subscribeRejected.increment();
    }

    /** A reply came for a submit already counted as unanswered. */
    public void lateReply() {
        lateReplies.increment();
    }

    /** @param delta +1 when a connection opens, -1 when it closes */
    public void connectedChanged(int delta) {
        raise(connectedMax, connected.addAndGet(delta));
    }

    /** @param delta +1 when a subscribe succeeds, -1 when a subscribed connection closes */
    public void subscribedChanged(int delta) {
        raise(subscribedMax, subscribed.addAndGet(delta));
    }

    /** @param delta +1 when a subscribe is written, -1 when it is answered or its connection closes */
    public void awaitingSubscribeChanged(int delta) {
        awaitingSubscribeReply.addAndGet(delta);
    }

    /** @param delta +1 when a subscribe passes its timeout unanswered, -1 if its reply comes after all */
    public void neverAnsweredChanged(int delta) {
        neverAnswered.addAndGet(delta);
    }

    private static void raise(AtomicLong max, long value) {
        long seen;
        while (value > (seen = max.get()) && !max.compareAndSet(seen, value)) {
            // another thread raised it meanwhile; retry with its value
        }
    }

    /**
     * Swaps out a metric's interval from every set and adds them up: what every thread recorded since the last
     * swap. Its start and end times are those of the any-thread set's interval, which spans the whole interval
     * (a loop's set may have been made during it). The sampler's thread only.
     *
     * @param metric the metric
     * @param into where the sum goes (reset first)
     * @return {@code into}
     */
    Histogram takeInterval(Metric metric, Histogram into) {
        into.reset();
        Histogram whole = anyThread.takeInterval(metric);
        into.add(whole);
        for (LatencyRecorders set : loopSets) {
            into.add(set.takeInterval(metric));
        }
        into.setStartTimeStamp(whole.getStartTimeStamp());
        into.setEndTimeStamp(whole.getEndTimeStamp());
        return into;
    }

    /** Forgets every latency recorded so far: the next interval starts now. The sampler's thread only. */
    void resetLatencies() {
        anyThread.reset();
        for (LatencyRecorders set : loopSets) {
            set.reset();
        }
    }

    /** @return the counters now; each is exact, together they are a near-instant picture */
    public Counts counts() {
        long[] byOutcome = new long[outcomes.length];
        for (int i = 0; i < outcomes.length; i++) {
            byOutcome[i] = outcomes[i].sum();
        }
        return new Counts(sent.sum(), byOutcome, notifiesReceived.sum(), jobsSeen.sum(), reconnects.sum(),
                connectFailures.sum(), subscribeRejected.sum(), lateReplies.sum(),
                connected.get(),
                connectedMax.get(), subscribed.get(), subscribedMax.get(), awaitingSubscribeReply.get(),
                neverAnswered.get(), subscribePending.sum(), closedByPeer.sum(), notJsonRpc.sum(),
                connectFailuresByCause(), owed.sum(), repeatsSent.sum());
    }

    private Map<String, Long> connectFailuresByCause() {
        Map<String, Long> byCause = new TreeMap<>();
        connectFailuresByCause.forEach((cause, n) -> byCause.put(cause, n.sum()));
        return byCause;
    }

    /**
     * The counters at one moment.
     *
     * @param sent submits written
     * @param byOutcome ended submits, indexed by {@link Outcome#ordinal()}
     * @param notifiesReceived notify lines received
     * @param jobsSeen distinct jobs seen
     * @param reconnects reconnections started
     * @param connectFailures failed connect attempts

     * @param subscribeRejected subscribes answered false
     * @param lateReplies replies after their submit had timed out
     * @param connected open connections
     * @param connectedMax the most open at once
     * @param subscribed subscribed connections
     * @param subscribedMax the most subscribed at once
     * @param awaitingSubscribeReply connections whose subscribe has no reply yet
     * @param neverAnswered connections whose subscribe passed its timeout with no reply
     * @param subscribePending connections whose subscribe was still within its timeout when the run ended
     * @param closedByPeer connections the peer closed before answering their subscribe
     * @param notJsonRpc connections whose peer sent a line that is not JSON-RPC before answering the subscribe
     * @param connectFailuresByCause failed connect attempts by cause
     * @param owed solution events due before the end that were never sent
     * @param repeatsSent submits that repeated an accepted share (counted in {@code sent}, not solution events)
     */
    public record Counts(long sent, long[] byOutcome, long notifiesReceived, long jobsSeen, long reconnects,
            long connectFailures, long subscribeRejected, long lateReplies,
            long connected,
            long connectedMax, long subscribed, long subscribedMax, long awaitingSubscribeReply,
            long neverAnswered, long subscribePending, long closedByPeer, long notJsonRpc,
            Map<String, Long> connectFailuresByCause, long owed, long repeatsSent) {
        /** @param outcome the outcome @return how many submits ended so */
        public long of(Outcome outcome) {
            return byOutcome[outcome.ordinal()];
        }

        /**
         * @return the same counts with every submit in flight counted unanswered: what a checkpoint of a run still
         *         going records, so that its submits add up (a run killed after it never learnt their answers)
         */
        public Counts withInFlightUnanswered() {
            long[] ended = byOutcome.clone();
            ended[Outcome.UNANSWERED.ordinal()] += Math.max(0, sent - ended());
            return new Counts(sent, ended, notifiesReceived, jobsSeen, reconnects, connectFailures,
                    subscribeRejected, lateReplies, connected, connectedMax, subscribed, subscribedMax,
                    awaitingSubscribeReply, neverAnswered, subscribePending, closedByPeer, notJsonRpc,
                    connectFailuresByCause, owed, repeatsSent);
        }

        /** @return submits that have ended */
        public long ended() {
            long total = 0;
            for (long n : byOutcome) {
                total += n;
            }
            return total;
        }

        /** @return all rejections */
        public long rejected() {
            return of(Outcome.REJECTED_STALE) + of(Outcome.REJECTED_INCORRECT)
                    + of(Outcome.REJECTED_DUPLICATE)
                    + of(Outcome.REJECTED_OTHER);
        }

        /**
         * @return attempts that ended without a subscribed miner so far: failed connects, rejected, unanswered
         *         or closed subscribes, and peers that do not speak JSON-RPC
         */
        public long startFailures() {
            return connectFailures + subscribeRejected + neverAnswered + closedByPeer + notJsonRpc;
        }

        /** @return solution events sent: the submits written, less the repeats of accepted shares */
        public long eventsSent() {
            return sent - repeatsSent;
        }

        /** @return submits written whose outcome is not known yet */
        public long inFlight() {
            return sent - ended();
        }
    }
}
