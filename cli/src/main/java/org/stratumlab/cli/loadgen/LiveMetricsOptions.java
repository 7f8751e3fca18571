package org.stratumlab.cli.loadgen;

import java.io.PrintWriter;
import java.util.List;
import org.stratumlab.cli.options.Converters;
import org.stratumlab.loadgen.metrics.LiveMetrics;
import org.stratumlab.loadgen.units.Units;
import org.stratumlab.server.metrics.MetricsEndpoint;
import picocli.CommandLine.Option;

/**
 * {@code --metrics-port}, {@code --metrics-host} and {@code --metrics-linger}, the same on {@code loadgen} and {@code run} (a picocli
 * mixin): the run's live Prometheus endpoint, opened before the run and closed once its summary is written. What
 * they say is a {@link LiveMetricsSettings}, which a run passes on to the runs it starts.
 */
public final class LiveMetricsOptions {
    @Option(names = LiveMetricsSettings.PORT_OPTION, paramLabel = "PORT",
            description = "Serve live Prometheus metrics at http://127.0.0.1:PORT/metrics while the run goes and "
                    + "until its summary is written; 0 picks a free port and prints it (default: none).")
    private Integer port;

    @Option(names = LiveMetricsSettings.HOST_OPTION, paramLabel = "HOST",
            description = "The address the metrics listen on, e.g. 0.0.0.0 for a Prometheus on another machine "
                    + "(default: " + MetricsEndpoint.LOOPBACK + ", this machine only).")
    private String host;

    @Option(names = LiveMetricsSettings.LINGER_OPTION, paramLabel = "DURATION",
            converter = Converters.DurationNs.class,
            description = "Once the summary is written, keep the metrics up until a scrape has read the final "
                    + "totals, waiting at most this long (default: 0, close at once).")
    private Long lingerNs;

    /**
     * Opens the endpoint, before anything else of the run starts.
     *
     * @param shard the value of every family's {@code shard} label ({@link LiveMetrics#UNSHARDED} for a run of
     *        one process)
     * @return the endpoint, or {@code null} without {@code --metrics-port}
     * @throws IllegalArgumentException naming the option, for a port out of range or in use, or a linger without
     *         a port
     */
    public LiveMetrics start(String shard) {
        LiveMetricsSettings settings = settings();
        return settings == null ? null : settings.start(shard);
    }

    /**
     * Checks what can be checked without opening the port.
     *
     * @throws IllegalArgumentException for a linger or a host without a port
     */
    public void check() {
        if (port == null && lingerNs != null) {
            throw new IllegalArgumentException(
                    "--metrics-linger needs --metrics-port: without it there is nothing to linger for");
        }
        if (port == null && host != null) {
            throw new IllegalArgumentException(
                    "--metrics-host needs --metrics-port: without it nothing listens there");
        }
    }

    /**
     * @return the options as given, or {@code null} without {@code --metrics-port}
     * @throws IllegalArgumentException for a linger or a host without a port ({@link #check()})
     */
    public LiveMetricsSettings settings() {
        check();
        return port == null ? null : new LiveMetricsSettings(port, host, lingerNs);
    }

    /**
     * Prints where the metrics are, one line ({@code metrics http://127.0.0.1:PORT/metrics}): the port a
     * {@code --metrics-port 0} picked.
     *
     * @param live the endpoint, or {@code null}
     * @param out where the line goes
     */
    public void announce(LiveMetrics live, PrintWriter out) {
        if (live != null) {
            out.println("metrics http://" + settings().address() + ":" + live.port() + "/metrics");
            out.flush();
        }
    }

    /**
     * Marks the metrics final (summary.json is written) and lingers for a scrape; says so when none came.
     *
     * @param live the endpoint, or {@code null}
     * @param err where a linger that saw no scrape is reported
     * @param command the command's name, e.g. {@code stratumlab loadgen}
     * @throws InterruptedException if interrupted while lingering
     */
    public void finish(LiveMetrics live, PrintWriter err, String command) throws InterruptedException {
        if (live == null) {
            return;
        }
        long linger = lingerNs == null ? 0 : lingerNs;
        if (!live.finish(linger) && linger > 0) {
            err.println(command + ": no scrape read the final metrics within --metrics-linger "
                    + Units.formatDurationNs(linger));
            err.flush();
        }
    }

    /** @return the options as given, to pass on to a child run ({@code --repeat}); none without a port */
    public List<String> arguments() {
        LiveMetricsSettings settings = settings();
        return settings == null ? List.of() : settings.arguments();
    }
}
