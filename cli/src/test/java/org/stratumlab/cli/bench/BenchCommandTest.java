package org.stratumlab.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stratumlab.cli.CliRun;

/** The bench command's options and its results page; no benchmark runs here (that is JMH's job, not a test's). */
class BenchCommandTest {
    @Test
    void aSecondRunOfTheSameDayJdkAndModeIsPublishedBesideTheFirstNeverOverIt(@TempDir Path dir)
            throws IOException {
        String stem = "2026-01-01_amd-epyc_jdk-17.0.15_full";
        assertEquals(dir.resolve(stem + ".json"), BenchCommand.unclaimed(dir, stem));
        Files.writeString(dir.resolve(stem + ".json"), "{}");
        assertEquals(dir.resolve(stem + "-2.json"), BenchCommand.unclaimed(dir, stem));
        Files.writeString(dir.resolve(stem + "-2.run.json"), "{}"); // its facts alone claim the name too
        assertEquals(dir.resolve(stem + "-3.json"), BenchCommand.unclaimed(dir, stem));
    }

    @Test
    void helpDocumentsTheOptionsAndTheJar() {
        CliRun run = CliRun.of("bench", "--help");
        assertEquals(0, run.exitCode(), run.err());
        for (String expected : new String[]{"Usage: stratumlab bench", "--quick", "--jvm", "--results",
                "--render-only", "REGEX", "benchmarks.jar"}) {
            assertTrue(run.out().contains(expected), expected + " in " + run.out());
        }
        assertTrue(CliRun.of("--help").out().contains("bench"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bench --frobnicate|--frobnicate|Unknown option",
            "bench --jvm /nonexistent/java|--jvm|is not an executable file",
            "bench --no-build --jar /nonexistent/benchmarks.jar|--jar|does not exist",
            "bench (unclosed|(unclosed|is not a regular expression",
            "bench --render-only --results /nonexistent/folder|--results|is not a folder"})
    void badInputIsOneLineWithExitCodeTwo(String args, String named, String problem) {
        CliRun run = CliRun.of(args.split(" "));
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(named), run.err());
        assertTrue(run.err().contains(problem), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void renderOnlyWritesTheTablesChartsAndTargetsFromTheJson(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("2026-01-01_amd-epyc_jdk-17.0.15_full.json"), JmhJson.of("17.0.15",
                JmhJson.result("PowCheckBenchmark.powCheck", 1, "impl", "bouncycastle", 650, 5),
                JmhJson.result("PowCheckBenchmark.powCheck", 1, "impl", "scalar", 440, 4),
                JmhJson.result("PowCheckBenchmark.powCheck", 1, "impl", "native", 400, 3),
                JmhJson.result("PowCheckBenchmark.powCheck", 2, "impl", "scalar", 450, 9),
                JmhJson.result("ScanNoncesBenchmark.scanNonces", 1, "impl", "scalar", 420, 4),
                JmhJson.result("ScanNoncesBenchmark.scanNonces", 1, "impl", "native", 50, 1)));
        Files.writeString(dir.resolve("2026-01-01_amd-epyc_jdk-17.0.15_full.run.json"),
                "{\"date\":\"2026-01-01\",\"cpu\":\"AMD EPYC\",\"cores\":2,\"mode\":\"full\",\"loadBefore\":\"0.1 0.2 0.3\","
                        + "\"loadAfter\":\"2.0 1.5 1.0\",\"command\":\"./stratumlab bench\"}");
        Files.writeString(dir.resolve("2026-01-02_amd-epyc_jdk-25.0.3_quick.json"), JmhJson.of("25.0.3",
                JmhJson.result("PowCheckBenchmark.powCheck", 1, "impl", "bouncycastle", 600, 5),
                JmhJson.result("PowCheckBenchmark.powCheck", 1, "impl", "scalar", 500, 5)));
        Files.writeString(dir.resolve("NOTES.md"), "## Notes\n\nHand-written.\n");

        CliRun run = CliRun.of("bench", "--render-only", "--results", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        String readme = Files.readString(dir.resolve("README.md"));
        assertTrue(readme.contains("| `scalar` |  | 440 ± 4.00 ns/op | 1.48 |"), readme);
        assertTrue(readme.contains("## powCheck (2 threads)"), readme);
        assertTrue(readme.contains("JDK 25.0.3 (quick)"), readme);
        assertTrue(readme.contains("0.1 0.2 0.3 → 2.0 1.5 1.0"), readme);
        assertTrue(readme.contains("Hand-written."), readme);
        assertTrue(
                readme.contains(
                        "| `scalar` PoW check ≥ 1.4× `bouncycastle` | 1.48× met | 1.20× **missed** |"),
                readme);
        assertTrue(readme.contains("≥ 4× `scalar` per thread | 8.40× met | n/a |"), readme);
        String chart = Files.readString(dir.resolve("chart-powCheck.svg"));
        assertTrue(chart.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), chart);
        assertTrue(chart.contains("<path class=\"whisker\" d=\"M"), "error bars: " + chart);
        assertTrue(Files.exists(dir.resolve("chart-powCheck-2t.svg")));
    }

    @Test
    void bytesPerOperationShowBesideTheTimeWhereTheRunMeasuredThem(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("2026-01-01_amd-epyc_jdk-17.0.15_full.json"), JmhJson.of("17.0.15",
                JmhJson.result("PowCheckBenchmark.powCheck", 1, "impl", "bouncycastle", 650, 5)));
        Files.writeString(dir.resolve("2026-01-02_amd-epyc_jdk-25.0.3_full.json"), JmhJson.of("25.0.3",
                JmhJson.withAllocation(JmhJson.result("PowCheckBenchmark.powCheck", 1, "impl", "bouncycastle",
                        600, 5), 0.0),
                JmhJson.withAllocation(
                        JmhJson.result("SubmitPathBenchmark.submit", 1, "path", "canonical", 900,
                                20),
                        16.58)));

        CliRun run = CliRun.of("bench", "--render-only", "--results", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        String readme = Files.readString(dir.resolve("README.md"));
        assertTrue(readme.contains("| 650 ± 5.00 ns/op | 1.00 | 600 ± 5.00 ns/op, 0.00 B/op | 1.00 |"),
                readme);
        assertTrue(readme.contains("## submit"), readme);
        assertTrue(readme.contains("900 ± 20.0 ns/op, 16.6 B/op"), readme);
    }

    @Test
    void aRunOfOneBenchmarkClassAddsItsRowsBesideTheFullRunOfTheSameJdk(@TempDir Path dir)
            throws IOException {
        Files.writeString(dir.resolve("2026-01-01_amd-epyc_jdk-17.0.15_full.json"), JmhJson.of("17.0.15",
                JmhJson.result("PowCheckBenchmark.powCheck", 1, "impl", "bouncycastle", 650, 5),
                JmhJson.result("PowCheckBenchmark.powCheck", 1, "impl", "scalar", 440, 4)));
        Files.writeString(dir.resolve("2026-01-02_amd-epyc_jdk-17.0.15_quick.json"), JmhJson.of("17.0.15",
                JmhJson.result("OctopusBenchmark.verify", 1, "impl", "reference", 7.0, 0.5),
                JmhJson.result("OctopusBenchmark.verify", 1, "impl", "java", 3.0, 0.2)));

        CliRun run = CliRun.of("bench", "--render-only", "--results", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        String readme = Files.readString(dir.resolve("README.md"));
        assertTrue(readme.contains("## powCheck"), readme);
        assertTrue(readme.contains("## verify"), readme);
        assertTrue(readme.contains("come from 2026-01-02_amd-epyc_jdk-17.0.15_quick.json"), readme);
        assertTrue(Files.exists(dir.resolve("chart-verify.svg")));
    }

    @Test
    void aLaterFullRunOfOneClassAddsItsRowsWithoutTakingTheSuitesPlace(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("2026-01-01_amd-epyc_jdk-17.0.15_full.json"), JmhJson.of("17.0.15",
                JmhJson.result("PowCheckBenchmark.powCheck", 1, "impl", "scalar", 440, 4),
                JmhJson.result("KeccakBenchmark.keccak32", 1, "impl", "scalar", 300, 3)));
        Files.writeString(dir.resolve("2026-01-02_amd-epyc_jdk-17.0.15_quick.json"), JmhJson.of("17.0.15",
                JmhJson.result("OctopusBenchmark.verify", 1, "impl", "java", 3.0, 2.0)));
        Files.writeString(dir.resolve("2026-01-03_amd-epyc_jdk-17.0.15_full.json"), JmhJson.of("17.0.15",
                JmhJson.result("OctopusBenchmark.verify", 1, "impl", "java", 2.5, 0.1)));

        CliRun run = CliRun.of("bench", "--render-only", "--results", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        String readme = Files.readString(dir.resolve("README.md"));
        assertTrue(readme.contains("## powCheck") && readme.contains("## keccak32"),
                "the suite stays: " + readme);
        assertTrue(readme.contains("come from 2026-01-03_amd-epyc_jdk-17.0.15_full.json"), readme);
        assertTrue(readme.contains("2.50 ± 0.10"), "the full run's verify, not the quick one's: " + readme);
    }

    @Test
    void aRegexThatSelectsNoBenchmarkIsOneLineBeforeAnyJvmIsForked(@TempDir Path dir) throws IOException {
        Path jar = benchmarksJar(dir, "org.stratumlab.bench.pow.KeccakBenchmark.keccak32",
                "org.stratumlab.bench.pow.PowCheckBenchmark.powCheck");
        Path results = dir.resolve("results");
        CliRun run = CliRun.of("bench", "--no-build", "--jar", jar.toString(), "--results",
                results.toString(),
                "keccak", "NoSuchBenchmark");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("stratumlab bench: no benchmark matches 'NoSuchBenchmark'; the benchmark classes: "
                + "KeccakBenchmark, PowCheckBenchmark (see 'stratumlab bench --help')", run.err().strip());
        assertEquals("", run.out(), "no suite started");
        assertTrue(Files.notExists(results), "nothing written");
    }

    @Test
    void theBenchmarksAreReadFromTheJarsListAsJmhNamesThem(@TempDir Path dir) throws IOException {
        Path jar = benchmarksJar(dir, "org.stratumlab.bench.pow.KeccakBenchmark.keccak32",
                "org.stratumlab.bench.wire.WireBenchmark.parseSubmit");
        List<String> names = JarBenchmarks.names(jar);
        assertEquals(List.of("org.stratumlab.bench.pow.KeccakBenchmark.keccak32",
                "org.stratumlab.bench.wire.WireBenchmark.parseSubmit"), names);
        assertTrue(JarBenchmarks.selectsAny("Wire", names));
        assertTrue(JarBenchmarks.selectsAny("keccak.*", names));
        assertFalse(JarBenchmarks.selectsAny("^keccak", names), "found in the whole name, as JMH does");
    }

    @Test
    void theRealBenchmarksJarsListIsRead() throws IOException {
        // Built before this module in a full build; a build of this module alone has none to read.
        Path jar = Path.of("..", "pow-bench", "target", "benchmarks.jar");
        Assumptions.assumeTrue(Files.isRegularFile(jar), "no " + jar);
        List<String> names = JarBenchmarks.names(jar);
        assertTrue(names.contains("org.stratumlab.bench.pow.KeccakBenchmark.keccak32"), names.toString());
        assertTrue(names.contains("org.stratumlab.bench.pow.PowCheckBenchmark.powCheck"), names.toString());
    }

    /** A jar with only JMH's benchmark list, its lines as JMH 1.37 writes them (length-prefixed strings). */
    private static Path benchmarksJar(Path dir, String... benchmarks) throws IOException {
        StringBuilder list = new StringBuilder();
        for (String benchmark : benchmarks) {
            String type = benchmark.substring(0, benchmark.lastIndexOf('.'));
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String generated = type.replace(".pow.", ".pow.jmh_generated.") + "_" + method + "_jmhTest";
            list.append("JMH S ").append(type.length()).append(' ').append(type).append(" S ")
                    .append(generated.length()).append(' ').append(generated).append(" S ")
                    .append(method.length()).append(' ').append(method)
                    .append(" S 11 AverageTime E A 1 1 1 E E E E E E E U 11 NANOSECONDS E E\n");
        }
        Path jar = dir.resolve("benchmarks.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(JarBenchmarks.LIST));
            out.write(list.toString().getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void fileNamesAreSlugsOfCpuAndJdk() {
        assertEquals("amd-epyc-7763-64-core-processor", BenchCommand.slug("AMD EPYC 7763 64-Core Processor"));
        assertEquals("17.0.15", BenchCommand.slug("17.0.15"));
        assertEquals("unknown", BenchCommand.slug("()"));
    }

    @Test
    void aMissingJarIsStale(@TempDir Path dir) throws IOException {
        assertTrue(BenchCommand.stale(dir.resolve("benchmarks.jar")));
    }
}
