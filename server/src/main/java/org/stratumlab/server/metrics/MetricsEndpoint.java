package org.stratumlab.server.metrics;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;

/** Serves {@code /metrics} in the Prometheus text format on 127.0.0.1, off the event loops (its own threads). */
public final class MetricsEndpoint implements AutoCloseable {
    private final HTTPServer http;

    private MetricsEndpoint(HTTPServer http) {
        this.http = http;
    }

    /**
     * @param metrics what to expose
     * @param port the port, 0 for any free one
     * @return the running endpoint
     * @throws IOException if the port cannot be bound
     */
    public static MetricsEndpoint start(ServerMetrics metrics, int port) throws IOException {
        return new MetricsEndpoint(HTTPServer.builder().hostname("127.0.0.1").port(port)
                .registry(metrics.registry()).buildAndStart());
    }

    /** @return the bound port */
    public int port() {
        return http.getPort();
    }

    @Override
    public void close() {
        http.close();
    }
}
