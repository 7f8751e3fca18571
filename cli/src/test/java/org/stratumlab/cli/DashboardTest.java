package org.stratumlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.cli.loadgen.LiveRun;
import org.stratumlab.server.ServerConfig;
import org.stratumlab.server.StratumServer;
import org.stratumlab.testing.Prometheus;

/**
 * The Grafana dashboard ({@code deploy/grafana/stratumlab.json}) asks only for series that exist: every metric
 * name in a panel's query or a variable's is one that a load run's {@code /metrics} or the simulator's actually
 * serves (both scraped here, after a short run of one against the other), so the dashboard cannot drift from the
 * code.
 */
@Timeout(120)
class DashboardTest {
    private static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "stratumlab.json");
    /** A metric name of ours in PromQL: not a label, a variable ({@code $shard}) or a function. */
    private static final Pattern METRIC = Pattern.compile("(?<![\\w$])(stratum(?:lab)?_[a-zA-Z0-9_:]+)");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path out;

    @Test
    void everyMetricTheDashboardQueriesIsServed() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        Set<String> generator;
        Set<String> server;
        try (StratumServer node = StratumServer.start(ServerConfig.builder().port(0).metricsPort(0)
                .difficulty(BigInteger.ONE).blockIntervalNs(200_000_000L).newJobOnSolution(false)
                .notifyOnSubscribe(true).ioThreads(1).build())) {
            LiveRun run = LiveRun.start("loadgen", "--target", "127.0.0.1:" + node.localAddress().getPort(),
                    "--miners", "4", "--solve-rate", "10", "--duration", "2s", "--io-threads", "1",
                    "--allow-shortfall", "--out", out.toString(), "--metrics-port", "0", "--metrics-linger",
                    "10m");
            generator = Prometheus.sampleNames(run.finalScrape(run.metricsPort(WAIT), WAIT));
            assertEquals(ExitCode.SUCCESS.code(), run.exitCode(WAIT), run.output());
            server = Prometheus.sampleNames(Prometheus.scrape(node.metricsPort()));
        }

        List<String> queries = queries(dashboard);
        Set<String> used = new TreeSet<>();
        for (String query : queries) {
            Matcher name = METRIC.matcher(query);
            boolean any = false;
            while (name.find()) {
                any = true;
                used.add(name.group(1));
            }
            assertTrue(any, "a query of none of our metrics: " + query);
        }
        for (String name : used) {
            Set<String> served = name.startsWith("stratumlab_loadgen_") ? generator : server;
            assertTrue(served.contains(name), name + " is not served; "
                    + (served == generator ? "the generator" : "the server") + " serves " + served);
        }
        assertTrue(used.stream().anyMatch(n -> n.startsWith("stratum_")), "the server's panels: " + used);
        assertTrue(used.stream().anyMatch(n -> n.endsWith("_bucket")),
                "latency from the histograms: " + used);
        assertTrue(queries.stream().anyMatch(q -> q.contains("by (shard")), "a per-shard breakdown");
    }

    @Test
    void itIsADashboardGrafanaImports() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        assertTrue(dashboard.path("schemaVersion").asInt() >= 36, "Grafana 9/10's schema");
        assertFalse(dashboard.path("uid").asText().isEmpty(), "a uid, so that an import replaces it");
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            String title = panel.path("title").asText();
            assertTrue(ids.add(panel.path("id").asInt()), "panel ids are unique: " + title);
            assertTrue(panel.path("gridPos").has("w") && panel.path("gridPos").has("h"), title);
            if (!panel.path("type").asText().equals("row")) {
                assertEquals("${datasource}", panel.path("datasource").path("uid").asText(), title);
                assertFalse(panel.path("targets").isEmpty(), "a panel with no query: " + title);
            }
        }
    }

    /** @return every PromQL query: the panels' targets and the query variables' definitions */
    private static List<String> queries(JsonNode dashboard) {
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(target.path("expr").asText());
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                queries.add(variable.path("definition").asText());
            }
        }
        return queries;
    }
}
