package org.stratumlab.cli.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.cli.ChildCommand;
import org.stratumlab.results.Metric;
import org.stratumlab.results.Summary;
import org.stratumlab.results.SummaryFile;
import org.stratumlab.testing.Await;

/**
 * A real Prometheus scrapes {@code stratumlab run --metrics-port 0} (a process of its own, against the embedded
 * server on loopback) every second, and what it stored of the last scrape is exactly what summary.json says. The
 * run lingers until a scrape has read its final totals, so the test waits on conditions only.
 */
@Timeout(180)
class PrometheusScrapeTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void whatPrometheusScrapedLastIsWhatSummaryJsonSays() throws Exception {
        PrometheusServer.assumeInstalled();
        Path scenario = Files.writeString(dir.resolve("live.yaml"), LiveMetricsTest.SCENARIO);
        Path out = dir.resolve("run");
        Files.createDirectories(dir.resolve("prometheus"));
        try (PrometheusServer prometheus = PrometheusServer.start(dir.resolve("prometheus"))) {
            // A steady phase of 8 s, not 2: Prometheus finds a new target a second or two after its file changes,
            // later on a busy machine, and must scrape the run while it goes as well as at its end. A 3 s run was
            // scraped at its end alone once during a full build on two cores.
            Process run = new ProcessBuilder(
                    ChildCommand.of(List.of(), "run", scenario.toString(), "--set", "phases.1.duration=8s",
                            "--out",
                            out.toString(), "--metrics-port", "0", "--metrics-linger", "10m"))
                    .redirectErrorStream(true).start();
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> ChildCommand.readLines(run, lines), "run-output");
            reader.start();
            try {
                Await.until("the run prints where its metrics are",
                        () -> LiveRun.METRICS_LINE.matcher(String.join("\n", lines)).find() || !run.isAlive(),
                        lines::toString, WAIT);
                Matcher line = LiveRun.METRICS_LINE.matcher(String.join("\n", lines));
                assertTrue(line.find(), lines.toString());
                prometheus.scrape(List.of(Integer.parseInt(line.group(1))));
                assertTrue(run.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), "the run ends: " + lines);
            } finally {
                if (run.isAlive()) {
                    run.destroyForcibly();
                }
            }
            reader.join();
            assertTrue(run.exitValue() == 0 || run.exitValue() == 4, run.exitValue() + ": " + lines);
            assertTrue(lines.stream().noneMatch(l -> l.contains("no scrape read the final metrics")),
                    lines.toString());

            // The run answered a scrape of its final totals before it exited; Prometheus stores it once read.
            Await.until("Prometheus holds the final scrape",
                    () -> prometheus.lastSum("stratumlab_loadgen_run_finished") == 1,
                    prometheus::log, WAIT);
            Summary summary = SummaryFile.read(out.resolve(SummaryFile.FILE_NAME));
            Summary.Submits submits = summary.submits();
            Map<String, Long> expected = new java.util.LinkedHashMap<>();
            expected.put("stratumlab_loadgen_submits_sent_total", submits.sent());
            expected.put("stratumlab_loadgen_submits_total{outcome=\"accepted\"}", submits.accepted());
            expected.put("stratumlab_loadgen_submits_total{outcome=\"rejected\"}", submits.rejectedTotal());
            expected.put("stratumlab_loadgen_submits_total{outcome=\"errors\"}", submits.errors());
            expected.put("stratumlab_loadgen_submits_total{outcome=\"unanswered\"}", submits.unanswered());
            expected.put("stratumlab_loadgen_submits_rejected_total{reason=\"stale\"}",
                    submits.rejected().stale());
            expected.put("stratumlab_loadgen_submits_rejected_total{reason=\"other\"}",
                    submits.rejected().other());
            expected.put("stratumlab_loadgen_notifies_received_total", summary.notifies().received());
            expected.put("stratumlab_loadgen_jobs_total", summary.notifies().jobs());
            expected.put("stratumlab_loadgen_events_scheduled_total", summary.generator().scheduled());
            expected.put("stratumlab_loadgen_miners_subscribed_max", summary.miners().subscribed());
            expected.put("stratumlab_loadgen_submit_latency_seconds_count",
                    summary.latencyUs().submit().count());
            expected.put("stratumlab_loadgen_submit_honest_latency_seconds_count",
                    summary.latencyUs().of(Metric.SUBMIT_HONEST).count());
            expected.put("stratumlab_loadgen_lag_seconds_count", summary.latencyUs().lag().count());
            assertTrue(submits.sent() > 0 && submits.rejectedTotal() > 0, submits.toString());
            Map<String, Double> scraped = new java.util.LinkedHashMap<>();
            for (String series : expected.keySet()) {
                scraped.put(series, prometheus.lastSum(series)); // the generator is gone by then
            }
            Map<String, Double> wanted = new java.util.LinkedHashMap<>();
            expected.forEach((series, n) -> wanted.put(series, (double) n));
            assertEquals(wanted, scraped);
            assertTrue(prometheus.value("count_over_time(stratumlab_loadgen_run_finished[10m])") >= 2,
                    "scraped while it ran, not only at the end");
        }
    }
}
