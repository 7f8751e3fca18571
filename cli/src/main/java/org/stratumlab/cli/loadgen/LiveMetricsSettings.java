package org.stratumlab.cli.loadgen;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.stratumlab.loadgen.metrics.LiveMetrics;
import org.stratumlab.loadgen.units.Units;
import org.stratumlab.server.metrics.MetricsEndpoint;

/**
 * A run's live metrics as its options gave them ({@link LiveMetricsOptions}): what the run opens, and what it
 * passes on to the runs it starts, a {@code --repeat} series' runs and the shards of a sharded run
 * ({@code ShardLaunch}), as the same options.
 *
 * @param port the port, 0 for any free one
 * @param host the address to listen on, or {@code null} for {@link MetricsEndpoint#LOOPBACK} (not passed on)
 * @param lingerNs how long to keep the endpoint up for a scrape of the final totals, or {@code null} for no
 *        linger (not passed on)
 */
public record LiveMetricsSettings(int port, String host, Long lingerNs) {
    /** The option of the port, as {@code run} and {@code loadgen} name it. */
    static final String PORT_OPTION = "--metrics-port";
    /** The option of the address. */
    static final String HOST_OPTION = "--metrics-host";
    /** The option of the linger. */
    static final String LINGER_OPTION = "--metrics-linger";

    /** @return the address the endpoint listens on */
    public String address() {
        return host != null ? host : MetricsEndpoint.LOOPBACK;
    }

    /**
     * @param other a port
     * @return the same settings on that port
     */
    public LiveMetricsSettings onPort(int other) {
        return new LiveMetricsSettings(other, host, lingerNs);
    }

    /**
     * Opens the endpoint.
     *
     * @param shard the value of every family's {@code shard} label
     * @return the running endpoint
     * @throws IllegalArgumentException naming the options, for a port out of range or in use, or an address this
     *         machine does not have
     */
    public LiveMetrics start(String shard) {
        try {
            return LiveMetrics.start(address(), port, shard);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    (host != null ? HOST_OPTION + ", " + PORT_OPTION : PORT_OPTION)
                            + ": cannot serve metrics on "
                            + address() + ":" + port + ": " + e.getMessage(),
                    e);
        }
    }

    /** @return the options that give these settings, in the order of {@code --help} */
    public List<String> arguments() {
        List<String> args = new ArrayList<>(List.of(PORT_OPTION, Integer.toString(port)));
        if (host != null) {
            args.addAll(List.of(HOST_OPTION, host));
        }
        if (lingerNs != null) {
            args.addAll(List.of(LINGER_OPTION, Units.formatDurationNs(lingerNs)));
        }
        return args;
    }
}
