package org.stratumlab.loadgen.scenario;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.stratumlab.loadgen.attack.AttackPlan;
import org.stratumlab.loadgen.miner.FleetSettings;
import org.stratumlab.loadgen.run.EmbeddedProcess;
import org.stratumlab.loadgen.run.LoadConfig;
import org.stratumlab.loadgen.run.Phase;
import org.stratumlab.loadgen.shard.Shard;
import org.stratumlab.loadgen.threshold.Threshold;
import org.stratumlab.server.ServerConfig;

/**
 * A validated scenario: everything needed to run it and judge it. Made by {@link ScenarioLoader}.
 *
 * @param name the scenario's name
 * @param description what question it answers
 * @param external the endpoint, or {@code null} for the embedded server
 * @param embedded the embedded server's settings, or {@code null} with an external endpoint
 * @param embeddedProcess whether the embedded server runs in the run's process or its own
 * @param fleet the miners' settings (its miner count is the most any phase uses)
 * @param phases the phases, in order
 * @param thresholds the pass/fail rules
 * @param ioThreads the miners' event loops
 * @param expectAllSubscribed whether every miner must subscribe for the run to count as started
 *        ({@code expect: {all-subscribed: false}} turns it off)
 * @param expectGeneratorKeepsUp whether the run fails when the generator falls short of the load asked
 *        ({@code expect: {generator-keeps-up: false}} turns it off)
 * @param transport the miners' Netty transport ({@code miners.transport}; {@code auto} when not given)
 * @param digest what tells this scenario, with its overrides, from any other ({@link ScenarioDigest})
 * @param resourceIntervalNs how often the embedded server's resources are read ({@code target.embedded.resource-interval})
 * @param attack the attackers beside the honest miners ({@code miners.attack}, each phase's {@code attackers}), or
 *        {@code null} for none
 */
public record Scenario(String name, String description, InetSocketAddress external, ServerConfig embedded,
        EmbeddedProcess embeddedProcess, FleetSettings fleet, List<Phase> phases, List<Threshold> thresholds,
        int ioThreads, boolean expectAllSubscribed, boolean expectGeneratorKeepsUp, String transport,
        String digest, long resourceIntervalNs, AttackPlan attack) {

    /** Copies the lists. */
    public Scenario {
        phases = List.copyOf(phases);
        thresholds = List.copyOf(thresholds);
    }

    /**
     * @param outDir where the run writes
     * @param progressIntervalNs how often progress is shown when not on a terminal
     * @return the run's configuration
     */
    public LoadConfig toLoadConfig(Path outDir, long progressIntervalNs) {
        return new LoadConfig(name, fleet, external, embedded, embeddedProcess, phases, ioThreads, outDir,
                progressIntervalNs, expectAllSubscribed, transport)
                .withResourceIntervalNs(resourceIntervalNs).withAttack(attack);
    }

    /**
     * @param shard which shard of the scenario to run
     * @param outDir where the shard's run writes
     * @param progressIntervalNs how often progress is shown when not on a terminal
     * @return that shard's run ({@link LoadConfig#forShard})
     * @throws IllegalArgumentException when the scenario's target is embedded, or the shard would have no miners
     */
    public LoadConfig toShardConfig(Shard shard, Path outDir, long progressIntervalNs) {
        return toLoadConfig(outDir, progressIntervalNs).forShard(shard, digest);
    }
}
