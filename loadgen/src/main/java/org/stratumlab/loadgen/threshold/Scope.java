package org.stratumlab.loadgen.threshold;

import org.stratumlab.results.Summary;

/**
 * What a rule judges: the whole run, or one phase of it ({@code {phase:NAME}}). Submits and latencies come from
 * the scope; miner and notify counts exist for the whole run only, read from {@link #run}.
 *
 * @param durationS the scope's length
 * @param submits its submits
 * @param latencyUs its latencies
 * @param run the whole run
 */
record Scope(double durationS, Summary.Submits submits, Summary.Latencies latencyUs, Summary run) {
    static Scope whole(Summary run) {
        return new Scope(run.durationS(), run.submits(), run.latencyUs(), run);
    }

    static Scope phase(Summary.Phase phase, Summary run) {
        return new Scope(phase.durationS(), phase.submits(), phase.latencyUs(), run);
    }

    /** A ratio of submits sent; 0 when nothing was sent (a rule like accepted_ratio >= 0.99 then fails). */
    double ratio(double part) {
        return submits.sent() == 0 ? 0 : part / submits.sent();
    }

    double perSecond(double count) {
        return durationS == 0 ? 0 : count / durationS;
    }
}
