package org.stratumlab.cli.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.cli.CliRun;
import org.stratumlab.cli.ExitCode;
import org.stratumlab.results.Metric;
import org.stratumlab.results.Outcome;
import org.stratumlab.results.Summary;
import org.stratumlab.results.SummaryFile;
import org.stratumlab.testing.Prometheus;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --metrics-port}: a run serves its counters live, and the scrape that ends its linger reads exactly the
 * totals its summary.json holds, every family labelled with its shard; bad metrics options are one line and exit
 * code 2.
 */
@Timeout(120)
class LiveMetricsTest {
    /** Two phases, bad shares (rejections by reason) and hostile miners (a separate honest latency). */
    static final String SCENARIO = """
            name: live
            target:
              embedded:
                difficulty: 1
                block-interval: 200ms
                new-job-on-solution: false
                notify-on-subscribe: true
                io-threads: 1
                process: same
            miners:
              io-threads: 1
              submit-timeout: 2s
              hostile: 0.25
            phases:
              - name: ramp
                duration: 1s
                miners: 4
                solve-rate: 10
                bad-shares: stale=0.1,invalid=0.1
              - name: steady
                duration: 2s
                miners: 8
            """;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void theScrapeThatEndsTheLingerReadsTheTotalsOfSummaryJson() throws Exception {
        Path scenario = Files.writeString(dir.resolve("live.yaml"), SCENARIO);
        Path out = dir.resolve("run");
        LiveRun run = LiveRun.start("run", scenario.toString(), "--out", out.toString(), "--metrics-port",
                "0",
                "--metrics-linger", "10m");
        int port = run.metricsPort(WAIT);
        String body = run.finalScrape(port, WAIT);
        int exit = run.exitCode(WAIT);

        assertTrue(exit == ExitCode.SUCCESS.code() || exit == ExitCode.GENERATOR_SHORT.code(), run.output());
        Summary summary = SummaryFile.read(out.resolve(SummaryFile.FILE_NAME));
        Summary.Submits submits = summary.submits();
        // At difficulty 1 every nonce is valid: hostile and bad shares come back stale, duplicate or other.
        assertTrue(submits.rejected().stale() > 0 && submits.rejected().other() > 0, submits.toString());
        assertEquals(submits.sent(), value(body, "submits_sent_total", ""));
        assertEquals(submits.accepted(), value(body, "submits_total", "outcome=\"accepted\","));
        assertEquals(submits.rejectedTotal(), value(body, "submits_total", "outcome=\"rejected\","));
        assertEquals(submits.errors(), value(body, "submits_total", "outcome=\"errors\","));
        assertEquals(submits.unanswered(), value(body, "submits_total", "outcome=\"unanswered\","));
        assertEquals(submits.rejected().stale(), value(body, "submits_rejected_total", "reason=\"stale\","));
        assertEquals(submits.rejected().incorrect(),
                value(body, "submits_rejected_total", "reason=\"incorrect\","));
        assertEquals(submits.rejected().duplicate(),
                value(body, "submits_rejected_total", "reason=\"duplicate\","));
        assertEquals(submits.rejected().other(), value(body, "submits_rejected_total", "reason=\"other\","));
        assertEquals(summary.notifies().received(), value(body, "notifies_received_total", ""));
        assertEquals(summary.notifies().jobs(), value(body, "jobs_total", ""));
        assertEquals(summary.miners().connectedMax(), value(body, "miners_connected_max", ""));
        assertEquals(summary.miners().subscribed(), value(body, "miners_subscribed_max", ""));
        assertEquals(8, value(body, "miners_target", ""), "the last phase's miners");
        assertEquals(summary.generator().scheduled(), value(body, "events_scheduled_total", ""));
        assertEquals(summary.generator().owed(), value(body, "events_owed_total", ""));
        assertEquals(1, value(body, "phase_info", "index=\"1\",phase=\"steady\","), body);
        assertFalse(body.contains("phase=\"ramp\""), "only the phase running now: " + body);
        for (Metric metric : Metric.values()) {
            assertHistogramIsTheSummarys(body, metric, summary.latencyUs().of(metric));
        }
        assertTrue(summary.latencyUs().submitHonest().count() < summary.latencyUs().submit().count(),
                "the hostile miners are left out of the honest latency");
        assertTrue(
                body.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                        .allMatch(l -> l.contains("shard=\"0\"")),
                "every family carries the shard: " + body);
    }

    /** Count and sum as summary.json's, and buckets that are cumulative seconds around its median. */
    private static void assertHistogramIsTheSummarys(String body, Metric metric, Summary.Percentiles p) {
        String name = metricName(metric);
        assertEquals(p.count(), Prometheus.value(body, name + "_count{shard=\"0\"}"), name);
        assertEquals(p.count(), Prometheus.value(body, name + "_bucket{shard=\"0\",le=\"+Inf\"}"), name);
        // The mean is rounded to 0.1 µs in summary.json.
        assertEquals(p.mean() * p.count() / 1e6, Prometheus.value(body, name + "_sum{shard=\"0\"}"),
                0.06e-6 * p.count() + 1e-9, name);
        if (p.count() == 0) {
            return;
        }
        double below = 0;
        double atOrAbove = 0;
        for (String line : body.lines().filter(l -> l.startsWith(name + "_bucket{")).toList()) {
            String le = line.replaceAll(".*le=\"([^\"]+)\".*", "$1");
            double boundUs = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le) * 1e6;
            double cumulative = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            if (boundUs * 1.01 < p.p50()) {
                below = Math.max(below, cumulative);
            } else if (boundUs > p.p50() * 1.01 && atOrAbove == 0) {
                atOrAbove = cumulative;
            }
        }
        assertTrue(below <= p.count() / 2.0, name + ": under the median, at most half: " + below + " of "
                + p.count());
        assertTrue(atOrAbove >= p.count() / 2.0, name + ": up to the bucket above the median, at least half: "
                + atOrAbove + " of " + p.count());
    }

    private static String metricName(Metric metric) {
        return switch (metric) {
            case NOTIFY_SKEW -> "stratumlab_loadgen_notify_skew_seconds";
            case LAG -> "stratumlab_loadgen_lag_seconds";
            default -> "stratumlab_loadgen_" + metric.ruleName() + "_latency_seconds";
        };
    }

    /** @return a generator sample's value: its name after the prefix, and its labels before the shard's */
    private static long value(String body, String name, String labels) {
        double value = Prometheus.value(body, "stratumlab_loadgen_" + name + "{" + labels + "shard=\"0\"}");
        assertEquals(Math.rint(value), value, name + " is a whole number");
        return (long) value;
    }

    @Test
    void aLingerThatNoScrapeEndsSaysSoAndTheRunStillPasses() {
        CliRun run = CliRun.of("loadgen", "--miners", "1", "--duration", "1s", "--io-threads", "1",
                "--allow-shortfall", "--out", dir.resolve("alone").toString(), "--metrics-port", "0",
                "--metrics-host", "127.0.0.2", "--metrics-linger", "100ms");

        assertEquals(ExitCode.SUCCESS.code(), run.exitCode(), run.out() + run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("metrics http://127\\.0\\.0\\.2:\\d+/metrics")),
                "on the host asked for: " + run.out());
        assertEquals("stratumlab loadgen: no scrape read the final metrics within --metrics-linger 100ms",
                run.err().strip());
    }

    @Test
    void aSeriesPassesTheOptionsOnAsGiven() {
        LiveMetricsOptions options = new LiveMetricsOptions();
        CommandSpec spec = CommandSpec.create();
        spec.addMixin("live", CommandSpec.forAnnotatedObject(options));
        new CommandLine(spec).parseArgs("--metrics-linger", "1500ms", "--metrics-host", "0.0.0.0",
                "--metrics-port", "0");

        assertEquals(
                List.of("--metrics-port", "0", "--metrics-host", "0.0.0.0", "--metrics-linger", "1500ms"),
                options.arguments());
    }

    @Test
    void aMetricsPortInUseIsOneLineNamingTheOptionAndExitCode2() throws IOException {
        Path scenario = Files.writeString(dir.resolve("live.yaml"), SCENARIO);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(taken.getLocalPort());
            for (List<String> args : List.of(
                    List.of("loadgen", "--miners", "1", "--duration", "1s", "--out",
                            dir.resolve("a").toString(),
                            "--metrics-port", port),
                    List.of("run", scenario.toString(), "--out", dir.resolve("b").toString(),
                            "--metrics-port",
                            port))) {
                assertOneLineExit2(CliRun.of(args.toArray(String[]::new)),
                        "--metrics-port: cannot serve metrics on 127.0.0.1:" + port);
            }
        }
    }

    @Test
    void aPortOutOfRangeOrALingerOrHostWithoutAPortIsOneLineAndExitCode2() throws IOException {
        Path scenario = Files.writeString(dir.resolve("live.yaml"), SCENARIO);
        assertOneLineExit2(CliRun.of("loadgen", "--miners", "1", "--duration", "1s", "--out",
                dir.resolve("a").toString(), "--metrics-port", "70000"),
                "--metrics-port: cannot serve metrics on "
                        + "127.0.0.1:70000: port out of range");
        assertOneLineExit2(CliRun.of("loadgen", "--miners", "1", "--duration", "1s", "--out",
                dir.resolve("b").toString(), "--metrics-linger", "5s"),
                "--metrics-linger needs --metrics-port");
        assertFalse(Files.exists(dir.resolve("b")), "a refused run leaves no folder");
        assertOneLineExit2(CliRun.of("loadgen", "--miners", "1", "--duration", "1s", "--out",
                dir.resolve("d").toString(), "--metrics-host", "0.0.0.0"),
                "--metrics-host needs --metrics-port");
        assertOneLineExit2(CliRun.of("run", scenario.toString(), "--out", dir.resolve("c").toString(),
                "--metrics-linger", "5s"), "--metrics-linger needs --metrics-port");
        assertFalse(Files.exists(dir.resolve("c")), "a refused run leaves no folder");
    }

    private static void assertOneLineExit2(CliRun run, String expected) {
        assertEquals(ExitCode.BAD_INPUT.code(), run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertFalse(run.err().toLowerCase(Locale.ROOT).contains("exception"), run.err());
    }
}
