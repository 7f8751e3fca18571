package org.stratumlab.cli.loadgen;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stratumlab.cli.StratumLab;
import org.stratumlab.testing.Await;
import org.stratumlab.testing.Prometheus;
import picocli.CommandLine;

/**
 * A {@code stratumlab} command with {@code --metrics-port 0} running on a thread of its own, its output read while
 * it runs: where its metrics are, and the scrape that reads its final totals (which ends its linger).
 */
public final class LiveRun {
    /** The line a run prints where its metrics are. */
    public static final Pattern METRICS_LINE = Pattern
            .compile("(?m)^metrics http://127\\.0\\.0\\.1:(\\d+)/metrics$");
    /** The series that is 1 once the run's summary is written. */
    static final String FINISHED = "stratumlab_loadgen_run_finished{shard=\"0\"}";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CompletableFuture<Integer> exit;

    private LiveRun(String... args) {
        CommandLine cmd = StratumLab.commandLine(CommandLine.defaultFactory());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        exit = CompletableFuture.supplyAsync(() -> cmd.execute(args));
    }

    /**
     * @param args the command line, e.g. {@code run FILE --metrics-port 0 --metrics-linger 30s}
     * @return the command, started
     */
    public static LiveRun start(String... args) {
        return new LiveRun(args);
    }

    /** @return the port its metrics line names, once printed */
    public int metricsPort(Duration timeout) {
        Await.until("the run prints where its metrics are", () -> METRICS_LINE.matcher(out.toString()).find()
                || exit.isDone(), this::output, timeout);
        Matcher line = METRICS_LINE.matcher(out.toString());
        if (!line.find()) {
            throw new AssertionError("no metrics line: " + output());
        }
        return Integer.parseInt(line.group(1));
    }

    /**
     * Waits until the run has written its results (its {@code report} line), then scrapes until a scrape shows
     * them final: the scrape that ends the run's linger.
     *
     * @return that scrape's body
     */
    public String finalScrape(int port, Duration timeout) {
        Await.until("the run writes its report", () -> out.toString().contains("\nreport ") || exit.isDone(),
                this::output, timeout);
        String[] body = {""};
        Await.until("a scrape shows the run finished", () -> {
            body[0] = scrape(port);
            return Prometheus.value(body[0], FINISHED) == 1;
        }, () -> output() + "\nlast scrape:\n" + body[0], timeout);
        return body[0];
    }

    /** @return its exit code, once it has ended */
    public int exitCode(Duration timeout) throws Exception {
        return exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @return what it printed so far, both streams */
    public String output() {
        return out + "\n" + err;
    }

    private static String scrape(int port) {
        try {
            return Prometheus.scrape(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
