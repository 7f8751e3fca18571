package org.stratumlab.cli.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What {@code kubectl kustomize} makes of a folder of {@code deploy/kubernetes/}: the rendered objects, parsed, and
 * what a pod of them would run. Rendering is kubectl's own (a process, offline), so a manifest that kustomize
 * rejects fails here as it would on a cluster. Where kubectl is absent the tests that need it are skipped, except
 * under {@code CI=true}, where they fail.
 */
public final class RenderedManifests {
    /** The repository's {@code deploy/kubernetes/}, from the cli module's folder, where the tests run. */
    public static final Path KUBERNETES = Path.of("..", "deploy", "kubernetes").toAbsolutePath().normalize();
    /** The environment variable Kubernetes sets in every pod of an Indexed Job: the pod's index. */
    public static final String INDEX_VARIABLE = "JOB_COMPLETION_INDEX";
    /** The name of the shard Job. */
    public static final String SHARD_JOB = "stratumlab-shards";

    private static final YAMLMapper YAML = new YAMLMapper();
    /** A {@code $(NAME)} reference in a container's command or arguments, or the {@code $$} that escapes one. */
    private static final Pattern REFERENCE = Pattern.compile("\\$\\$|\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    private final List<JsonNode> objects;

    private RenderedManifests(List<JsonNode> objects) {
        this.objects = List.copyOf(objects);
    }

    /**
     * @param folder a kustomization below {@code deploy/kubernetes/}, e.g. {@code base} or {@code overlays/kind}
     * @return its rendered objects
     */
    public static RenderedManifests render(String folder) throws IOException, InterruptedException {
        return render(KUBERNETES.resolve(folder));
    }

    /**
     * @param kustomization a kustomization folder anywhere (a test's copy of one)
     * @return its rendered objects
     */
    public static RenderedManifests render(Path kustomization) throws IOException, InterruptedException {
        requireKubectl();
        Path stderr = Files.createTempFile("kubectl-kustomize-", ".err");
        try {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", kustomization.toString())
                    .redirectError(stderr.toFile()).start();
            kubectl.getOutputStream().close();
            String out = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(kubectl.waitFor(60, TimeUnit.SECONDS),
                    "kubectl kustomize " + kustomization + " did not end");
            assertEquals(0, kubectl.exitValue(),
                    "kubectl kustomize " + kustomization + ":\n" + Files.readString(stderr));
            return new RenderedManifests(parse(out));
        } finally {
            Files.delete(stderr);
        }
    }

    private static List<JsonNode> parse(String multiDocumentYaml) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class)
                .readValues(multiDocumentYaml)) {
            while (documents.hasNextValue()) {
                JsonNode object = documents.nextValue();
                if (object != null && !object.isNull() && !object.isMissingNode()) {
                    objects.add(object);
                }
            }
        }
        return objects;
    }

    /** Skips the calling test where kubectl is absent, and fails it there under {@code CI=true}. */
    public static void requireKubectl() throws InterruptedException {
        boolean present = kubectlRuns();
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("kubectl is not on the PATH, and CI=true: the Kubernetes manifests must be rendered in CI");
        }
        assumeTrue(present, "kubectl is not on the PATH: the manifests are not rendered here");
    }

    private static boolean kubectlRuns() throws InterruptedException {
        try {
            Process probe = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true)
                    .start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false; // not on the PATH
        }
    }

    /** @return every rendered object, in kubectl's order */
    public List<JsonNode> all() {
        return objects;
    }

    /** @return the kinds rendered, one entry per object */
    public List<String> kinds() {
        return objects.stream().map(o -> o.path("kind").asText()).sorted().toList();
    }

    /**
     * @param kind e.g. {@code Job}
     * @param name the object's name as rendered (a generated ConfigMap's name carries kustomize's hash)
     * @return the object, if rendered
     */
    public Optional<JsonNode> find(String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText())
                        && name.equals(o.path("metadata").path("name").asText()))
                .findFirst();
    }

    /** @return the object, failing the test when it was not rendered */
    public JsonNode one(String kind, String name) {
        return find(kind, name).orElseGet(() -> fail("no " + kind + " " + name + " among " + names()));
    }

    /** @return every object that has a pod template (Deployments and Jobs) */
    public List<JsonNode> workloads() {
        return objects.stream().filter(o -> o.path("spec").path("template").has("spec")).toList();
    }

    /** @return the data of the ConfigMap a pod spec's {@code envFrom} or volumes name by its unhashed name */
    public Map<String, String> configMapData(String renderedName) {
        Map<String, String> data = new LinkedHashMap<>();
        one("ConfigMap", renderedName).path("data").fields()
                .forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
        return data;
    }

    /** @return the shard Job's number of pods, SHARDS as the pods read it */
    public int shards() {
        return Integer.parseInt(shardPod(0).env().get("SHARDS"));
    }

    /**
     * The command the shard Job's pod of index {@code index} runs, as the kubelet makes it: the container's command
     * and arguments with every {@code $(NAME)} replaced by the container's environment, which is the ConfigMaps of
     * its {@code envFrom}, its {@code env} values, and {@code JOB_COMPLETION_INDEX}, which Kubernetes sets to the
     * pod's index. This is what a shard launched on one machine (the same command line and environment, built
     * elsewhere) must agree with.
     *
     * @param index the pod's completion index, 0 to SHARDS - 1
     * @return the command line and the environment it was expanded with
     */
    public ShardPod shardPod(int index) {
        JsonNode container = onlyContainer(one("Job", SHARD_JOB));
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            assertTrue(from.has("configMapRef"), "envFrom other than a ConfigMap: " + from);
            env.putAll(configMapData(from.path("configMapRef").path("name").asText()));
        }
        env.put(INDEX_VARIABLE, Integer.toString(index));
        for (JsonNode variable : container.path("env")) {
            assertTrue(variable.has("value"), "an env entry other than a value: " + variable);
            env.put(variable.path("name").asText(), expand(variable.path("value").asText(), env));
        }
        List<String> command = new ArrayList<>();
        container.path("command").forEach(word -> command.add(expand(word.asText(), env)));
        container.path("args").forEach(word -> command.add(expand(word.asText(), env)));
        return new ShardPod(List.copyOf(command), Map.copyOf(env));
    }

    /**
     * One shard pod's command line and environment, expanded.
     *
     * @param command the command and its arguments, e.g. {@code stratumlab run /etc/stratumlab/scenario.yaml ...}
     * @param env the container's environment
     */
    public record ShardPod(List<String> command, Map<String, String> env) {
    }

    /** @return the workload's one container, failing when it has none or several */
    public static JsonNode onlyContainer(JsonNode workload) {
        JsonNode containers = podSpec(workload).path("containers");
        assertEquals(1, containers.size(), workload.path("metadata").path("name") + ": " + containers);
        return containers.get(0);
    }

    /**
     * @param container a container of a pod template
     * @param name the name of one of its ports, e.g. {@code metrics}
     * @return that port's number, failing the test when there is none
     */
    public static int containerPort(JsonNode container, String name) {
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asText().equals(name)) {
                return port.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no container port named " + name + ": " + container.path("ports"));
    }

    /** @return the pod spec of a workload's template */
    public static JsonNode podSpec(JsonNode workload) {
        return workload.path("spec").path("template").path("spec");
    }

    /** The kubelet's expansion: a defined {@code $(NAME)} becomes its value, {@code $$} a dollar, the rest stays. */
    static String expand(String text, Map<String, String> env) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(1) == null ? "$" : env.getOrDefault(m.group(1), m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }

    private List<String> names() {
        return objects.stream()
                .map(o -> o.path("kind").asText() + " " + o.path("metadata").path("name").asText())
                .toList();
    }

    /**
     * @param dir an empty folder of the test's
     * @return a copy of {@code deploy/kubernetes/} there, for a test that writes what a user writes (START_AT)
     */
    public static Path copyTo(Path dir) throws IOException {
        Path copy = dir.resolve("kubernetes");
        try (Stream<Path> files = Files.walk(KUBERNETES)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(KUBERNETES.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }

    /** @return a file of the repository, for the checks that tie a manifest to the image it runs */
    static Path repositoryFile(String path) {
        Path file = KUBERNETES.getParent().getParent().resolve(path);
        assertTrue(Files.isRegularFile(file), "no " + file);
        return file;
    }
}
