package org.stratumlab.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.cli.ChildCommand;
import org.stratumlab.cli.ServerProcess;
import org.stratumlab.cli.loadgen.LiveMetricsSettings;
import org.stratumlab.cli.loadgen.PrometheusServer;
import org.stratumlab.results.Metric;
import org.stratumlab.results.Summary;
import org.stratumlab.results.SummaryFile;
import org.stratumlab.testing.Await;

/**
 * A real Prometheus scrapes both shards of {@code run FILE --shards 2 --local --metrics-port 0} (against one
 * {@code stratumlab server} process), each shard's endpoint a target from the moment its line says where it is;
 * and the sum over the shards of what Prometheus stored last is exactly what the merged summary.json says. The
 * shards linger until a scrape has read their final totals, so the test waits on conditions only.
 */
@Timeout(240)
class ShardedPrometheusScrapeTest {
    private static final Duration WAIT = Duration.ofSeconds(120);
    /** A shard's metrics line, as the parent passes it through with the shard's name before it. */
    private static final Pattern SHARD_METRICS_LINE = Pattern.compile(
            "^" + ShardLaunch.SHARD_DIR_PREFIX + "(\\d+): metrics http://127\\.0\\.0\\.1:(\\d+)/metrics$");
    private static final long LINGER_NS = TimeUnit.MINUTES.toNanos(2);

    @TempDir
    Path dir;

    @Test
    void theShardsSumOfWhatPrometheusScrapedLastIsTheMergedSummary() throws Exception {
        PrometheusServer.assumeInstalled();
        Files.createDirectories(dir.resolve("prometheus"));
        try (ServerProcess server = ServerProcess.start(LocalShardsTest.SERVER_OPTIONS);
                PrometheusServer prometheus = PrometheusServer.start(dir.resolve("prometheus"))) {
            Path file = Files.writeString(dir.resolve("sharded.yaml"),
                    LocalShardsTest.SCENARIO.formatted(server.port()));
            Path runDir = dir.resolve("run");
            Process parent = new ProcessBuilder(ChildCommand.of(List.of(), "run", file.toString(), "--shards",
                    "2", "--local", "--metrics-port", "0", "--metrics-linger", "2m", "--out",
                    runDir.toString()))
                    .redirectErrorStream(true).start();
            parent.getOutputStream().close();
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> ChildCommand.readLines(parent, lines), "run-output");
            reader.start();
            Map<Integer, Integer> portByShard = new TreeMap<>();
            try {
                while (portByShard.size() < 2) {
                    int known = portByShard.size();
                    Await.until("another shard prints where its metrics are",
                            () -> shardPorts(lines).size() > known || !parent.isAlive(), lines::toString,
                            WAIT);
                    portByShard.putAll(shardPorts(lines));
                    assertTrue(portByShard.size() > known, "the run ended first: " + lines);
                    prometheus.scrape(List.copyOf(portByShard.values()));
                }
                assertTrue(parent.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), "the run ends: " + lines);
            } finally {
                if (parent.isAlive()) {
                    parent.destroyForcibly();
                }
            }
            reader.join();
            assertEquals(0, parent.exitValue(), lines.toString());
            assertEquals(List.of(0, 1), List.copyOf(portByShard.keySet()), lines.toString());
            assertTrue(lines.stream().noneMatch(l -> l.contains("no scrape read the final metrics")),
                    lines.toString());

            // Each shard answered a scrape of its final totals before it exited; Prometheus stores it once read.
            Await.until("Prometheus holds both shards' final scrapes",
                    () -> prometheus.lastSum("stratumlab_loadgen_run_finished") == 2, prometheus::log, WAIT);
            Summary merged = SummaryFile.read(runDir.resolve(SummaryFile.FILE_NAME));
            Map<String, Double> expected = new LinkedHashMap<>();
            expected(merged).forEach((series, n) -> expected.put(series, (double) n));
            Map<String, Double> scraped = new LinkedHashMap<>();
            for (String series : expected.keySet()) {
                scraped.put(series, prometheus.lastSum(series));
            }
            assertEquals(expected, scraped);
            Summary.Submits submits = merged.submits();
            for (long each : List.of(submits.accepted(), submits.rejected().stale(),
                    submits.rejected().incorrect(),
                    submits.rejected().duplicate(), submits.rejected().other())) {
                assertTrue(each > 0, "every outcome happened, so that each sum is tested: " + submits);
            }
            for (int shard = 0; shard < 2; shard++) {
                assertTrue(prometheus.value("count_over_time(stratumlab_loadgen_run_finished{shard=\"" + shard
                        + "\"}[10m])") >= 2, "shard " + shard + " scraped while it ran, not only at the end");
            }
            ShardLaunch launch = new ShardLaunch(file, List.of(), 2, Instant.parse(merged.merge().startAt()),
                    runDir, new LiveMetricsSettings(0, null, LINGER_NS), true);
            for (int i = 0; i < 2; i++) {
                List<String> expectedCommand = new ArrayList<>(List.of("stratumlab"));
                expectedCommand.addAll(launch.arguments(i));
                assertEquals(expectedCommand, merged.merge().from().get(i).commandLine(),
                        "shard " + i + " got the metrics options through ShardLaunch");
            }
        }
    }

    /** @return the merged summary's figures by the series whose sum over the shards must equal them */
    private static Map<String, Long> expected(Summary merged) {
        Summary.Submits submits = merged.submits();
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("stratumlab_loadgen_submits_sent_total", submits.sent());
        expected.put("stratumlab_loadgen_submits_total{outcome=\"accepted\"}", submits.accepted());
        expected.put("stratumlab_loadgen_submits_total{outcome=\"rejected\"}", submits.rejectedTotal());
        expected.put("stratumlab_loadgen_submits_total{outcome=\"errors\"}", submits.errors());
        expected.put("stratumlab_loadgen_submits_total{outcome=\"unanswered\"}", submits.unanswered());
        expected.put("stratumlab_loadgen_submits_rejected_total{reason=\"stale\"}",
                submits.rejected().stale());
        expected.put("stratumlab_loadgen_submits_rejected_total{reason=\"incorrect\"}",
                submits.rejected().incorrect());
        expected.put("stratumlab_loadgen_submits_rejected_total{reason=\"duplicate\"}",
                submits.rejected().duplicate());
        expected.put("stratumlab_loadgen_submits_rejected_total{reason=\"other\"}",
                submits.rejected().other());
        expected.put("stratumlab_loadgen_notifies_received_total", merged.notifies().received());
        expected.put("stratumlab_loadgen_events_scheduled_total", merged.generator().scheduled());
        expected.put("stratumlab_loadgen_miners_subscribed_max", merged.miners().subscribed());
        Map<Metric, String> histograms = Map.of(Metric.SUBMIT, "submit_latency_seconds", Metric.SUBMIT_HONEST,
                "submit_honest_latency_seconds", Metric.SUBMIT_SERVICE, "submit_service_latency_seconds",
                Metric.CONNECT, "connect_latency_seconds", Metric.SUBSCRIBE, "subscribe_latency_seconds",
                Metric.NOTIFY_SKEW, "notify_skew_seconds", Metric.LAG, "lag_seconds");
        for (Metric metric : Metric.values()) {
            expected.put("stratumlab_loadgen_" + histograms.get(metric) + "_count",
                    merged.latencyUs().of(metric).count());
        }
        return expected;
    }

    /** @return the metrics port of each shard whose line has been printed, by its index */
    private static Map<Integer, Integer> shardPorts(List<String> lines) {
        Map<Integer, Integer> ports = new TreeMap<>();
        for (String line : lines) {
            Matcher m = SHARD_METRICS_LINE.matcher(line);
            if (m.find()) {
                ports.put(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
        }
        return ports;
    }
}
