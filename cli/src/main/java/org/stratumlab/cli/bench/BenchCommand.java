package org.stratumlab.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.stratumlab.report.BenchResultsPage;
import org.stratumlab.results.JmhRun;
import org.stratumlab.results.MachineFacts;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stratumlab bench}: runs the pow-bench JMH suite in a forked JVM and publishes it under
 * {@code results/pow-bench/}: the JMH JSON named with date, CPU and JDK, the run's facts beside it, and
 * the regenerated README with tables and charts ({@code BenchResultsPage}).
 *
 * <p>The benchmarks live in {@code pow-bench/target/benchmarks.jar}, which the runnable jar does not contain
 * (JMH and Bouncy Castle stay out of it). The command finds it relative to the working directory (the repository
 * root, where {@code ./stratumlab} runs) and, when it is missing or older than a source or pom of the modules it
 * is built from, builds it first with {@code mvn -B -q -ntp -pl pow-bench -am package -DskipTests}. The suite then
 * runs as {@code JVM -cp benchmarks.jar org.stratumlab.bench.Suite}, where JVM is {@code --jvm} or the JVM running
 * this command; JMH forks its measurement JVMs from that one. Runs on the calling thread and blocks until done.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = {
        "Runs the PoW benchmark suite (JMH, pow-bench) and publishes it: the JMH JSON under --results named with "
                + "date, CPU model and JDK, and README.md there regenerated with a table and an SVG chart per "
                + "benchmark (score ± error, ratio to the baseline, bouncycastle for the hashes).",
        "Full run: 2 forks x (4 warm-up + 5 measured iterations of 1 s) per benchmark, about a quarter of an "
                + "hour on 2 cores; --quick: 1 fork x (2 + 3 of 0.5 s), a few minutes. The PoW check and the "
                + "nonce scan also run at 2 threads.",
        "Builds pow-bench/target/benchmarks.jar first (mvn -pl pow-bench -am package) when it is missing or "
                + "older than the sources. Run it from the repository root; keep the machine otherwise idle."})
public final class BenchCommand implements Callable<Integer> {
    static final String SUITE_CLASS = "org.stratumlab.bench.Suite";

    @Spec
    private CommandSpec spec;

    @Option(names = "--quick",
            description = "A short run (1 fork, short iterations): a few minutes, for a first look.")
    private boolean quick;

    @Option(names = "--jvm", paramLabel = "PATH",
            description = "The java binary to benchmark, e.g. /usr/lib/jvm/temurin-25-jdk-amd64/bin/java "
                    + "(default: the JVM running this command).")
    private Path jvm;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results/pow-bench",
            description = "Where the JSON, the charts and README.md go (default: ${DEFAULT-VALUE}).")
    private Path results;

    @Option(names = "--jar", paramLabel = "FILE", defaultValue = "pow-bench/target/benchmarks.jar",
            description = "The benchmarks jar (default: ${DEFAULT-VALUE}).")
    private Path jar;

    @Option(names = "--no-build", description = "Use the benchmarks jar as it is, never run Maven.")
    private boolean noBuild;

    @Option(names = "--render-only",
            description = "Run nothing: regenerate README.md and the charts from the JSON already in --results.")
    private boolean renderOnly;

    @Parameters(paramLabel = "REGEX", arity = "0..*",
            description = "JMH regexes selecting benchmarks, e.g. PowCheckBenchmark or 'keccak.*' (default: all).")
    private List<String> regexes = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        if (!renderOnly) {
            Path jarFile;
            try {
                jarFile = ensureJar(out);
            } catch (IOException | IllegalStateException e) {
                spec.commandLine().getErr().println("stratumlab bench: " + e.getMessage());
                return 1;
            }
            requireEachRegexSelects(jarFile);
            Path json = runSuite(out, jarFile);
            if (json == null) {
                return 1;
            }
            out.println("stratumlab bench: wrote " + json);
        }
        out.println("stratumlab bench: wrote " + BenchResultsPage.render(results));
        return 0;
    }

    private void validate() {
        if (jvm != null && !(Files.isRegularFile(jvm) && Files.isExecutable(jvm))) {
            throw new ParameterException(spec.commandLine(),
                    "--jvm: '" + jvm + "' is not an executable file");
        }
        for (String regex : regexes) {
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new ParameterException(spec.commandLine(),
                        "'" + regex + "' is not a regular expression: " + e.getDescription());
            }
            if (regex.startsWith("-")) {
                throw new ParameterException(spec.commandLine(), "unknown option '" + regex
                        + "' (JMH's own options are not passed through; give benchmark regexes)");
            }
        }
        if (renderOnly && !Files.isDirectory(results)) {
            throw new ParameterException(spec.commandLine(), "--results: '" + results + "' is not a folder");
        }
    }

    /**
     * Refuses a regex that selects no benchmark, before a JVM is forked: JMH ORs its regexes, so a typo among
     * several would go unseen, and one alone ends in JMH's stack trace.
     */
    private void requireEachRegexSelects(Path jarFile) throws IOException {
        List<String> names;
        try {
            names = JarBenchmarks.names(jarFile);
        } catch (RuntimeException e) {
            return; // a list this code cannot read: JMH, which wrote it, judges the regexes
        }
        for (String regex : regexes) {
            if (!names.isEmpty() && !JarBenchmarks.selectsAny(regex, names)) {
                throw new ParameterException(spec.commandLine(), "no benchmark matches '" + regex
                        + "'; the benchmark classes: " + String.join(", ", classes(names)));
            }
        }
    }

    private static List<String> classes(List<String> names) {
        return names.stream().map(name -> name.substring(0, name.lastIndexOf('.')))
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).distinct().sorted().toList();
    }

    /** Builds the benchmarks jar unless it is there and newer than every source and pom it is made from. */
    private Path ensureJar(PrintWriter out) throws IOException, InterruptedException {
        if (noBuild || !stale(jar)) {
            if (!Files.isRegularFile(jar)) {
                throw new ParameterException(spec.commandLine(), "--jar: '" + jar
                        + "' does not exist (build it with "
                        + "'mvn -pl pow-bench -am package -DskipTests', or run from the repository root without --no-build)");
            }
            return jar;
        }
        if (!Files.isRegularFile(Path.of("pom.xml")) || !Files.isDirectory(Path.of("pow-bench"))) {
            throw new ParameterException(spec.commandLine(),
                    "'" + jar + "' is missing and this is not the repository "
                            + "root: run from it, or give --jar");
        }
        out.println("stratumlab bench: building " + jar
                + " (mvn -B -q -ntp -pl pow-bench -am package -DskipTests)");
        out.flush();
        Process mvn;
        try {
            mvn = new ProcessBuilder("mvn", "-B", "-q", "-ntp", "-pl", "pow-bench", "-am", "package",
                    "-DskipTests")
                    .inheritIO().start();
        } catch (IOException e) {
            throw new IllegalStateException("Maven (mvn) is needed to build " + jar + ": " + e.getMessage(),
                    e);
        }
        if (mvn.waitFor() != 0 || !Files.isRegularFile(jar)) {
            throw new IllegalStateException("building " + jar + " failed (see Maven's output above)");
        }
        return jar;
    }

    static boolean stale(Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) {
            return true;
        }
        long built = Files.getLastModifiedTime(jar).toMillis();
        for (String module : new String[]{"pow", "protocol", "server", "pow-bench"}) {
            Path dir = Path.of(module);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Stream.concat(Stream.of(dir.resolve("pom.xml"), Path.of("pom.xml")),
                    Files.isDirectory(dir.resolve("src"))
                            ? Files.walk(dir.resolve("src"))
                            : Stream.empty())) {
                if (files.filter(Files::isRegularFile).anyMatch(f -> modified(f) > built)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /** @return the published JSON, or null if the suite failed */
    private Path runSuite(PrintWriter out, Path jarFile) throws IOException, InterruptedException {
        Files.createDirectories(results);
        Path java = jvm != null ? jvm : Path.of(System.getProperty("java.home"), "bin", "java");
        Path raw = results.resolve(".running-" + ProcessHandle.current().pid() + ".json");
        List<String> command = new ArrayList<>(
                List.of(java.toString(), "-cp", jarFile.toString(), SUITE_CLASS,
                        quick ? "--quick" : "--full", "--out", raw.toString()));
        command.addAll(regexes);
        String loadBefore = MachineFacts.loadAverage();
        out.println("stratumlab bench: " + String.join(" ", command) + " (load average " + loadBefore + ")");
        out.flush();
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0 || Files.size(raw) == 0) {
            Files.deleteIfExists(raw);
            spec.commandLine().getErr().println("stratumlab bench: the suite exited with " + exit
                    + "; nothing was published");
            return null;
        }
        JmhRun run = JmhRun.read(raw);
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        String stem = date + "_" + slug(MachineFacts.cpuModel()) + "_jdk-" + slug(run.jdk()) + "_"
                + (quick ? "quick" : "full");
        Path json = unclaimed(results, stem);
        Files.move(raw, json, StandardCopyOption.ATOMIC_MOVE);
        ObjectNode meta = new ObjectMapper().createObjectNode();
        meta.put("date", date);
        meta.put("cpu", MachineFacts.cpuModel());
        meta.put("cores", Runtime.getRuntime().availableProcessors());
        meta.put("mode", quick ? "quick" : "full");
        meta.put("loadBefore", loadBefore);
        meta.put("loadAfter", MachineFacts.loadAverage());
        meta.put("command",
                "./stratumlab bench" + (quick ? " --quick" : "") + (jvm != null ? " --jvm " + jvm : "")
                        + (regexes.isEmpty() ? "" : " " + String.join(" ", regexes)));
        Files.writeString(JmhRun.metaFile(json),
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(meta) + "\n",
                StandardCharsets.UTF_8);
        return json;
    }

    /**
     * A second run on the same day, machine, JDK and mode (one benchmark class re-run, say) is published beside
     * the first, never over it: {@code STEM.json}, then {@code STEM-2.json}, {@code STEM-3.json}, ...
     */
    static Path unclaimed(Path results, String stem) {
        Path json = results.resolve(stem + ".json");
        for (int n = 2; Files.exists(json) || Files.exists(JmhRun.metaFile(json)); n++) {
            json = results.resolve(stem + "-" + n + ".json");
        }
        return json;
    }

    static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("(^-+|-+$)",
                "");
        return slug.isEmpty() ? "unknown" : slug;
    }
}
