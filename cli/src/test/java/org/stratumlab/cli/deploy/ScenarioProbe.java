package org.stratumlab.cli.deploy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.stratumlab.loadgen.scenario.Scenario;
import org.stratumlab.loadgen.scenario.ScenarioException;
import org.stratumlab.loadgen.scenario.ScenarioLoader;

/**
 * Loads a scenario file with the project's own loader, as {@code stratumlab run} does, and prints what it targets:
 * its name, then the external target's host name, address and port, one per line. KubernetesManifestsTest runs it
 * in a JVM of its own, whose {@code jdk.net.hosts.file} stands in for the cluster's DNS: the loader resolves the
 * target's name, and a Service's name resolves only inside a cluster. Exits 2 with the loader's one line when the
 * file is unusable.
 */
public final class ScenarioProbe {
    private ScenarioProbe() {
    }

    /** @param args the scenario file */
    public static void main(String[] args) {
        try {
            Scenario scenario = ScenarioLoader.load(Path.of(args[0]), List.of());
            InetSocketAddress target = scenario.external();
            System.out.println(scenario.name());
            if (target != null) {
                System.out.println(target.getHostString());
                System.out.println(target.getAddress().getHostAddress());
                System.out.println(target.getPort());
            }
        } catch (ScenarioException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }
}
