package org.stratumlab.cli.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.stratumlab.testing.Await;

/**
 * A real Prometheus (Debian's {@code prometheus} package, 2.42) as a process of its own: its own config, storage
 * and web port, scraping every second the targets a test names in its file of targets (which it watches, so that a
 * target can be added once its port is known). Queried through its HTTP API.
 */
public final class PrometheusServer implements AutoCloseable {
    /** Where Debian's package puts the binary. */
    static final Path BINARY = Path.of("/usr/bin/prometheus");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path dir;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PrometheusServer(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /**
     * Skips the test where Prometheus is not installed, except under CI ({@code CI=true}), which installs it
     * ({@code .ci/run}): there its absence fails the test.
     */
    public static void assumeInstalled() {
        if (Files.isExecutable(BINARY)) {
            return;
        }
        String why = BINARY + " is missing: apt-get install -y --no-install-recommends prometheus";
        if ("true".equals(System.getenv("CI"))) {
            fail(why + " (CI=true: .ci/run installs it)");
        }
        assumeTrue(false, why);
    }

    /**
     * @param dir its folder: config, file of targets, storage and log
     * @return a running Prometheus, ready for queries, scraping nothing yet
     */
    public static PrometheusServer start(Path dir) throws IOException {
        Path targets = dir.resolve("targets.json");
        Files.writeString(targets, "[]");
        // scrape_timeout must not exceed the interval (the default, 10 s, would).
        Path config = Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                scrape_configs:
                  - job_name: stratumlab
                    file_sd_configs:
                      - files: ['%s']
                        refresh_interval: 1s
                """.formatted(targets));
        int port = freePort();
        Process process = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn").redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        PrometheusServer server = new PrometheusServer(process, dir, port);
        Await.until("Prometheus is ready", server::ready, server::log, WAIT);
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** @param ports the ports on 127.0.0.1 to scrape {@code /metrics} of from now on */
    public void scrape(List<Integer> ports) throws IOException {
        String list = String.join(",", ports.stream().map(p -> "\"127.0.0.1:" + p + "\"").toList());
        Path next = dir.resolve("targets.json.next");
        Files.writeString(next, "[{\"targets\": [" + list + "]}]");
        Files.move(next, dir.resolve("targets.json"), StandardCopyOption.ATOMIC_MOVE); // never read half-written
    }

    /**
     * @param promql an instant query, at the present
     * @return its result: a vector's samples, each with {@code metric} and {@code value}
     */
    public JsonNode query(String promql) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/api/v1/query?query=" + URLEncoder.encode(promql,
                        StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), promql + ": " + response.body());
        return JSON.readTree(response.body()).path("data").path("result");
    }

    /**
     * @param promql an instant query whose result is one sample (an aggregation)
     * @return its value, or NaN when the result is empty
     */
    public double value(String promql) {
        try {
            JsonNode result = query(promql);
            return result.isEmpty()
                    ? Double.NaN
                    : Double.parseDouble(result.get(0).path("value").get(1).asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param series a series selector, e.g. {@code stratumlab_loadgen_submits_sent_total}
     * @return the latest value Prometheus holds of each of its series, summed (over the shards, say); the stale
     *         markers Prometheus writes once a target is gone are passed over
     */
    public double lastSum(String series) {
        return value("sum(last_over_time(" + series + "[10m]))");
    }

    private boolean ready() {
        if (!process.isAlive()) {
            fail("Prometheus exited with " + process.exitValue() + ": " + log());
        }
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** @return what Prometheus logged */
    public String log() {
        try {
            return Files.readString(dir.resolve("prometheus.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops it and waits for it to end, or kills it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (process.waitFor(30, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }
}
