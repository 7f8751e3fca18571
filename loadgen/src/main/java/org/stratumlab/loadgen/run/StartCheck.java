package org.stratumlab.loadgen.run;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.stratumlab.loadgen.record.LoadMetrics;
import org.stratumlab.results.Summary;

/**
 * Whether a run got going: a run in which no miner ever subscribed measured nothing, and one in which fewer than
 * the target subscribed at the peak measured another load than was asked for; either fails, with the reasons
 * counted, instead of passing on thresholds that nothing exercised. A scenario that expects some miners never to
 * be served (a node's 1024 places) opts out of the second rule, never of the first.
 *
 * <p>Pure functions of the counters, called from the run's thread.
 */
final class StartCheck {
    /** How long a run may try before it is given up as hopeless: a node that is still starting gets this long. */
    static final long HOPELESS_AFTER_NS = TimeUnit.SECONDS.toNanos(3);
    /** Attempts that must all have failed, at least (or every miner's first, when there are fewer). */
    static final int HOPELESS_ATTEMPTS = 16;

    private StartCheck() {
    }

    /**
     * Whether to give up early: nothing ever subscribed, and enough attempts have failed that more waiting would
     * only spend the run's duration (a target where nothing listens, a wrong password, a peer that never
     * answers: each repeats for every miner).
     *
     * @param counts the counters now
     * @param targetMiners the miners the run opens
     * @param elapsedNs since the run started
     * @return true to stop the run now
     */
    static boolean hopeless(LoadMetrics.Counts counts, long targetMiners, long elapsedNs) {
        return elapsedNs >= HOPELESS_AFTER_NS && counts.subscribedMax() == 0
                && counts.startFailures() >= Math.min(targetMiners, HOPELESS_ATTEMPTS);
    }

    /**
     * @param miners the run's miner counts
     * @param expectAllSubscribed whether every miner was to subscribe
     * @return why the run did not get going, one line, or null if it did
     */
    static String failure(Summary.Miners miners, boolean expectAllSubscribed) {
        String reasons = reasons(miners.startReasons());
        if (miners.subscribed() == 0) {
            String what = miners.connectedMax() == 0 ? "no miner could connect" : "no miner subscribed";
            return what + (reasons.isEmpty() ? "" : " (" + reasons + ")") + hint(miners);
        }
        if (expectAllSubscribed && miners.subscribed() < miners.target()) {
            return String.format(Locale.ROOT,
                    "only %,d of %,d miners subscribed at the peak (%,d connected)%s",
                    miners.subscribed(), miners.target(), miners.connectedMax(),
                    reasons.isEmpty() ? "" : ": " + reasons);
        }
        return null;
    }

    private static String reasons(Map<String, Long> byReason) {
        return byReason.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** The likeliest cause of the commonest reason, in the user's terms. */
    private static String hint(Summary.Miners m) {
        if (m.subscribeRejected() > 0) {
            return ": the endpoint refused the subscribe; is the password right?";
        }
        if (m.notJsonRpc() > 0) {
            return ": the endpoint does not speak Stratum's JSON-RPC (is it another service, such as HTTP?)";
        }
        if (m.neverAnswered() > 0 || m.closedByPeer() > 0) {
            return ": the endpoint accepted connections but never answered a subscribe";
        }
        if (m.connectedMax() == 0 && m.connectFailures() > 0) {
            return ": is anything listening there?";
        }
        return "";
    }
}
