package org.stratumlab.cli.server;

import java.math.BigInteger;
import org.stratumlab.cli.options.Converters;
import org.stratumlab.protocol.dialect.Dialect;
import org.stratumlab.server.ServerConfig;
import org.stratumlab.server.ServerSecret;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The simulator's options, as a picocli mixin: {@code stratumlab server} takes them as they are, and
 * {@code stratumlab loadgen} takes them for its embedded server as {@code --server.<name>}, parsed by these same
 * definitions so that the two never drift apart.
 */
public final class ServerOptions {
    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Listen address, as the node's stratum_listen_address (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", defaultValue = "32525",
            description = "Listen port, as the node's stratum_port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @ArgGroup(exclusive = true)
    private Auth auth;

    static final class Auth {
        @Option(names = "--password", paramLabel = "P", required = true,
                description = "Accept subscribes with this password only (default: any password).")
        String password;

        @Option(names = "--secret", paramLabel = "HEX", required = true,
                description = "The node's stratum_secret: keccak256 of the password, 64 hex digits.")
        String secret;
    }

    @Option(names = "--difficulty", paramLabel = "D", defaultValue = "4",
            converter = Converters.DifficultyValue.class,
            description = "Difficulty of every job; the node's test-mode default (default: ${DEFAULT-VALUE}).")
    private BigInteger difficulty;

    @Option(names = "--window", paramLabel = "N", defaultValue = "1",
            description = "How many recent jobs a submit may solve, as pow_problem_window_size (default: ${DEFAULT-VALUE}).")
    private int window;

    @Option(names = "--dialect", defaultValue = "conflux",
            description = "conflux (the node's bytes) or doc (the public documentation's shapes) (default: ${DEFAULT-VALUE}).")
    private String dialect;

    @Option(names = "--block-interval", paramLabel = "DURATION", defaultValue = "500ms",
            converter = Converters.DurationNs.class,
            description = "A new job this often, like Conflux's block rate; 0 turns the timer off (default: 500ms).")
    private long blockIntervalNs;

    @Option(names = "--new-job-on-solution", paramLabel = "BOOL", defaultValue = "true", arity = "0..1",
            fallbackValue = "true",
            description = "Make a new job after each accepted solution, as the node does; false makes accepted "
                    + "solutions behave like pool shares (default: ${DEFAULT-VALUE}).")
    private boolean newJobOnSolution;

    @Option(names = "--notify-on-subscribe", paramLabel = "BOOL", defaultValue = "false", arity = "0..1",
            fallbackValue = "true",
            description = "Send the current job right after a successful subscribe; the node does not (default: ${DEFAULT-VALUE}).")
    private boolean notifyOnSubscribe;

    @Option(names = "--height", paramLabel = "H", defaultValue = "1",
            description = "Height of the first job; each new job adds one (default: ${DEFAULT-VALUE}).")
    private long height;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the problem hashes: the same seed gives the same jobs (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--max-line-bytes", paramLabel = "SIZE", defaultValue = "16384",
            converter = Converters.SizeBytes.class,
            description = "Longest request line; a longer one gets an error and the connection is closed (default: ${DEFAULT-VALUE}).")
    private int maxLineBytes;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = "300s",
            converter = Converters.DurationNs.class,
            description = "Close a connection that sends nothing for this long; 0 never (default: 300s).")
    private long idleTimeoutNs;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "200000",
            description = "Connections beyond this many are accepted and closed at once (default: ${DEFAULT-VALUE}).")
    private int maxConnections;

    @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "-1",
            description = "Serve Prometheus metrics at http://127.0.0.1:PORT/metrics; 0 picks a free port (default: off).")
    private int metricsPort;

    @Option(names = "--heartbeat", paramLabel = "DURATION", defaultValue = "60s",
            converter = Converters.DurationNs.class,
            description = "Re-push the current job after this long without a push, as the node does (default: 60s).")
    private long heartbeatNs;

    @Option(names = "--io-threads", paramLabel = "N",
            description = "Event-loop threads serving connections (default: the number of cores).")
    private Integer ioThreads;

    /**
     * @return the validated settings
     * @throws IllegalArgumentException naming the first bad setting
     */
    public ServerConfig toConfig() {
        ServerConfig.Builder builder = ServerConfig.builder().host(host).port(port).difficulty(difficulty)
                .window(window).dialect(Dialect.byName(dialect)).blockIntervalNs(blockIntervalNs)
                .newJobOnSolution(newJobOnSolution).notifyOnSubscribe(notifyOnSubscribe)
                .startHeight(height).seed(seed)
                .maxLineBytes(maxLineBytes).idleTimeoutNs(idleTimeoutNs).maxConnections(maxConnections)
                .metricsPort(metricsPort).heartbeatNs(heartbeatNs);
        if (ioThreads != null) {
            builder.ioThreads(ioThreads);
        }
        if (auth != null) {
            builder.secret(auth.password != null
                    ? ServerSecret.ofPassword(auth.password)
                    : ServerSecret.ofHex(auth.secret));
        }
        return builder.build();
    }

}
