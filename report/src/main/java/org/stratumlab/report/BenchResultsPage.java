package org.stratumlab.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.stratumlab.results.JmhRun;
import org.stratumlab.results.LatencyFormat;
import org.stratumlab.results.JmhRun.Result;

/**
 * Renders {@code results/pow-bench/README.md} from the runs in the folder: the runs with their machine,
 * JDK and settings, the issue's targets as measured, then per benchmark (and thread count) an SVG bar chart with
 * error bars and a table with score ± error and the ratio to the baseline, one column pair per run. A
 * hand-written {@code NOTES.md} in the folder is included as is. Of several runs on one JDK the newest full one
 * is shown (a quick run only when there is no full one). Called by {@link BenchCommand} on its thread.
 */
public final class BenchResultsPage {
    /** The benchmarks in reading order; others follow alphabetically. */
    private static final List<String> ORDER = List.of("keccak32", "keccak64", "powCheck", "scanNonces",
            "boundaryCompare", "parseSubmit", "encodeNotify", "submit");
    private static final Map<String, String> BASELINES = Map.of("boundaryCompare", "biginteger",
            "parseSubmit",
            "databind", "encodeNotify", "conflux", "verify", "reference", "buildCache", "reference");
    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("keccak32", "Keccak-256 of 32 bytes"),
            Map.entry("keccak64", "Keccak-256 of 64 bytes"),
            Map.entry("powCheck", "one PoW check (two permutations, XOR, lower bound, boundary)"),
            Map.entry("scanNonces",
                    "nonce scanning, per nonce (batches of 512; the inverse is the hash rate per thread)"),
            Map.entry("boundaryCompare", "the boundary rule alone"),
            Map.entry("parseSubmit", "parsing a mining.submit line into its four params"),
            Map.entry("encodeNotify", "encoding a mining.notify line"),
            Map.entry("submit",
                    "the server's whole submit path: UTF-8 check, reading the line, validation (two Keccak "
                            + "permutations, duplicate set), metrics and reply (target for `path=canonical`: at most 1.0 µs "
                            + "and 0 B/op)"),
            Map.entry("verify",
                    "one Octopus light verification (stage 0; `reference` is the straightforward version)"),
            Map.entry("buildCache", "building one stage's Octopus light cache (stage 0, single shot)"),
            Map.entry("repeatedNotify", "a simulated miner reading a notify of a job its fleet already has "
                    + "(`parse`: the full read; `cached`: recognised by its bytes; target for `cached`: 0 B/op)"),
            Map.entry("keccakRule", "one dev-mode Keccak PoW check, for scale beside the Octopus rows"));

    private BenchResultsPage() {
    }

    /** @return the baseline implementation of a benchmark, the one every ratio divides by */
    static String baseline(String method) {
        return BASELINES.getOrDefault(method, "bouncycastle");
    }

    /**
     * Reads every run in the folder and writes README.md and the charts.
     *
     * @param dir the results folder
     * @return the README written
     * @throws IOException if a file cannot be read or written
     */
    public static Path render(Path dir) throws IOException {
        List<JmhRun> runs = shown(readAll(dir));
        StringBuilder md = new StringBuilder();
        header(md, runs);
        Path notes = dir.resolve("NOTES.md");
        if (Files.exists(notes)) {
            md.append(Files.readString(notes).strip()).append("\n\n");
        }
        targets(md, runs);
        for (String group : groups(runs)) {
            String method = methodOf(group);
            int threads = threadsOf(group);
            String chart = "chart-" + method + (threads == 1 ? "" : "-" + threads + "t") + ".svg";
            List<String> rows = rows(runs, method, threads);
            Files.writeString(dir.resolve(chart), BenchBarChart.render(runs, method, threads, rows),
                    StandardCharsets.UTF_8);
            md.append("## ").append(method).append(threads == 1 ? "" : " (" + threads + " threads)")
                    .append("\n\n");
            md.append(TITLES.getOrDefault(method, method));
            if (rows.stream().anyMatch(row -> !row.endsWith("|"))) { // only implementations have a baseline
                md.append(". Baseline: `").append(baseline(method)).append('`');
            }
            md.append(".\n\n");
            md.append("![").append(method).append("](").append(chart).append(")\n\n");
            table(md, runs, method, threads, rows);
        }
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, md.toString(), StandardCharsets.UTF_8);
        return readme;
    }

    static List<JmhRun> readAll(Path dir) throws IOException {
        List<JmhRun> runs = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return runs;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files
                    .filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".run.json"))
                    .sorted().toList()) {
                runs.add(JmhRun.read(file));
            }
        }
        return runs;
    }

    /**
     * Per JDK the suite's run: a full one before a quick one, then the one with the most benchmarks (a later run
     * of one class, such as {@code stratumlab bench OctopusBenchmark}, is not the suite), then the newest;
     * ordered by JDK version, and completed with the benchmarks it lacks from the other runs of that JDK,
     * preferring full and newer runs; the run's {@code also} fact names the files the extra rows come from.
     */
    static List<JmhRun> shown(List<JmhRun> runs) {
        Map<String, JmhRun> byJdk = new LinkedHashMap<>();
        Comparator<JmhRun> preference = Comparator
                .comparing((JmhRun r) -> !r.meta().getOrDefault("mode", "full").equals("quick"))
                .thenComparing(r -> r.results().stream().map(JmhRun.Result::method).distinct().count())
                .thenComparing(r -> r.file().getFileName().toString());
        for (JmhRun run : runs) {
            byJdk.merge(run.jdk(), run, (a, b) -> preference.compare(a, b) >= 0 ? a : b);
        }
        return byJdk.values().stream().map(run -> completed(run, runs, preference))
                .sorted(Comparator.comparing((JmhRun r) -> versionKey(r.jdk()))).toList();
    }

    private static JmhRun completed(JmhRun main, List<JmhRun> runs, Comparator<JmhRun> preference) {
        List<Result> results = new ArrayList<>(main.results());
        Map<String, String> meta = new LinkedHashMap<>(main.meta());
        List<JmhRun> others = runs.stream().filter(r -> r != main && r.jdk().equals(main.jdk()))
                .sorted(preference.reversed()).toList();
        for (JmhRun other : others) {
            List<Result> missing = other.results().stream()
                    .filter(r -> results.stream().noneMatch(have -> have.method().equals(r.method())))
                    .toList();
            if (!missing.isEmpty()) {
                results.addAll(missing);
                meta.merge("also", other.file().getFileName().toString(), (a, b) -> a + ", " + b);
            }
        }
        return results.size() == main.results().size()
                ? main
                : new JmhRun(main.file(), main.jdk(), main.vm(), main.jmh(), main.jvmArgs(), meta, results);
    }

    private static String versionKey(String jdk) {
        StringBuilder key = new StringBuilder();
        for (String part : jdk.split("[^0-9]+")) {
            if (!part.isEmpty()) {
                key.append(
                        String.format(Locale.ROOT, "%06d", Long.parseLong(part.length() > 9 ? "0" : part)));
            }
        }
        return key.toString();
    }

    private static void header(StringBuilder md, List<JmhRun> runs) {
        md.append("# pow-bench results\n\n");
        md.append(
                "Written by `./stratumlab bench` from the JMH JSON files in this folder (one per run, named with "
                        + "date, CPU and JDK; the facts of each run are in the `.run.json` beside it). Regenerate with "
                        + "`./stratumlab bench --render-only`; do not edit this file by hand (add notes to `NOTES.md`).\n\n");
        md.append("Scores are JMH's average time per operation and thread (lower is better), ± its 99.9% "
                + "confidence half-interval, then, for runs made with JMH's GC profiler, the bytes allocated per "
                + "operation (`gc.alloc.rate.norm`, B/op). `×` is the baseline's time divided by this one, within the same run: "
                + "above 1 is faster than the baseline. `jdk-sha3-256` is a yardstick only: the JDK's NIST "
                + "SHA3-256, same permutation but different padding, **not** a Conflux (Keccak-256) hash.\n\n");
        if (runs.isEmpty()) {
            md.append("No runs yet.\n\n");
            return;
        }
        md.append("| run | JVM | date | CPU | cores | mode | JMH settings | load average before → after |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (JmhRun run : runs) {
            Map<String, String> meta = run.meta();
            String settings = run.results().isEmpty() ? "" : run.results().get(0).settings();
            md.append("| [").append(run.file().getFileName()).append("](").append(run.file().getFileName())
                    .append(") | ").append(run.vm()).append(' ').append(run.jdk()).append(" | ")
                    .append(meta.getOrDefault("date", "")).append(" | ").append(meta.getOrDefault("cpu", ""))
                    .append(" | ").append(meta.getOrDefault("cores", "")).append(" | ")
                    .append(meta.getOrDefault("mode", "")).append(" | JMH ").append(run.jmh()).append(", ")
                    .append(settings).append(" | ").append(meta.getOrDefault("loadBefore", "?")).append(" → ")
                    .append(meta.getOrDefault("loadAfter", "?")).append(" |\n");
        }
        md.append('\n');
        for (JmhRun run : runs) {
            md.append("- ").append(run.label()).append(": `").append(run.meta().getOrDefault("command", ""))
                    .append(
                            "`; fork JVM arguments `")
                    .append(run.jvmArgs()).append("`");
            if (run.meta().containsKey("also")) {
                md.append("; the benchmarks this run lacks come from ").append(run.meta().get("also"));
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static void targets(StringBuilder md, List<JmhRun> runs) {
        if (runs.isEmpty()) {
            return;
        }
        md.append("## Targets, as measured\n\n| target |");
        runs.forEach(run -> md.append(' ').append(run.label()).append(" |"));
        md.append("\n| --- |");
        runs.forEach(run -> md.append(" --- |"));
        md.append('\n');
        target(md, runs, "`scalar` PoW check ≥ 1.4× `bouncycastle`", 1.4, true,
                run -> ratio(run, "powCheck", 1, "", "bouncycastle", "scalar"));
        target(md, runs, "`scalar` PoW check within 1.15× of `native` (scalar C): time ratio ≤ 1.15", 1.15,
                false,
                run -> ratio(run, "powCheck", 1, "", "scalar", "native"));
        target(md, runs, "best multi-way nonce scan (`vector` or `native`) ≥ 4× `scalar` per thread", 4, true,
                run -> Stream.of("vector", "native")
                        .map(best -> ratio(run, "scanNonces", 1, "", "scalar", best))
                        .flatMap(Optional::stream).max(Double::compare));
        for (String position : List.of("below", "near", "above")) {
            target(md, runs, "`four-longs` boundary check ≥ 10× `biginteger`, " + position, 10, true,
                    run -> ratio(run, "boundaryCompare", 1, "position=" + position, "biginteger",
                            "four-longs"));
        }
        md.append('\n');
    }

    private interface RatioOf {
        Optional<Double> of(JmhRun run);
    }

    private static void target(StringBuilder md, List<JmhRun> runs, String name, double bound,
            boolean atLeast,
            RatioOf ratio) {
        md.append("| ").append(name).append(" |");
        for (JmhRun run : runs) {
            Optional<Double> value = ratio.of(run);
            md.append(' ').append(value.map(v -> String.format(Locale.ROOT, "%.2f× %s", v,
                    (atLeast ? v >= bound : v <= bound) ? "met" : "**missed**")).orElse("n/a")).append(" |");
        }
        md.append('\n');
    }

    /** @return time of {@code slower} divided by time of {@code faster}, if both ran */
    private static Optional<Double> ratio(JmhRun run, String method, int threads, String other, String slower,
            String faster) {
        return find(run, method, threads, other, slower)
                .flatMap(s -> find(run, method, threads, other, faster).map(f -> s.score() / f.score()));
    }

    static Optional<Result> find(JmhRun run, String method, int threads, String other, String impl) {
        return run.results().stream().filter(r -> r.method().equals(method) && r.threads() == threads
                && r.otherParams().equals(other) && r.impl().equals(impl)).findFirst();
    }

    /** Benchmark groups in reading order: "method" at one thread, "method@N" at N threads. */
    private static List<String> groups(List<JmhRun> runs) {
        Set<String> groups = new LinkedHashSet<>();
        runs.forEach(run -> run.results()
                .forEach(r -> groups.add(r.threads() == 1 ? r.method() : r.method() + "@" + r.threads())));
        return groups.stream().sorted(Comparator.comparingInt((String g) -> {
            int index = ORDER.indexOf(methodOf(g));
            return index < 0 ? ORDER.size() : index;
        }).thenComparingInt(BenchResultsPage::threadsOf).thenComparing(g -> g)).toList();
    }

    private static String methodOf(String group) {
        return group.contains("@") ? group.substring(0, group.indexOf('@')) : group;
    }

    private static int threadsOf(String group) {
        return group.contains("@") ? Integer.parseInt(group.substring(group.indexOf('@') + 1)) : 1;
    }

    /** Row keys "params|impl" in first-seen order. */
    static List<String> rows(List<JmhRun> runs, String method, int threads) {
        Set<String> rows = new LinkedHashSet<>();
        runs.forEach(
                run -> run.results().stream().filter(r -> r.method().equals(method) && r.threads() == threads)
                        .forEach(r -> rows.add(r.otherParams() + "|" + r.impl())));
        return new ArrayList<>(rows);
    }

    private static void table(StringBuilder md, List<JmhRun> runs, String method, int threads,
            List<String> rows) {
        md.append("| impl | params |");
        runs.forEach(run -> md.append(' ').append(run.label()).append(" | × |"));
        md.append("\n| --- | --- |");
        runs.forEach(run -> md.append(" ---: | ---: |"));
        md.append('\n');
        for (String row : rows) {
            String other = row.substring(0, row.indexOf('|'));
            String impl = row.substring(row.indexOf('|') + 1);
            md.append("| `").append(impl).append("` | ").append(other).append(" |");
            for (JmhRun run : runs) {
                Optional<Result> result = find(run, method, threads, other, impl);
                md.append(' ').append(result.map(BenchResultsPage::score).orElse("n/a")).append(" | ");
                md.append(ratio(run, method, threads, other, baseline(method), impl)
                        .map(v -> String.format(Locale.ROOT, "%.2f", v)).orElse("")).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    static String score(Result r) {
        String error = Double.isNaN(r.error()) ? "" : " ± " + format(r.error());
        String alloc = Double.isNaN(r.allocBytesPerOp()) ? "" : ", " + format(r.allocBytesPerOp()) + " B/op";
        return format(r.score()) + error + " " + r.unit() + alloc;
    }

    static String format(double value) {
        return LatencyFormat.threeFigures(value);
    }
}
