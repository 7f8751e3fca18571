package org.stratumlab.cli.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stratumlab.cli.deploy.RenderedManifests.containerPort;
import static org.stratumlab.cli.deploy.RenderedManifests.onlyContainer;
import static org.stratumlab.cli.deploy.RenderedManifests.podSpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stratumlab.cli.server.ServerCommand;
import org.stratumlab.cli.server.ServerOptions;
import org.stratumlab.server.ServerConfig;
import picocli.CommandLine;

/**
 * The manifests of {@code deploy/kubernetes/} as kubectl renders them: the scenario the shards read is one the
 * project's loader accepts and aims at the Service in front of the simulator, whose arguments {@code stratumlab
 * server} accepts; every path a command reads or writes is a volume's; the pods run as the image's user; and the
 * components do what they say.
 */
@Timeout(120)
class KubernetesManifestsTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    /** Where the test's hosts file puts the target's name: an address of a cluster's Service range. */
    private static final String SERVICE_ADDRESS = "10.96.0.42";
    private static final String ENDPOINT = "stratum-endpoint";
    private static final int IMAGE_UID = 65532;

    @TempDir
    Path work;

    @Test
    void theBaseHoldsTheEndpointTheShardsTheMergeAndTheResultsVolume() throws Exception {
        assertEquals(List.of("ConfigMap", "ConfigMap", "Deployment", "Deployment", "Job", "Job",
                "PersistentVolumeClaim", "Service"), RenderedManifests.render("base").kinds());
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/kind", "overlays/example"})
    void theScenarioLoadsAndTargetsTheServiceWhereTheSimulatorRuns(String folder) throws Exception {
        RenderedManifests manifests = RenderedManifests.render(folder);
        JsonNode shards = manifests.one("Job", RenderedManifests.SHARD_JOB);
        JsonNode volume = volumeMountedAt(shards, "/etc/stratumlab/scenario.yaml");
        String yaml = manifests.configMapData(volume.path("configMap").path("name").asText())
                .get("scenario.yaml");
        assertTrue(yaml != null, "the scenario ConfigMap has no scenario.yaml: " + volume);
        String external = YAML.readTree(yaml).path("target").path("external").asText();
        String host = external.substring(0, external.lastIndexOf(':'));
        int port = Integer.parseInt(external.substring(external.lastIndexOf(':') + 1));

        List<String> probe = loadInItsOwnJvm(yaml, host);
        assertEquals(List.of(host, SERVICE_ADDRESS, Integer.toString(port)), probe.subList(1, probe.size()));
        manifests.find("Service", ENDPOINT).ifPresent(service -> {
            assertEquals(ENDPOINT, host, "the scenario's target is the Service, in the shards' namespace");
            assertEquals(port, servicePort(service, "stratum"), "the scenario's port is the Service's");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/kind"})
    void stratumlabServerAcceptsTheSimulatorsArgumentsAndListensWhereTheManifestsSay(String folder)
            throws Exception {
        RenderedManifests manifests = RenderedManifests.render(folder);
        JsonNode deployment = manifests.one("Deployment", ENDPOINT);
        JsonNode container = onlyContainer(deployment);
        List<String> words = commandLine(container);
        assertEquals(List.of("stratumlab", "server"), words.subList(0, 2));

        CommandLine.ParseResult parsed = new CommandLine(new ServerCommand())
                .parseArgs(words.subList(2, words.size()).toArray(String[]::new));
        ServerConfig config = ServerOptions.toConfig(parsed, ServerConfig.builder());
        assertEquals("0.0.0.0", config.host(), "the Service reaches the pod's address, not its loopback");
        assertEquals(containerPort(container, "stratum"), config.port());
        assertEquals(containerPort(container, "metrics"), config.metricsPort());
        assertEquals("0.0.0.0", config.metricsHost(),
                "a Prometheus in another pod scrapes the pod's address");
        assertScrapedAt(deployment, config.metricsPort());

        JsonNode service = manifests.one("Service", ENDPOINT);
        assertTrue(labels(deployment).entrySet().containsAll(mapOf(service.path("spec").path("selector"))
                .entrySet()), "the Service selects the simulator's pods");
        assertEquals("stratum", service.path("spec").path("ports").get(0).path("targetPort").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/kind", "overlays/example"})
    void theShardsMetricsPortIsTheOneTheirPodsAnnounce(String folder) throws Exception {
        RenderedManifests manifests = RenderedManifests.render(folder);
        JsonNode shards = manifests.one("Job", RenderedManifests.SHARD_JOB);
        List<String> command = manifests.shardPod(0).command();
        int port = Integer.parseInt(command.get(command.indexOf("--metrics-port") + 1));
        assertEquals(port, containerPort(onlyContainer(shards), "metrics"));
        assertEquals("0.0.0.0", command.get(command.indexOf("--metrics-host") + 1),
                "a Prometheus in another pod scrapes the pod's address");
        assertScrapedAt(shards, port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/kind", "overlays/example"})
    void theShardsWriteAndTheMergeReadsOneResultsVolume(String folder) throws Exception {
        RenderedManifests manifests = RenderedManifests.render(folder);
        JsonNode shards = manifests.one("Job", RenderedManifests.SHARD_JOB);
        List<String> command = manifests.shardPod(1).command();
        String out = command.get(command.indexOf("--out") + 1);
        JsonNode written = volumeMountedAt(shards, out);
        assertWritable(shards, out);

        JsonNode merge = manifests.one("Job", "stratumlab-merge");
        assertTrue(merge.path("spec").path("suspend").asBoolean(), "the merge waits until it is unsuspended");
        assertEquals(
                List.of("sh", "-c", "exec stratumlab report merge /results/shard-* --out /results/merged"),
                commandLine(onlyContainer(merge)));
        assertEquals(source(written), source(volumeMountedAt(merge, "/results/shard-1")),
                "read where written");
        assertEquals(source(written), source(volumeMountedAt(merge, "/results/merged")));
        assertWritable(merge, "/results/merged");
        assertEquals(source(written),
                source(volumeMountedAt(manifests.one("Deployment", "stratumlab-results"),
                        "/results/merged")),
                "the pod kubectl cp copies from");
        manifests.find("PersistentVolumeClaim", "stratumlab-results").ifPresent(claim -> assertEquals(
                "ReadWriteMany", claim.path("spec").path("accessModes").get(0).asText(),
                "pods on several nodes"));
    }

    @Test
    void theSingleNodeOverlayPutsAnExistingNodeDirectoryInPlaceOfTheClaim() throws Exception {
        RenderedManifests manifests = RenderedManifests.render("overlays/kind");
        assertFalse(manifests.kinds().contains("PersistentVolumeClaim"), manifests.kinds().toString());
        for (String job : List.of(RenderedManifests.SHARD_JOB, "stratumlab-merge")) {
            JsonNode hostPath = volumeMountedAt(manifests.one("Job", job), "/results").path("hostPath");
            assertEquals("Directory", hostPath.path("type").asText(),
                    job + ": made beforehand, for uid 65532");
            assertEquals("/var/lib/stratumlab/results", hostPath.path("path").asText(), job);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/kind", "overlays/example"})
    void everyPodRunsAsTheImagesUserWithoutPrivilegesAndAWritableTmp(String folder) throws Exception {
        String dockerfile = Files.readString(RenderedManifests.repositoryFile("Dockerfile"));
        assertTrue(dockerfile.contains("\nUSER " + IMAGE_UID + ":" + IMAGE_UID + "\n"), dockerfile);
        List<JsonNode> workloads = RenderedManifests.render(folder).workloads();
        assertFalse(workloads.isEmpty());
        for (JsonNode workload : workloads) {
            String name = workload.path("metadata").path("name").asText();
            JsonNode pod = podSpec(workload).path("securityContext");
            assertTrue(pod.path("runAsNonRoot").asBoolean(), name);
            assertEquals(IMAGE_UID, pod.path("runAsUser").asInt(), name);
            JsonNode container = onlyContainer(workload).path("securityContext");
            assertTrue(container.path("readOnlyRootFilesystem").asBoolean(), name);
            assertFalse(container.path("allowPrivilegeEscalation").asBoolean(true), name);
            assertTrue(volumeMountedAt(workload, "/tmp/netty-native.so").has("emptyDir"), name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/kind"})
    void everyPodRunsTheImageBuildScratchBuildsByDefault(String folder) throws Exception {
        String script = Files.readString(RenderedManifests.repositoryFile("deploy/image/build-scratch.sh"));
        Matcher tag = Pattern.compile("(?m)^default_tag=\"([^\"]+)\"$").matcher(script);
        assertTrue(tag.find(), "build-scratch.sh names no default_tag");
        assertEquals(List.of(tag.group(1)), images(RenderedManifests.render(folder)));
    }

    @Test
    void theExampleOverlaySetsTheImageAndLeavesTheSimulatorOut() throws Exception {
        RenderedManifests manifests = RenderedManifests.render("overlays/example");
        assertEquals(List.of("registry.example.com/stratumlab:0.1.0"), images(manifests));
        assertTrue(manifests.find("Deployment", ENDPOINT).isEmpty(), "aimed at a real node");
        assertTrue(manifests.find("Service", ENDPOINT).isEmpty(), "aimed at a real node");
    }

    @Test
    void thePodMonitorSelectsTheShardsAndTheirMetricsPort() throws Exception {
        RenderedManifests manifests = RenderedManifests.render("overlays/example");
        JsonNode spec = manifests.one("PodMonitor", "stratumlab").path("spec");
        JsonNode shards = manifests.one("Job", RenderedManifests.SHARD_JOB);
        Map<String, String> labels = labels(shards);
        assertTrue(labels.entrySet().containsAll(mapOf(spec.path("selector").path("matchLabels")).entrySet()),
                labels.toString());
        JsonNode component = spec.path("selector").path("matchExpressions").get(0);
        assertEquals("app.kubernetes.io/component", component.path("key").asText());
        assertTrue(
                component.path("values").toString().contains('"' + labels.get(component.path("key").asText())
                        + '"'),
                component.toString());
        String port = spec.path("podMetricsEndpoints").get(0).path("port").asText();
        assertTrue(containerPort(onlyContainer(shards), port) > 0, port);
    }

    /** @return the probe's lines: the scenario's name, then its target's host, address and port */
    private List<String> loadInItsOwnJvm(String yaml, String host) throws IOException, InterruptedException {
        Path scenario = Files.writeString(work.resolve("scenario.yaml"), yaml);
        Path hosts = Files.writeString(work.resolve("hosts"), SERVICE_ADDRESS + " " + host + "\n");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process probe = new ProcessBuilder(java, "-Djdk.net.hosts.file=" + hosts, "-cp",
                System.getProperty("java.class.path"), ScenarioProbe.class.getName(), scenario.toString())
                .redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(probe.waitFor(60, TimeUnit.SECONDS), "the scenario probe did not end");
        assertEquals(0, probe.exitValue(), "the project's loader refused the scenario: " + output);
        return output.lines().toList();
    }

    /** @return the volume whose mount holds {@code path} (the longest mount path above it) */
    private static JsonNode volumeMountedAt(JsonNode workload, String path) {
        JsonNode best = null;
        for (JsonNode mount : onlyContainer(workload).path("volumeMounts")) {
            String at = mount.path("mountPath").asText();
            if ((path.equals(at) || path.startsWith(at + "/"))
                    && (best == null || at.length() > best.path("mountPath").asText().length())) {
                best = mount;
            }
        }
        String name = workload.path("metadata").path("name").asText();
        assertTrue(best != null, name + " mounts nothing that holds " + path);
        for (JsonNode volume : podSpec(workload).path("volumes")) {
            if (volume.path("name").asText().equals(best.path("name").asText())) {
                return volume;
            }
        }
        throw new AssertionError(name + " mounts a volume it does not have: " + best);
    }

    private static void assertWritable(JsonNode workload, String path) {
        for (JsonNode mount : onlyContainer(workload).path("volumeMounts")) {
            String at = mount.path("mountPath").asText();
            if (path.equals(at) || path.startsWith(at + "/")) {
                assertFalse(mount.path("readOnly").asBoolean(),
                        workload.path("metadata").path("name") + " writes "
                                + path + " on " + mount);
            }
        }
    }

    /** @return the volume without its name: where its data lives */
    private static JsonNode source(JsonNode volume) {
        return ((ObjectNode) volume.deepCopy()).without(List.of("name"));
    }

    private static List<String> commandLine(JsonNode container) {
        List<String> words = new ArrayList<>();
        container.path("command").forEach(w -> words.add(w.asText()));
        container.path("args").forEach(w -> words.add(w.asText()));
        return words;
    }

    private static int servicePort(JsonNode service, String name) {
        for (JsonNode port : service.path("spec").path("ports")) {
            if (port.path("name").asText().equals(name)) {
                return port.path("port").asInt();
            }
        }
        throw new AssertionError("no Service port named " + name + ": " + service.path("spec"));
    }

    private static void assertScrapedAt(JsonNode workload, int port) {
        JsonNode annotations = workload.path("spec").path("template").path("metadata").path("annotations");
        assertEquals("true", annotations.path("prometheus.io/scrape").asText(), annotations.toString());
        assertEquals(Integer.toString(port), annotations.path("prometheus.io/port").asText());
        assertEquals("/metrics", annotations.path("prometheus.io/path").asText());
    }

    private static Map<String, String> labels(JsonNode workload) {
        return mapOf(workload.path("spec").path("template").path("metadata").path("labels"));
    }

    private static Map<String, String> mapOf(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static List<String> images(RenderedManifests manifests) {
        return manifests.workloads().stream().map(w -> onlyContainer(w).path("image").asText()).distinct()
                .toList();
    }
}
