package org.stratumlab.loadgen.miner;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.stratumlab.loadgen.grind.ShareSource;
import org.stratumlab.loadgen.record.LatencyRecorders;
import org.stratumlab.loadgen.record.LoadMetrics;
import org.stratumlab.loadgen.record.NotifyReceiptLog;
import org.stratumlab.results.Metric;
import org.stratumlab.loadgen.schedule.BadShareMix;
import org.stratumlab.pow.NonceGrinder;
import org.stratumlab.pow.U256;
import org.stratumlab.protocol.miner.JobNotify;
import org.stratumlab.server.errors.UnexpectedErrors;

/**
 * What every miner of a fleet shares: settings, the metrics, the source of valid nonces, a grinder per thread
 * for the few attempts a miner may make itself, the first receipt time of each job (for notify skew), and in a
 * sharded run every receipt of each job ({@link NotifyReceiptLog}). Thread-safe.
 */
final class FleetContext {
    /** Jobs remembered for skew; older ones are forgotten (their stragglers then count from their own receipt). */
    private static final int JOBS_REMEMBERED = 256;
    private static final ThreadLocal<NonceGrinder> GRINDERS = ThreadLocal.withInitial(NonceGrinder::fastest);

    final LoadMetrics metrics;
    /** What the miners' connections threw besides resets, by class, the first of each class logged. */
    final UnexpectedErrors unexpectedErrors;
    final String password;
    private volatile BadShareMix badShares;
    final BadShareMix hostileShares;
    final long subscribeTimeoutNs;
    final long submitTimeoutNs;
    final ShareSource shares;
    private volatile long sessionLifetimeNs;
    private final Map<U256, SharedJob> jobsByPowHash = new ConcurrentHashMap<>();
    private final ArrayDeque<U256> jobsInOrder = new ArrayDeque<>();
    private volatile boolean submitting = true;
    /** The newest job's notify as first received, and the job: read without locks, written once per job. */
    private volatile NotifiedJob newestNotified;
    /** A share the server accepted on the newest job any miner had one accepted on: what duplicates repeat. */
    private volatile AcceptedShare lastAcceptedShare;
    /** Where every receipt of each job is counted, or null when the run does not write them. */
    private final NotifyReceiptLog receipts;

    FleetContext(LoadMetrics metrics, UnexpectedErrors unexpectedErrors, String password,
            BadShareMix badShares, BadShareMix hostileShares,
            long subscribeTimeoutNs,
            long submitTimeoutNs, ShareSource shares, long sessionLifetimeNs) {
        this(metrics, unexpectedErrors, password, badShares, hostileShares, subscribeTimeoutNs,
                submitTimeoutNs,
                shares, sessionLifetimeNs, null);
    }

    FleetContext(LoadMetrics metrics, UnexpectedErrors unexpectedErrors, String password,
            BadShareMix badShares, BadShareMix hostileShares,
            long subscribeTimeoutNs,
            long submitTimeoutNs, ShareSource shares, long sessionLifetimeNs, NotifyReceiptLog receipts) {
        this.receipts = receipts;
        this.sessionLifetimeNs = sessionLifetimeNs;
        this.metrics = metrics;
        this.unexpectedErrors = unexpectedErrors;
        this.password = password;
        this.badShares = badShares;
        this.hostileShares = hostileShares;
        this.subscribeTimeoutNs = subscribeTimeoutNs;
        this.submitTimeoutNs = submitTimeoutNs;
        this.shares = shares;
    }

    NonceGrinder grinder() {
        return GRINDERS.get();
    }

    /**
     * Records a miner's receipt of a new job and returns the fleet's one copy of it: counts the job the first
     * time any miner sees it and, when {@code broadcast} is true, records notify skew, the receipt time minus the
     * first miner's.
     *
     * @param notify the notify as received
     * @param nowNs the receipt time
     * @param broadcast false for a connection's first job, which may have been pushed to it alone on subscribe
     *        (a node with notify-on-subscribe) rather than broadcast: its lateness is not fan-out skew
     * @param latency the recorders of the calling miner's event loop
     * @return the shared job
     */
    SharedJob jobReceived(JobNotify notify, long nowNs, boolean broadcast, LatencyRecorders latency) {
        SharedJob known = jobOf(notify, nowNs);
        if (broadcast) {
            latency.record(Metric.NOTIFY_SKEW, nowNs - known.firstReceiptNs());
        }
        if (known.receipts() != null) {
            known.receipts().received(nowNs, broadcast);
        }
        return known;
    }

    /**
     * Records a miner's receipt of the job it already works on (a node's re-push): no skew, but a receipt.
     *
     * @param job the miner's job
     */
    void jobRepeated(SharedJob job) {
        if (job.receipts() != null) {
            job.receipts().repeated();
        }
    }

    /**
     * The shared job of a notify: the decoder hands every miner the same notify instance for the same line
     * ({@code NotifyLineCache}), so the newest job's is recognised by identity, without a lookup; an older job's
     * (or a re-push of the newest) is looked up, which allocates nothing either.
     */
    private SharedJob jobOf(JobNotify notify, long nowNs) {
        NotifiedJob newest = newestNotified;
        if (newest != null && newest.line() == notify) {
            return newest.job();
        }
        SharedJob known = jobsByPowHash.get(notify.powHash());
        return known != null ? known : firstReceipt(notify, nowNs);
    }

    /** A notify as decoded and the fleet's job for it. */
    private record NotifiedJob(JobNotify line, SharedJob job) {
    }

    /** Once per job, under a lock so that the job's nonces are made (and ground for) once. */
    private SharedJob firstReceipt(JobNotify notify, long nowNs) {
        synchronized (jobsInOrder) {
            SharedJob known = jobsByPowHash.get(notify.powHash());
            if (known != null) {
                return known;
            }
            SharedJob fresh = SharedJob.of(notify.jobId(), notify.powHashText(), notify.powHash(),
                    notify.boundary(), shares.newJob(notify.powHash(), notify.height(), notify.boundary()),
                    nowNs, receipts == null ? null : receipts.newJob(notify.powHashText(), nowNs));
            jobsByPowHash.put(notify.powHash(), fresh);
            newestNotified = new NotifiedJob(notify, fresh);
            metrics.jobSeen();
            jobsInOrder.addLast(notify.powHash());
            if (jobsInOrder.size() > JOBS_REMEMBERED) {
                SharedJob forgotten = jobsByPowHash.remove(jobsInOrder.removeFirst());
                if (forgotten != null && forgotten.receipts() != null) {
                    receipts.forgotten(forgotten.receipts(), nowNs);
                }
            }
            return fresh;
        }
    }

    /** @return a share accepted on the newest job that had one, or null before any */
    AcceptedShare lastAcceptedShare() {
        return lastAcceptedShare;
    }

    /**
     * A miner's share was accepted. Kept when it is of another job than the one kept: once per job, not per
     * share, so that accepting allocates nothing in the steady state. Racing miners may keep either of two
     * jobs' shares; duplicates check the job before they repeat one.
     *
     * @param jobIdText the job id the share was sent with
     * @param powHashText the pow_hash it was sent with
     * @param nonce its nonce
     */
    void shareAccepted(String jobIdText, String powHashText, U256 nonce) {
        AcceptedShare kept = lastAcceptedShare;
        if (kept == null || !kept.powHashText().equals(powHashText)) {
            lastAcceptedShare = new AcceptedShare(jobIdText, powHashText, nonce);
        }
    }

    /** @return the honest miners' current bad-share mix (a phase may change it) */
    BadShareMix badShares() {
        return badShares;
    }

    /** @return the current mean session lifetime, 0 for no churn */
    long sessionLifetimeNs() {
        return sessionLifetimeNs;
    }

    /**
     * Changes what the next submits and sessions do (a new phase).
     *
     * @param mix the bad-share mix
     * @param lifetimeNs the mean session lifetime, 0 for none
     */
    void change(BadShareMix mix, long lifetimeNs) {
        badShares = mix;
        sessionLifetimeNs = lifetimeNs;
    }

    /** @return whether miners should still send submits (false while the run drains) */
    boolean submitting() {
        return submitting;
    }

    /** Stops new submits; replies to those in flight are still awaited. */
    void stopSubmitting() {
        submitting = false;
    }
}
