package org.stratumlab.cli.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stratumlab.cli.StratumLab;
import org.stratumlab.cli.loadgen.LiveMetricsSettings;
import org.stratumlab.cli.run.ShardLaunch;
import picocli.CommandLine;

/**
 * The shard pods and {@code run --shards N --local} start shards alike: each pod's command line and index are the
 * ones {@link ShardLaunch} (the one home of a shard's command line) builds for that shard, and the merge Job's
 * glob finds the folders ShardLaunch names, in arguments {@code report merge} accepts.
 */
@Timeout(120)
class ShardLaunchAgreementTest {
    /** Where the pods read the scenario and write the shards' folders. */
    private static final Path SCENARIO = Path.of("/etc/stratumlab/scenario.yaml");
    private static final Path RESULTS = Path.of("/results");
    /** A pod's metrics listen on its address, where a Prometheus in another pod scrapes them. */
    private static final String POD_ADDRESS = "0.0.0.0";

    @TempDir
    Path copy;

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/kind", "overlays/example"})
    void everyPodRunsTheCommandShardLaunchBuildsForItsIndex(String folder) throws Exception {
        Instant startAt = Instant.now().plus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        RenderedManifests manifests = RenderedManifests.render(startingAt(folder, startAt));
        int shards = manifests.shards();
        // The port their template declares, the one its annotations and the PodMonitor name (KubernetesManifestsTest).
        int metricsPort = RenderedManifests.containerPort(
                RenderedManifests.onlyContainer(manifests.one("Job", RenderedManifests.SHARD_JOB)),
                "metrics");
        ShardLaunch launch = new ShardLaunch(SCENARIO, List.of(), shards, startAt, RESULTS,
                new LiveMetricsSettings(metricsPort, POD_ADDRESS, null), false);
        for (int i = 0; i < shards; i++) {
            RenderedManifests.ShardPod pod = manifests.shardPod(i);
            List<String> expected = new ArrayList<>(List.of("stratumlab"));
            expected.addAll(launch.arguments(i));
            assertEquals(expected, pod.command(), folder + ", pod " + i);
            assertTrue(pod.env().entrySet().containsAll(launch.environment(i).entrySet()),
                    pod.env().toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/kind", "overlays/example"})
    void theMergeFindsEveryShardsFolderInArgumentsReportMergeAccepts(String folder) throws Exception {
        RenderedManifests manifests = RenderedManifests.render(folder);
        ShardLaunch launch = new ShardLaunch(SCENARIO, List.of(), manifests.shards(), Instant.EPOCH, RESULTS,
                null,
                false);
        List<String> shell = new ArrayList<>();
        RenderedManifests.onlyContainer(manifests.one("Job", "stratumlab-merge")).path("command")
                .forEach(word -> shell.add(word.asText()));
        assertEquals(List.of("sh", "-c"), shell.subList(0, 2));
        List<String> arguments = new ArrayList<>();
        for (String word : shell.get(2).replaceFirst("^exec stratumlab ", "").split(" ")) {
            arguments.addAll(word.endsWith("*") ? globbed(word, launch) : List.of(word));
        }
        assertEquals(manifests.shards() + 4, arguments.size(), "report merge, a folder per shard, --out DIR");
        CommandLine.ParseResult parsed = StratumLab.commandLine(CommandLine.defaultFactory())
                .parseArgs(arguments.toArray(String[]::new));
        assertEquals("merge", parsed.subcommand().subcommand().commandSpec().name(), arguments.toString());
    }

    /** @return what the shell's glob matches among the folders of every shard ShardLaunch names */
    private static List<String> globbed(String glob, ShardLaunch launch) {
        String prefix = glob.substring(0, glob.length() - 1);
        List<String> matches = new ArrayList<>();
        for (int i = 0; i < launch.shards(); i++) {
            String dir = launch.shardDir(i).toString();
            if (dir.startsWith(prefix)) {
                matches.add(dir);
            }
        }
        assertEquals(launch.shards(), matches.size(), glob + " matches every shard's folder");
        return matches;
    }

    /** @return a copy of the kustomization's tree whose START_AT is {@code startAt}, as the guide writes it */
    private Path startingAt(String folder, Instant startAt) throws Exception {
        Path kubernetes = RenderedManifests.copyTo(copy);
        Path env = kubernetes.resolve(folder).resolve("shards.env");
        Files.writeString(env,
                Files.readString(env).replaceFirst("(?m)^START_AT=.*$", "START_AT=" + startAt));
        return kubernetes.resolve(folder);
    }
}
