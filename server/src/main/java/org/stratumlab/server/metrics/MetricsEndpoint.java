package org.stratumlab.server.metrics;

import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves {@code /metrics} in the Prometheus text format, off the event loops (its own threads), for the simulator
 * and the load generator alike: on {@link #LOOPBACK} unless told otherwise. It counts the scrapes it began and those it finished, so that a run
 * can wait until a scrape that began after its final totals has been answered ({@link #awaitScrapeAfter}).
 *
 * <p>The exposition is the Prometheus client's own ({@link MetricsHandler}); the JDK's HTTP server carries it,
 * as the client's {@code HTTPServer} does, here with a handler around it that counts what it served.
 */
public final class MetricsEndpoint implements AutoCloseable {
    /** Where an endpoint listens by default: only this machine can scrape it. */
    public static final String LOOPBACK = "127.0.0.1";
    private static final String PATH = "/metrics";

    private final HttpServer http;
    private final ExecutorService threads;
    private final AtomicLong begun = new AtomicLong();
    /** The highest ticket of a scrape that has been answered; guarded by {@code this}. */
    private long lastAnswered;

    private MetricsEndpoint(HttpServer http, ExecutorService threads) {
        this.http = http;
        this.threads = threads;
    }

    /**
     * @param registry what to expose
     * @param port the port on {@link #LOOPBACK}, 0 for any free one
     * @return the running endpoint
     * @throws IOException if the port cannot be bound
     */
    public static MetricsEndpoint start(PrometheusRegistry registry, int port) throws IOException {
        return start(registry, LOOPBACK, port);
    }

    /**
     * @param registry what to expose
     * @param host the address to listen on, e.g. {@code 0.0.0.0} to be scraped from other machines
     * @param port the port, 0 for any free one
     * @return the running endpoint
     * @throws IOException if the address cannot be bound
     */
    public static MetricsEndpoint start(PrometheusRegistry registry, String host, int port)
            throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 0);
        // Two threads: a scrape never waits behind another scraper's slow read.
        ExecutorService threads = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "metrics-http");
            thread.setDaemon(true);
            return thread;
        });
        MetricsEndpoint endpoint = new MetricsEndpoint(http, threads);
        MetricsHandler exposition = new MetricsHandler(registry);
        http.createContext(PATH, exchange -> {
            long ticket = endpoint.begun.incrementAndGet();
            try {
                exposition.handle(exchange); // writes the whole response and closes the exchange
            } finally {
                endpoint.answered(ticket);
            }
        });
        http.setExecutor(threads);
        http.start();
        return endpoint;
    }

    /** @return the bound port */
    public int port() {
        return http.getAddress().getPort();
    }

    /** @return how many scrapes have begun so far: a mark to pass to {@link #awaitScrapeAfter} */
    public long scrapesBegun() {
        return begun.get();
    }

    /**
     * Waits until a scrape that began after {@code mark} has been answered: what it exposed was read after the
     * mark was taken.
     *
     * @param mark a value of {@link #scrapesBegun()}
     * @param timeoutNs the longest to wait
     * @return whether such a scrape was answered in time
     * @throws InterruptedException if interrupted while waiting
     */
    public synchronized boolean awaitScrapeAfter(long mark, long timeoutNs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNs;
        while (lastAnswered <= mark) {
            long leftNs = deadline - System.nanoTime();
            if (leftNs <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, leftNs);
        }
        return true;
    }

    private synchronized void answered(long ticket) {
        lastAnswered = Math.max(lastAnswered, ticket);
        notifyAll();
    }

    @Override
    public void close() {
        http.stop(0);
        threads.shutdownNow();
    }
}
