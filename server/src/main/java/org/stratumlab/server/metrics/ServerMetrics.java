package org.stratumlab.server.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import org.stratumlab.protocol.mining.SubmitOutcome;
import org.stratumlab.server.errors.UnexpectedErrors;

/**
 * The simulator's counters, kept in a Prometheus registry of its own (one per server, so that two servers in one
 * process, as in tests, do not mix). Hot paths call the methods here; each is a striped-counter increment on a
 * data point looked up once at construction, never a label lookup per event.
 *
 * <p>Thread-safe: called from every event loop and the chain thread.
 */
public final class ServerMetrics {
    /** Why a connection was closed by the server rather than by the peer. */
    public enum Rejection {
        /** Over {@code --max-connections}: accepted and closed at once. */
        LIMIT("limit"),
        /** Silent for {@code --idle-timeout}. */
        IDLE("idle"),
        /** A request line over {@code --max-line-bytes}. */
        LINE_TOO_LONG("line_too_long"),
        /** Invalid UTF-8 in a line: closed without a reply, as the node does. */
        INVALID_UTF8("invalid_utf8"),
        /** Not subscribed within {@code --subscribe-timeout} of opening. */
        SUBSCRIBE_TIMEOUT("subscribe_timeout"),
        /** With {@code --node-limits}: more output queued for a slow reader than the safety cap. */
        QUEUE_CAP("queue_cap");

        private final String label;

        Rejection(String label) {
            this.label = label;
        }

        /** @return the metric label value */
        public String label() {
            return label;
        }
    }

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final UnexpectedErrors unexpectedErrors;
    private final Gauge connections = Gauge.builder().name("stratum_connections").help("Open connections.")
            .register(registry);
    private final Gauge subscribed = Gauge.builder().name("stratum_subscribed")
            .help("Connections subscribed to notifies.").register(registry);
    private final Gauge held = Gauge.builder().name("stratum_connections_held")
            .help("Connections accepted but not read, waiting for one of the node's 1024 places (--node-limits).")
            .register(registry);
    private final Counter rejected = Counter.builder().name("stratum_connections_rejected_total")
            .help("Connections the server closed, by reason.").labelNames("reason").register(registry);
    private final Counter jobs = Counter.builder().name("stratum_jobs_total").help("Jobs made by the chain.")
            .register(registry);
    private final Counter notifiesSent = Counter.builder().name("stratum_notifies_sent_total")
            .help("Notify lines written to connections.").register(registry);
    private final Counter notifiesDropped = Counter.builder().name("stratum_notifies_dropped_total")
            .help("Notifies replaced by a newer one while a connection was not writable.").register(registry);
    private final Counter requests = Counter.builder().name("stratum_requests_total")
            .help("JSON-RPC calls by method (other: any unknown method).").labelNames("method")
            .register(registry);
    private final Counter protocolErrors = Counter.builder().name("stratum_protocol_errors_total")
            .help("JSON-RPC error responses by code.").labelNames("code").register(registry);
    private final Counter submits = Counter.builder().name("stratum_submits_total")
            .help("mining.submit calls by result.").labelNames("result").register(registry);
    private final Histogram validationSeconds = Histogram.builder().name("stratum_share_validation_seconds")
            .help("Time to validate one share, by proof of work: keccak the whole judgement on the event loop "
                    + "(window lookup, PoW check, duplicate check); octopus the PoW check on the pool (a wait "
                    + "for its stage's cache included, stale submits not included).")
            .labelNames("pow").classicOnly()
            .classicUpperBounds(1e-6, 2e-6, 5e-6, 1e-5, 2e-5, 5e-5, 1e-4, 1e-3, 2e-3, 5e-3, 1e-2, 2e-2, 5e-2,
                    0.1, 1)
            .register(registry);
    private final DistributionDataPoint keccakValidation = validationSeconds.labelValues("keccak");
    private final DistributionDataPoint octopusValidation = validationSeconds.labelValues("octopus");
    private final Counter checkBackpressure = Counter.builder().name("stratum_share_check_backpressure_total")
            .help("Times a connection stopped being read because the Octopus check queue was full; it is read "
                    + "again once its pending replies are written.")
            .register(registry);
    private final Counter bytesReceived = Counter.builder().name("stratum_bytes_received_total")
            .help("Bytes read from connections.").register(registry);
    private final Counter bytesSent = Counter.builder().name("stratum_bytes_sent_total")
            .help("Bytes written to connections.").register(registry);

    private final Map<Rejection, CounterDataPoint> rejectedByReason = new EnumMap<>(Rejection.class);
    private final Map<SubmitOutcome, CounterDataPoint> submitsByOutcome = new EnumMap<>(SubmitOutcome.class);
    private final CounterDataPoint subscribeRequests = requests.labelValues("mining.subscribe");
    private final CounterDataPoint submitRequests = requests.labelValues("mining.submit");
    private final CounterDataPoint otherRequests = requests.labelValues("other");
    private final Map<Integer, CounterDataPoint> protocolErrorsByCode = new HashMap<>();

    /** Creates the counters, all at zero; unexpected errors are logged to standard error, once per class. */
    public ServerMetrics() {
        this(UnexpectedErrors.toStderr("stratumlab server"));
    }

    /**
     * Creates the counters, all at zero, so that every series is exposed from the start.
     *
     * @param unexpectedErrors where the server's unexpected errors are counted, exposed here by class
     */
    public ServerMetrics(UnexpectedErrors unexpectedErrors) {
        this.unexpectedErrors = unexpectedErrors;
        // Read from the error counter at scrape time: it stays the one place that counts, and a class shows up
        // only once it has happened (the classes cannot be known up front).
        CounterWithCallback.builder().name("stratum_unexpected_errors_total")
                .help("Unexpected exceptions (bugs, not peer resets) by exception class.").labelNames("class")
                .callback(points -> unexpectedErrors.snapshot()
                        .forEach((className, count) -> points.call(count, className)))
                .register(registry);
        for (Rejection reason : Rejection.values()) {
            rejectedByReason.put(reason, rejected.labelValues(reason.label));
        }
        for (SubmitOutcome outcome : SubmitOutcome.values()) {
            submitsByOutcome.put(outcome, submits.labelValues(outcome.label()));
        }
        for (int code : new int[]{-32700, -32600, -32601, -32602}) {
            protocolErrorsByCode.put(code, protocolErrors.labelValues(Integer.toString(code)));
        }
    }

    /** @return the registry to expose */
    public PrometheusRegistry registry() {
        return registry;
    }

    /** @return where unexpected errors are recorded (the terminal handler and the chain record theirs) */
    public UnexpectedErrors unexpectedErrors() {
        return unexpectedErrors;
    }

    /** A connection opened (and was not rejected). */
    public void connectionOpened() {
        connections.inc();
    }

    /** A connection closed. */
    public void connectionClosed() {
        connections.dec();
    }

    /** @return the open connections now */
    public long connections() {
        return (long) connections.get();
    }

    /** @param delta +1 when a connection is held unread for want of a place, -1 when it leaves the queue */
    public void heldChanged(int delta) {
        held.inc(delta);
    }

    /** @return the connections held unread now */
    public long held() {
        return (long) held.get();
    }

    /**
     * Exposes the settings a scrape needs to tell runs apart, as {@code stratum_server_info{seed,node_limits} 1}.
     * Call once, at start.
     *
     * @param seed the seed of the problem hashes
     * @param nodeLimits whether the node's transport limits apply
     */
    public void info(long seed, boolean nodeLimits) {
        Info.builder().name("stratum_server_info").help("The server's seed and mode.")
                .labelNames("seed", "node_limits").register(registry)
                .setLabelValues(Long.toString(seed), Boolean.toString(nodeLimits));
    }

    /** @param reason why the server closed a connection */
    public void rejected(Rejection reason) {
        rejectedByReason.get(reason).inc();
    }

    /** @param delta +1 when a connection subscribes, -1 when a subscribed one closes */
    public void subscribedChanged(int delta) {
        subscribed.inc(delta);
    }

    /** The chain made a job. */
    public void jobMade() {
        jobs.inc();
    }

    /** A notify line was written to a connection. */
    public void notifySent() {
        notifiesSent.inc();
    }

    /** A pending notify was replaced or discarded unsent. */
    public void notifyDropped() {
        notifiesDropped.inc();
    }

    /** @param method the method of a call that will be executed */
    public void request(String method) {
        switch (method) {
            case "mining.subscribe" -> subscribeRequests.inc();
            case "mining.submit" -> submitRequests.inc();
            default -> otherRequests.inc();
        }
    }

    /** @param code the code of a JSON-RPC error response */
    public void protocolError(int code) {
        // The four codes the server answers with are looked up once; a hostile client's stream of bad lines costs
        // an increment, not a label lookup. The map is filled in the constructor and only read afterwards.
        CounterDataPoint point = protocolErrorsByCode.get(code);
        (point != null ? point : protocolErrors.labelValues(Integer.toString(code))).inc();
    }

    /**
     * @param outcome a submit's result
     * @param validationNs the validation time, or -1 when nothing was validated (malformed)
     */
    public void submit(SubmitOutcome outcome, long validationNs) {
        submitsByOutcome.get(outcome).inc();
        if (validationNs >= 0) {
            keccakValidation.observe(validationNs / 1e9);
        }
    }

    /**
     * @param outcome an Octopus submit's result
     * @param checkNs the PoW check's time on the pool, or -1 when none was made (malformed, stale)
     */
    public void octopusSubmit(SubmitOutcome outcome, long checkNs) {
        submitsByOutcome.get(outcome).inc();
        if (checkNs >= 0) {
            octopusValidation.observe(checkNs / 1e9);
        }
    }

    /** A connection stopped being read: the Octopus check queue was full. */
    public void checkBackpressure() {
        checkBackpressure.inc();
    }

    /** @return how many times a connection stopped being read because the Octopus check queue was full */
    public long checkBackpressureCount() {
        return (long) checkBackpressure.get();
    }

    /**
     * Exposes the Octopus check queue's depth, read at scrape time.
     *
     * @param depth the number of checks waiting
     */
    public void checkQueueDepth(IntSupplier depth) {
        GaugeWithCallback.builder().name("stratum_share_check_queue_depth")
                .help("Octopus checks waiting for a pool thread.")
                .callback(point -> point.call(depth.getAsInt())).register(registry);
    }

    /** @param bytes read from a connection */
    public void bytesReceived(long bytes) {
        bytesReceived.inc(bytes);
    }

    /** @param bytes written to a connection */
    public void bytesSent(long bytes) {
        bytesSent.inc(bytes);
    }

    /** @return a consistent-enough snapshot of the counters, for the final report and tests */
    public Snapshot snapshot() {
        Map<SubmitOutcome, Long> byOutcome = new EnumMap<>(SubmitOutcome.class);
        submitsByOutcome.forEach((outcome, point) -> byOutcome.put(outcome, (long) point.get()));
        Map<Rejection, Long> byReason = new EnumMap<>(Rejection.class);
        rejectedByReason.forEach((reason, point) -> byReason.put(reason, (long) point.get()));
        return new Snapshot((long) connections.get(), (long) subscribed.get(), (long) jobs.get(),
                (long) notifiesSent.get(), (long) notifiesDropped.get(), byOutcome, byReason,
                (long) bytesReceived.get(), (long) bytesSent.get(), unexpectedErrors.snapshot());
    }

    /**
     * The counters at one moment.
     *
     * @param connections open connections
     * @param subscribed subscribed connections
     * @param jobs jobs made
     * @param notifiesSent notify lines written
     * @param notifiesDropped notifies replaced while a connection was not writable
     * @param submitsByOutcome submits by result
     * @param rejectedByReason connections closed by the server, by reason
     * @param bytesReceived bytes read
     * @param bytesSent bytes written
     * @param unexpectedErrors unexpected exceptions by class name
     */
    public record Snapshot(long connections, long subscribed, long jobs, long notifiesSent,
            long notifiesDropped,
            Map<SubmitOutcome, Long> submitsByOutcome, Map<Rejection, Long> rejectedByReason,
            long bytesReceived,
            long bytesSent, Map<String, Long> unexpectedErrors) {
        /** @return the submits of every outcome */
        public long submitsTotal() {
            return submitsByOutcome.values().stream().mapToLong(Long::longValue).sum();
        }

        /**
         * Adds another server's counts, for a run whose server was restarted (gauges are taken from
         * {@code later}).
         *
         * @param later the counts of the instance that came after
         * @return the sum
         */
        public Snapshot plus(Snapshot later) {
            Map<SubmitOutcome, Long> outcomes = new EnumMap<>(submitsByOutcome);
            later.submitsByOutcome.forEach((k, v) -> outcomes.merge(k, v, Long::sum));
            Map<Rejection, Long> reasons = new EnumMap<>(rejectedByReason);
            later.rejectedByReason.forEach((k, v) -> reasons.merge(k, v, Long::sum));
            Map<String, Long> errors = new TreeMap<>(unexpectedErrors);
            later.unexpectedErrors.forEach((k, v) -> errors.merge(k, v, Long::sum));
            return new Snapshot(later.connections, later.subscribed, jobs + later.jobs,
                    notifiesSent + later.notifiesSent, notifiesDropped + later.notifiesDropped, outcomes,
                    reasons,
                    bytesReceived + later.bytesReceived, bytesSent + later.bytesSent, errors);
        }
    }
}
