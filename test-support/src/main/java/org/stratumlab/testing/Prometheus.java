package org.stratumlab.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a metrics endpoint the way Prometheus does: an HTTP GET of {@code /metrics}, text format. Shared by the
 * server's tests and those that check a run against a server process's own counters.
 */
public final class Prometheus {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private Prometheus() {
    }

    /**
     * @param port the metrics endpoint's port on 127.0.0.1
     * @return the body of {@code /metrics}
     */
    public static String scrape(int port) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(WAIT).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    /** @return the value of the one sample named exactly {@code series} (name and labels) */
    public static double value(String body, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)").matcher(body);
        if (!matcher.find()) {
            throw new AssertionError(series + " missing from:\n" + body);
        }
        return Double.parseDouble(matcher.group(1));
    }
}
