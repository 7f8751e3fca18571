package org.stratumlab.loadgen.run;

import java.math.BigInteger;
import org.stratumlab.loadgen.schedule.BadShareMix;
import org.stratumlab.loadgen.schedule.HashrateDistribution;

/**
 * One stretch of a run: how many miners, how fast they solve, which bad shares they send, how they
 * churn, and what happens to the embedded server when the phase begins.
 *
 * @param name the phase's name in the summary
 * @param durationNs how long it lasts
 * @param miners how many miners are connected (ramping up at {@code connectRatePerSecond}, or closed at once)
 * @param connectRatePerSecond new connections per second while ramping up (0 only for a phase of no miners)
 * @param solveRatePerSecond solutions per miner per second, or 0 with a hashrate
 * @param hashrate hashes per second per miner, or 0 with a fixed rate
 * @param hashrates how hashrates spread over miners
 * @param badShares the share of deliberately bad submits
 * @param hostileRate the hostile miners' rate as a multiple of everyone else's (1: the same; 0: they are idle),
 *        so that a minority of miners can send most of the submits
 * @param sessionLifetimeNs mean connection lifetime for churn, 0 for none
 * @param server what happens to the embedded server at the start of the phase
 * @param solveRateEndPerSecond for a ramp (k6's ramping arrival rate), the solve rate at the phase's end, reached
 *        in steps of a second from {@code solveRatePerSecond}; NaN for a steady rate
 */
public record Phase(String name, long durationNs, int miners, double connectRatePerSecond,
        double solveRatePerSecond,
        double hashrate, HashrateDistribution hashrates, BadShareMix badShares, double hostileRate,
        long sessionLifetimeNs, ServerAction server, double solveRateEndPerSecond) {

    /**
     * A phase at a steady rate.
     *
     * @param name the phase's name
     * @param durationNs how long it lasts
     * @param miners how many miners
     * @param connectRatePerSecond new connections per second while ramping up
     * @param solveRatePerSecond solutions per miner per second, or 0 with a hashrate
     * @param hashrate hashes per second per miner, or 0 with a fixed rate
     * @param hashrates how hashrates spread over miners
     * @param badShares the share of deliberately bad submits
     * @param hostileRate the hostile miners' rate as a multiple of the others'
     * @param sessionLifetimeNs mean connection lifetime for churn, 0 for none
     * @param server what happens to the embedded server at the start of the phase
     */
    public Phase(String name, long durationNs, int miners, double connectRatePerSecond,
            double solveRatePerSecond,
            double hashrate, HashrateDistribution hashrates, BadShareMix badShares, double hostileRate,
            long sessionLifetimeNs, ServerAction server) {
        this(name, durationNs, miners, connectRatePerSecond, solveRatePerSecond, hashrate, hashrates,
                badShares,
                hostileRate, sessionLifetimeNs, server, Double.NaN);
    }

    /**
     * A phase whose hostile miners (if any) solve as fast as the others.
     *
     * @param name the phase's name
     * @param durationNs how long it lasts
     * @param miners how many miners
     * @param connectRatePerSecond new connections per second while ramping up
     * @param solveRatePerSecond solutions per miner per second, or 0 with a hashrate
     * @param hashrate hashes per second per miner, or 0 with a fixed rate
     * @param hashrates how hashrates spread over miners
     * @param badShares the share of deliberately bad submits
     * @param sessionLifetimeNs mean connection lifetime for churn, 0 for none
     * @param server what happens to the embedded server at the start of the phase
     */
    public Phase(String name, long durationNs, int miners, double connectRatePerSecond,
            double solveRatePerSecond,
            double hashrate, HashrateDistribution hashrates, BadShareMix badShares, long sessionLifetimeNs,
            ServerAction server) {
        this(name, durationNs, miners, connectRatePerSecond, solveRatePerSecond, hashrate, hashrates,
                badShares, 1,
                sessionLifetimeNs, server);
    }

    /** Checks the values; messages name the phase. */
    public Phase {
        require(durationNs > 0, name, "duration must be positive");
        require(miners >= 0, name, "miners must not be negative, was " + miners);
        // A shard may have none of a phase's few miners, and then no share of its connect rate either.
        require(connectRatePerSecond > 0 || miners == 0 && connectRatePerSecond == 0, name,
                "connect rate must be positive");
        require(solveRatePerSecond >= 0 && hashrate >= 0, name,
                "solve rate and hashrate must not be negative");
        require(!(solveRatePerSecond > 0 && hashrate > 0), name, "give a solve rate or a hashrate, not both");
        require(sessionLifetimeNs >= 0, name, "session lifetime must not be negative");
        require(hostileRate >= 0 && Double.isFinite(hostileRate), name,
                "hostile rate must be a non-negative multiple, was " + hostileRate);
        require(Double.isNaN(solveRateEndPerSecond) || solveRateEndPerSecond >= 0 && hashrate == 0, name,
                "a ramp's end rate must not be negative, and a ramp is of solve rates, not hashrates");
    }

    /** @return whether the solve rate ramps over the phase */
    public boolean ramps() {
        return !Double.isNaN(solveRateEndPerSecond);
    }

    /**
     * @param elapsedNs time into the phase
     * @return the solve rate then: the steady one, or the ramp's, held for each whole second
     */
    public double solveRateAt(long elapsedNs) {
        if (!ramps()) {
            return solveRatePerSecond;
        }
        double fraction = Math.min(1, Math.max(0, (double) elapsedNs / durationNs));
        return solveRatePerSecond + (solveRateEndPerSecond - solveRatePerSecond) * fraction;
    }

    /** @return the rate a phase that follows without its own keeps: a ramp's end */
    public double finalSolveRatePerSecond() {
        return ramps() ? solveRateEndPerSecond : solveRatePerSecond;
    }

    private static void require(boolean condition, String phase, String message) {
        if (!condition) {
            throw new IllegalArgumentException("phase '" + phase + "': " + message);
        }
    }

    /**
     * What a phase does to the embedded server as it begins.
     *
     * @param restart close the server (every miner is disconnected) and start it again on the same port
     * @param difficulty a new difficulty from now on, or {@code null} to keep it
     * @param blockIntervalNs a new block interval, or {@code null} to keep it
     * @param window a new stale window (pow_problem_window_size), or {@code null} to keep it
     * @param killDownNs SIGKILL the server's own JVM (no close, no final counts: a crashed endpoint) and start it
     *        again on the same port after this long; {@code null} for no kill
     */
    public record ServerAction(boolean restart, BigInteger difficulty, Long blockIntervalNs, Integer window,
            Long killDownNs) {
        /** Nothing happens to the server. */
        public static final ServerAction NONE = new ServerAction(false, null, null, null);

        /** Checks that a kill is not also a restart, and its time down is not negative. */
        public ServerAction {
            if (killDownNs != null && (killDownNs < 0 || restart)) {
                throw new IllegalArgumentException(
                        "server.kill: a kill is its own restart, and its down time "
                                + "must not be negative");
            }
        }

        /**
         * An action that kills nothing.
         *
         * @param restart restart the server
         * @param difficulty a new difficulty, or {@code null}
         * @param blockIntervalNs a new block interval, or {@code null}
         * @param window a new stale window, or {@code null}
         */
        public ServerAction(boolean restart, BigInteger difficulty, Long blockIntervalNs, Integer window) {
            this(restart, difficulty, blockIntervalNs, window, null);
        }

        /**
         * An action that leaves the window as it is.
         *
         * @param restart restart the server
         * @param difficulty a new difficulty, or {@code null}
         * @param blockIntervalNs a new block interval, or {@code null}
         */
        public ServerAction(boolean restart, BigInteger difficulty, Long blockIntervalNs) {
            this(restart, difficulty, blockIntervalNs, null);
        }

        /** @return whether the action kills the server's process */
        public boolean kills() {
            return killDownNs != null;
        }

        /** @return whether the action changes anything */
        public boolean isNone() {
            return !restart && difficulty == null && blockIntervalNs == null && window == null
                    && killDownNs == null;
        }
    }
}
