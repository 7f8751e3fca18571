package org.stratumlab.loadgen.scenario;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stratumlab.loadgen.simulator.ServerSettings;

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
 * @param expect what the run must reach to count as started
 */
record ScenarioFile(String name, String description, Long seed, Target target, Miners miners,
        List<PhaseEntry> phases,
        List<String> thresholds, Expect expect) {

    /**
     * What a run must reach to count as started; a run that does not reach it fails whatever its thresholds say.
     *
     * @param allSubscribed whether every miner must have subscribed at the peak (default true); false where some
     *        are meant to be turned away. Some miner must subscribe either way.
     * @param generatorKeepsUp whether the run fails when the generator falls short of the load asked (default
     *        true); false for a scenario that asks for more than it can produce on purpose
     */
    record Expect(Boolean allSubscribed, Boolean generatorKeepsUp) {
    }

    /**
     * @param embedded the simulator's settings (the default target)
     * @param external {@code host:port} of a real endpoint instead
     */
    record Target(Embedded embedded, String external) {
    }

    /**
     * The embedded simulator's settings: any key of {@link ServerSettings} (the options of
     * {@code stratumlab server}), as text, {@code process}: where it runs, same (this process), separate (a
     * child JVM) or auto (separate above 8,000 miners), and {@code resource-interval}: how often the run reads the
     * server's heap, descriptors and per-connection state (default 1m; 0 for only at the start and the end). Bound by {@link EmbeddedReader}, which rejects an unknown
     * key with its line.
     *
     * @param textByKey each value as written, by key, in the file's order
     */
    @JsonDeserialize(using = EmbeddedReader.class)
    record Embedded(Map<String, String> textByKey) {
        /** A key that is not a server setting: where the server runs. */
        static final String PROCESS = "process";
        /** A key that is not a server setting: how often the run reads the server's resources. */
        static final String RESOURCE_INTERVAL = "resource-interval";

        /** @return the value of {@code process}, or null */
        String process() {
            return textByKey.get(PROCESS);
        }

        /** @return the value of {@code resource-interval}, or null */
        String resourceInterval() {
            return textByKey.get(RESOURCE_INTERVAL);
        }

        /** @return the server's settings: every key but {@code process} and {@code resource-interval} */
        Map<String, String> serverSettings() {
            Map<String, String> settings = new LinkedHashMap<>(textByKey);
            settings.remove(PROCESS);
            settings.remove(RESOURCE_INTERVAL);
            return settings;
        }
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
     * @param pow the proof of work the miners grind (default: the embedded server's, else keccak)
     * @param grindThreads threads grinding valid nonces ahead, off the event loops
     * @param transport the miners' Netty transport: auto, io_uring, epoll or nio
     * @param attack what the phases' attackers do
     */
    record Miners(String workerPrefix, String password, String subscribeTimeout, String submitTimeout,
            Integer ioThreads, String sourceAddresses, Double hostile, String hostileShares, String pow,
            Integer grindThreads, String transport, Attack attack) {
    }

    /**
     * What every attacker does ({@code miners.attack}).
     *
     * @param kind the attack kind
     * @param rate events a second per attacker
     * @param lineLimit the endpoint's line limit the line kinds aim at (default: the embedded server's, else the
     *        simulator's default)
     */
    record Attack(String kind, Double rate, String lineLimit) {
    }

    /**
     * One phase; keys left out keep the previous phase's value.
     *
     * @param name the phase's name
     * @param duration how long it lasts
     * @param miners how many miners
     * @param connectRate new connections per second
     * @param solveRate solutions per miner per second, or a ramp {@code a..b} over the phase
     * @param hashrate hashes per second per miner
     * @param hashrateDist how hashrates spread
     * @param badShares the bad-share mix
     * @param hostileRate the hostile miners' rate as a multiple of the others' (0 idles them)
     * @param sessionLifetime mean session lifetime (churn)
     * @param server what happens to the embedded server as the phase begins
     * @param attackers attackers beside the phase's miners (needs {@code miners.attack}; 0 in the first phase
     *        when not given)
     */
    record PhaseEntry(String name, String duration, Integer miners, Double connectRate, String solveRate,
            Double hashrate, String hashrateDist, String badShares, Double hostileRate,
            String sessionLifetime,
            ServerAction server, Integer attackers) {
    }

    /**
     * @param restart restart the embedded server
     * @param difficulty retarget to this difficulty
          * @param blockInterval change the block interval
     * @param window change the stale window
     * @param kill SIGKILL the embedded server's own JVM and start it again
     * @param down how long a killed server stays down
     */
    record ServerAction(Boolean restart, String difficulty, String blockInterval, Integer window,
            Boolean kill,
            String down) {
    }
}
