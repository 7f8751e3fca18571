package org.stratumlab.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One published run of the pow-bench suite: the JMH JSON file and the facts {@code stratumlab bench} wrote beside
 * it ({@code NAME.run.json}: date, CPU, cores, mode, load average, command). Read-only; made by {@link #read}.
 *
 * @param file the JMH JSON file
 * @param jdk the JDK version the benchmarks ran on
 * @param vm the JVM's name
 * @param jmh the JMH version
 * @param jvmArgs the forks' JVM arguments
 * @param meta the facts of the run beside the JSON (empty when there is no {@code .run.json})
 * @param results one entry per benchmark, parameter combination and thread count
 */
public record JmhRun(Path file, String jdk, String vm, String jmh, String jvmArgs, Map<String, String> meta,
        List<Result> results) {

    /**
     * One JMH result.
     *
     * @param method the benchmark method's name ({@code powCheck})
     * @param threads the thread count
     * @param params the parameters in JMH's order ({@code impl=scalar})
     * @param score the score
     * @param error JMH's 99.9% confidence half-interval (NaN with too few samples)
     * @param unit the score's unit
     * @param settings forks, warm-up and measurement as JMH ran them
     * @param allocBytesPerOp bytes allocated per operation ({@code gc.alloc.rate.norm} of JMH's {@code -prof gc}),
     *        NaN when the run had no GC profiler (runs before the suite added it)
     */
    public record Result(String method, int threads, Map<String, String> params, double score, double error,
            String unit,
            String settings, double allocBytesPerOp) {
        /** @return the implementation this result measures, or "" */
        public String impl() {
            return params.getOrDefault("impl", "");
        }

        /** @return the parameters other than impl, e.g. "position=near", for grouping rows */
        public String otherParams() {
            StringBuilder text = new StringBuilder();
            params.forEach((key, value) -> {
                if (!key.equals("impl")) {
                    text.append(text.length() == 0 ? "" : ", ").append(key).append('=').append(value);
                }
            });
            return text.toString();
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The GC profiler's secondary metric of bytes allocated per operation. */
    private static final String ALLOC_NORM = "gc.alloc.rate.norm";

    /** @return the side file of a run's JSON, NAME.run.json beside NAME.json */
    public static Path metaFile(Path json) {
        String name = json.getFileName().toString();
        return json.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".run.json");
    }

    /**
     * Reads a run.
     *
     * @param json the JMH JSON file
     * @return the run
     * @throws IOException if the file cannot be read or is not JMH's JSON
     */
    public static JmhRun read(Path json) throws IOException {
        JsonNode root = MAPPER.readTree(json.toFile());
        if (!root.isArray()) {
            throw new IOException(json + " is not a JMH JSON result (an array was expected)");
        }
        List<Result> results = new ArrayList<>();
        String jdk = "";
        String vm = "";
        String jmh = "";
        String jvmArgs = "";
        for (JsonNode node : root) {
            jdk = node.path("jdkVersion").asText();
            vm = node.path("vmName").asText();
            jmh = node.path("jmhVersion").asText();
            List<String> args = new ArrayList<>();
            node.path("jvmArgs").forEach(arg -> args.add(arg.asText()));
            jvmArgs = String.join(" ", args);
            results.add(result(node));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        Path metaFile = metaFile(json);
        if (Files.exists(metaFile)) {
            MAPPER.readTree(metaFile.toFile()).fields()
                    .forEachRemaining(e -> meta.put(e.getKey(), e.getValue().asText()));
        }
        // Without the side file, the name still says the mode.
        meta.putIfAbsent("mode", json.getFileName().toString().endsWith("_quick.json") ? "quick" : "full");
        return new JmhRun(json, jdk, vm, jmh, jvmArgs, meta, results);
    }

    private static Result result(JsonNode node) {
        String benchmark = node.path("benchmark").asText();
        Map<String, String> params = new LinkedHashMap<>();
        node.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        JsonNode metric = node.path("primaryMetric");
        String settings = node.path("forks").asInt() + " forks, " + node.path("warmupIterations").asInt()
                + " x "
                + node.path("warmupTime").asText() + " warm-up, " + node.path("measurementIterations").asInt()
                + " x " + node.path("measurementTime").asText() + " measured";
        return new Result(benchmark.substring(benchmark.lastIndexOf('.') + 1), node.path("threads").asInt(),
                params, metric.path("score").asDouble(), metric.path("scoreError").asDouble(Double.NaN),
                metric.path("scoreUnit").asText(), settings,
                node.path("secondaryMetrics").path(ALLOC_NORM).path("score").asDouble(Double.NaN));
    }

    /** @return the JDK's major version ("17.0.15" gives 17), for labels */
    public String jdkMajor() {
        int dot = jdk.indexOf('.');
        return dot < 0 ? jdk : jdk.substring(0, dot);
    }

    /** @return a short label: "JDK 17.0.15" plus " (quick)" for a quick run */
    public String label() {
        return "JDK " + jdk + (meta.getOrDefault("mode", "").equals("quick") ? " (quick)" : "");
    }
}
