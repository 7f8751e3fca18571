package org.stratumlab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stratumlab.testing.Await;
import org.stratumlab.testing.Prometheus;

/**
 * {@code stratumlab server} as a user runs it, a JVM of its own on loopback with its Prometheus endpoint, each on
 * a free port: the one endpoint the shards of a sharded run are aimed at, whose own counters a test compares
 * theirs with. The JVM runs without the tests' JVM options (paranoid leak detection in several JVMs on two busy
 * cores would slow a run to a crawl).
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile(
            "stratumlab server listening on 127\\.0\\.0\\.1:(\\d+) .*metrics=http://127\\.0\\.0\\.1:(\\d+)/metrics");
    private static final Duration READY = Duration.ofSeconds(60);

    private final Process process;
    private final List<String> lines;
    private final int port;
    private final int metricsPort;

    private ServerProcess(Process process, List<String> lines, int port, int metricsPort) {
        this.process = process;
        this.lines = lines;
        this.port = port;
        this.metricsPort = metricsPort;
    }

    /**
     * @param options options of {@code stratumlab server} besides its ports, e.g. {@code --difficulty 4}
     * @return the server, listening
     */
    public static ServerProcess start(String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("server", "--port", "0", "--metrics-port", "0"));
        args.addAll(List.of(options));
        Process process = new ProcessBuilder(ChildCommand.of(List.of(), args.toArray(String[]::new)))
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> readAll(process, lines), "server-output");
        reader.setDaemon(true);
        reader.start();
        try {
            Await.until("the server listens", () -> lines.stream().anyMatch(l -> LISTENING.matcher(l).find()),
                    lines::toString, READY);
        } catch (AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
        Matcher listening = lines.stream().map(LISTENING::matcher).filter(Matcher::find).findFirst()
                .orElseThrow();
        return new ServerProcess(process, lines, Integer.parseInt(listening.group(1)),
                Integer.parseInt(listening.group(2)));
    }

    /** @return its Stratum port on 127.0.0.1 */
    public int port() {
        return port;
    }

    /** @return its metrics port on 127.0.0.1 */
    public int metricsPort() {
        return metricsPort;
    }

    /** @return a scrape of its {@code /metrics} */
    public String scrape() throws IOException, InterruptedException {
        return Prometheus.scrape(metricsPort);
    }

    /** @return what it printed so far */
    public List<String> output() {
        return List.copyOf(lines);
    }

    /** Stops it as Ctrl-C would (it prints its final counters) and waits for it to end, or kills it. */
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

    private static void readAll(Process process, List<String> lines) {
        try {
            ChildCommand.readLines(process, lines);
        } catch (UncheckedIOException e) {
            lines.add("(output ended: " + e + ")"); // the server was stopped
        }
    }
}
