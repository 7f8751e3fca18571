package org.stratumlab.loadgen.attack;

import org.stratumlab.server.ServerConfig;

/**
 * What the attackers of a run do ({@code miners.attack}): one kind, at a rate per attacker.
 *
 * @param kind what they send
 * @param ratePerSecond events a second per attacker: a line, a byte, a submit or (churn) a new connection; for
 *        churn 0 means as fast as the generator can
 * @param lineLimitBytes the endpoint's line limit, which the line kinds aim just under and over; by default the
 *        simulator's
 */
public record AttackSettings(AttackKind kind, double ratePerSecond, int lineLimitBytes) {
    /** Events a second per attacker when the scenario gives no rate. */
    public static final double DEFAULT_RATE_PER_SECOND = 1;

    /** Checks the rate and the limit. */
    public AttackSettings {
        if (kind == null) {
            throw new IllegalArgumentException("an attack needs a kind, one of " + AttackKind.labels());
        }
        if (!(ratePerSecond >= 0 && Double.isFinite(ratePerSecond))
                || ratePerSecond == 0 && kind != AttackKind.CHURN) {
            throw new IllegalArgumentException("attack rate must be positive (0 only for churn), was "
                    + ratePerSecond);
        }
        if (lineLimitBytes < 64) {
            throw new IllegalArgumentException(
                    "attack line limit must be at least 64 bytes, was " + lineLimitBytes);
        }
    }

    /**
     * @param kind what the attackers send
     * @param ratePerSecond events a second per attacker
     * @return the settings, aimed at the simulator's default line limit
     */
    public static AttackSettings of(AttackKind kind, double ratePerSecond) {
        return new AttackSettings(kind, ratePerSecond, ServerConfig.DEFAULT_MAX_LINE_BYTES);
    }

    /** @return the time between one attacker's events, 0 for as fast as possible */
    long intervalNs() {
        return ratePerSecond == 0 ? 0 : (long) (1e9 / ratePerSecond);
    }
}
