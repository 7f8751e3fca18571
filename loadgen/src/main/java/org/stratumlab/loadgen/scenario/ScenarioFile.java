package org.stratumlab.loadgen.scenario;

import java.util.List;

/**
 * A scenario file as written: what Jackson binds YAML to, with kebab-case keys and every key optional here
 * (defaults and checks are {@link ScenarioLoader}'s job). An unknown key anywhere is an error.
 *
 * @param name the scenario's name
 * @param description what question it answers
 * @param seed the seed of every random draw
 * @param target the endpoint: embedded (the default) or external
 * @param miners settings of the whole fleet
 * @param phases the phases, in order
 * @param thresholds pass/fail rules, e.g. {@code submit.p99 < 5ms}
 */
record ScenarioFile(String name, String description, Long seed, Target target, Miners miners,
        List<PhaseEntry> phases,
        List<String> thresholds) {

    /**
     * @param embedded the simulator's settings (the default target)
     * @param external {@code host:port} of a real endpoint instead
     */
    record Target(Embedded embedded, String external) {
    }

    /**
     * The embedded simulator's settings: the options of {@code stratumlab server}.
     *
     * @param difficulty the difficulty
     * @param window pow_problem_window_size
     * @param blockInterval a new job this often; 0 for none
     * @param newJobOnSolution a new job after each accepted solution
     * @param notifyOnSubscribe the current job right after subscribe
     * @param dialect conflux or doc
     * @param password the password miners must send
     * @param height the first job's height
     * @param seed the seed of the problem hashes
     * @param maxLineBytes the request line limit
     * @param idleTimeout the idle timeout
     * @param maxConnections the connection limit
     * @param heartbeat the heartbeat interval
     * @param ioThreads the server's event loops
     * @param process where it runs: same (this process), separate (a child JVM) or auto (separate above 8,000
     *        miners)
     */
    record Embedded(String difficulty, Integer window, String blockInterval, Boolean newJobOnSolution,
            Boolean notifyOnSubscribe, String dialect, String password, Long height, Long seed,
            String maxLineBytes,
            String idleTimeout, Integer maxConnections, String heartbeat, Integer ioThreads, String process) {
    }

    /**
     * Settings of the whole fleet.
     *
     * @param workerPrefix worker names are prefix-n
     * @param password the subscribe password (for an external target; the embedded one's password is used
     *        otherwise)
     * @param subscribeTimeout a subscribe unanswered this long counts as never answered
     * @param submitTimeout a submit unanswered this long counts as unanswered
     * @param ioThreads the miners' event loops
     * @param sourceAddresses local addresses, e.g. 127.0.0.1-127.0.0.4
     * @param hostile the share of miners that are hostile (0..1), spread evenly over the miner numbers
     * @param hostileShares the bad-share mix hostile miners draw from (the phases' bad-shares are the honest
     *        miners')
     */
    record Miners(String workerPrefix, String password, String subscribeTimeout, String submitTimeout,
            Integer ioThreads, String sourceAddresses, Double hostile, String hostileShares) {
    }

    /**
     * One phase; keys left out keep the previous phase's value.
     *
     * @param name the phase's name
     * @param duration how long it lasts
     * @param miners how many miners
     * @param connectRate new connections per second
     * @param solveRate solutions per miner per second
     * @param hashrate hashes per second per miner
     * @param hashrateDist how hashrates spread
     * @param badShares the bad-share mix
     * @param sessionLifetime mean session lifetime (churn)
     * @param server what happens to the embedded server as the phase begins
     */
    record PhaseEntry(String name, String duration, Integer miners, Double connectRate, Double solveRate,
            Double hashrate, String hashrateDist, String badShares, String sessionLifetime,
            ServerAction server) {
    }

    /**
     * @param restart restart the embedded server
     * @param difficulty retarget to this difficulty
          * @param blockInterval change the block interval
     * @param window change the stale window
     */
    record ServerAction(Boolean restart, String difficulty, String blockInterval, Integer window) {
    }
}
