package org.stratumlab.cli.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shard Job as every kustomization renders it: an Indexed Job of SHARDS pods, all at once, each running the
 * shard pods' contract with its own index, and START_AT written the way the guide writes it.
 */
@Timeout(120)
class ShardJobTest {
    private static final Path GUIDE = RenderedManifests.KUBERNETES.resolve("README.md");

    @TempDir
    Path copy;

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/kind", "overlays/example"})
    void oneIndexedPodPerShardAllAtOnceWithoutRetries(String folder) throws Exception {
        RenderedManifests manifests = RenderedManifests.render(folder);
        JsonNode spec = manifests.one("Job", RenderedManifests.SHARD_JOB).path("spec");
        int shards = manifests.shards();
        assertEquals("Indexed", spec.path("completionMode").asText());
        assertEquals(shards, spec.path("completions").asInt(-1), "completions == SHARDS");
        assertEquals(shards, spec.path("parallelism").asInt(-1), "parallelism == SHARDS");
        assertTrue(spec.path("completions").isInt(), "a number, not the text kustomize copied: " + spec);
        assertEquals(0, spec.path("backoffLimit").asInt(-1), "a shard run again would start after START_AT");
        assertEquals("Never", spec.path("template").path("spec").path("restartPolicy").asText());
    }

    @Test
    void eachOverlaySetsItsOwnNumberOfShards() throws Exception {
        assertEquals(List.of(2, 3, 8), Stream.of("base", "overlays/kind", "overlays/example")
                .map(ShardJobTest::shards).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/kind", "overlays/example"})
    void everyPodRunsTheShardContractWithItsOwnIndex(String folder) throws Exception {
        RenderedManifests manifests = RenderedManifests.render(folder);
        int shards = manifests.shards();
        for (int i = 0; i < shards; i++) {
            RenderedManifests.ShardPod pod = manifests.shardPod(i);
            assertEquals(List.of("stratumlab", "run", "/etc/stratumlab/scenario.yaml", "--shards",
                    Integer.toString(shards), "--start-at", pod.env().get("START_AT"), "--out",
                    "/results/shard-" + i, "--metrics-port", "9400", "--metrics-host", "0.0.0.0"),
                    pod.command(), folder + ", pod " + i);
            assertEquals(Integer.toString(i), pod.env().get(RenderedManifests.INDEX_VARIABLE));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/kind", "overlays/example"})
    void theCommittedStartIsNoTimeSoThatAForgottenOneIsRefused(String folder) throws Exception {
        String startAt = RenderedManifests.render(folder).shardPod(0).env().get("START_AT");
        assertFalse(startAt.isBlank(), folder);
        // A committed time would have passed by the time anyone applies it.
        assertThrows(DateTimeParseException.class, () -> Instant.parse(startAt), startAt);
    }

    @Test
    void theGuidesStartAtCommandWritesAnInstantAFewMinutesAhead() throws Exception {
        Path kubernetes = RenderedManifests.copyTo(Files.createDirectories(copy.resolve("deploy")));
        Instant before = Instant.now();
        Process bash = new ProcessBuilder("bash", "-euc", guideLine("overlay=") + "\n" + guideLine("sed -i"))
                .directory(copy.toFile()).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS), "the guide's command did not end");
        assertEquals(0, bash.exitValue(), output);

        RenderedManifests manifests = RenderedManifests.render(kubernetes.resolve("overlays/kind"));
        Instant startAt = Instant.parse(manifests.shardPod(0).env().get("START_AT"));
        assertTrue(startAt.isAfter(before.plus(Duration.ofSeconds(90))), startAt + " after " + before);
        assertTrue(startAt.isBefore(Instant.now().plus(Duration.ofMinutes(3))), startAt + " after " + before);
        for (int i = 0; i < manifests.shards(); i++) {
            List<String> command = manifests.shardPod(i).command();
            assertEquals(startAt.toString(), command.get(command.indexOf("--start-at") + 1), "pod " + i);
        }
    }

    /** @return the guide's one line that starts so (a shell command of its code blocks) */
    private static String guideLine(String start) throws IOException {
        List<String> lines = Files.readAllLines(GUIDE).stream().filter(l -> l.startsWith(start)).toList();
        assertEquals(1, lines.size(), "lines of " + GUIDE + " starting '" + start + "': " + lines);
        return lines.get(0);
    }

    private static int shards(String folder) {
        try {
            return RenderedManifests.render(folder).shards();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(folder, e);
        }
    }
}
