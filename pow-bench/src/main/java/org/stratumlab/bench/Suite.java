package org.stratumlab.bench;

import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The pow-bench suite as {@code stratumlab bench} runs it, in the JVM under test: every benchmark at one
 * thread, then the PoW check and the nonce scan again at two threads, all into one JMH JSON file.
 *
 * <p>Usage: {@code java -cp pow-bench/target/benchmarks.jar org.stratumlab.bench.Suite (--quick|--full) --out
 * FILE.json [REGEX...]}. The regexes select benchmarks as JMH's own do (default: the whole suite). Settings:
 * {@code --quick} 1 fork, 2 warm-up and 3 measured iterations of 0.5 s (a few minutes in all); {@code --full} 2
 * forks, 4 warm-up and 5 measured iterations of 1 s (about a quarter of an hour on 2 cores). The forks get
 * {@code --add-modules jdk.incubator.vector} when the JVM has the module, so {@code vector} can run, and
 * {@code --enable-native-access=ALL-UNNAMED} for {@code native}. Every run adds JMH's GC profiler
 * ({@code -prof gc}), so that the JSON carries each benchmark's allocation per operation
 * ({@code gc.alloc.rate.norm}, B/op) beside its time: the hot paths claim about 0 B/op.
 */
public final class Suite {
    /** The benchmarks of the suite. */
    static final List<String> DEFAULT = List.of("KeccakBenchmark", "PowCheckBenchmark", "ScanNoncesBenchmark",
            "BoundaryCompareBenchmark", "WireBenchmark", "SubmitPathBenchmark", "NotifyPathBenchmark");
    /** The benchmarks that also run at two threads. */
    static final String TWO_THREADS = "\\.(powCheck|scanNonces)$";

    private Suite() {
    }

    public static void main(String[] args) throws RunnerException, FileNotFoundException {
        boolean quick = false;
        String out = null;
        List<String> includes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--full" -> quick = false;
                case "--out" -> out = args[++i];
                default -> includes.add(args[i]);
            }
        }
        if (out == null) {
            System.err.println("usage: Suite (--quick|--full) --out FILE.json [REGEX...]");
            System.exit(2);
        }
        if (includes.isEmpty()) {
            includes.addAll(DEFAULT);
        }
        List<RunResult> results;
        try {
            results = new ArrayList<>(new Runner(options(quick, includes, 1).build()).run());
        } catch (NoBenchmarksException e) {
            // JMH's own report is a stack trace; the regexes are the user's to fix.
            System.err.println("no benchmark matches " + String.join(" or ", includes));
            System.exit(2);
            return;
        }
        // JMH ORs its includes, so the two-thread run names exactly those benchmarks of the first run that qualify.
        List<String> twoThreads = results.stream().map(r -> r.getParams().getBenchmark()).distinct()
                .filter(name -> Pattern.compile(TWO_THREADS).matcher(name).find())
                .map(name -> "^" + Pattern.quote(name) + "$").toList();
        if (!twoThreads.isEmpty()) {
            results.addAll(new Runner(options(quick, twoThreads, 2).build()).run());
        }
        write(results, out);
    }

    private static ChainedOptionsBuilder options(boolean quick, List<String> includes, int threads) {
        ChainedOptionsBuilder options = new OptionsBuilder().threads(threads).shouldFailOnError(false)
                .jvmArgsAppend(forkArgs()).addProfiler(GCProfiler.class);
        for (String include : includes) {
            options.include(include);
        }
        if (quick) {
            options.forks(1).warmupIterations(2).warmupTime(TimeValue.milliseconds(500))
                    .measurementIterations(3)
                    .measurementTime(TimeValue.milliseconds(500));
        } else {
            // 4 warm-up seconds: C2 needs about one to compile the vector permutation on JDK 17.
            options.forks(2).warmupIterations(4).warmupTime(TimeValue.seconds(1)).measurementIterations(5)
                    .measurementTime(TimeValue.seconds(1));
        }
        return options;
    }

    private static String[] forkArgs() {
        List<String> args = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED"));
        if (ModuleFinder.ofSystem().find("jdk.incubator.vector").isPresent()) {
            args.add("--add-modules=jdk.incubator.vector");
        }
        return args.toArray(String[]::new);
    }

    private static void write(Collection<RunResult> results, String file) throws FileNotFoundException {
        try (PrintStream stream = new PrintStream(file, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, stream).writeOut(results);
        } catch (java.io.IOException e) {
            throw new FileNotFoundException(file + ": " + e.getMessage());
        }
    }
}
