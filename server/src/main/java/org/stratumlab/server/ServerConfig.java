package org.stratumlab.server;

import java.math.BigInteger;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.stratumlab.pow.PowAlgorithms;
import org.stratumlab.pow.octopus.OctopusStage;
import org.stratumlab.protocol.dialect.Dialect;
import org.stratumlab.protocol.transport.NettyTransport;
import org.stratumlab.server.metrics.MetricsEndpoint;

/**
 * Everything the simulator is configured with, validated once. Names mirror the node's settings where it has them
 * (docs/protocol.md §8). Build one with {@link #builder()}; every field has the default documented on its builder method.
 *
 * @param host the listen address ({@code stratum_listen_address})
 * @param port the listen port, 0 for any free port ({@code stratum_port})
 * @param secret the password check, or {@code null} to accept any password ({@code stratum_secret})
 * @param difficulty the jobs' difficulty, at least 1
 * @param window how many recent jobs a submit may solve ({@code pow_problem_window_size})
 * @param dialect how notifies and results are spelled
 * @param blockIntervalNs a new job every this often; 0 turns the block timer off
 * @param newJobOnSolution whether an accepted solution makes a new job at once (the node's behaviour)
 * @param notifyOnSubscribe whether a successful subscribe is followed by the current job (docs/protocol.md §7)
 * @param startHeight the first job's height
 * @param seed the seed of the problem hashes (a builder without one draws a fresh one)
 * @param maxLineBytes the longest request line, without its line end (docs/protocol.md §7)
 * @param idleTimeoutNs close a connection that sends nothing for this long; 0 never (the default, as on the node)
 * @param maxConnections connections beyond this many are accepted and closed at once
 * @param metricsPort the port of the Prometheus endpoint; -1 for none, 0 for any free port
 * @param metricsHost the address the Prometheus endpoint listens on: {@link MetricsEndpoint#LOOPBACK}, or e.g.
 *        {@code 0.0.0.0} to be scraped from another machine (a pod of a cluster)
 * @param heartbeatNs re-push the current job after this long without a push (the node: 60 s)
 * @param ioThreads event-loop threads serving connections
 * @param pow the proof of work submits are checked with: {@code keccak} (the node's dev-mode rule) or
 *        {@code octopus} (the node with {@code use_octopus_in_test_mode}; docs/protocol.md §6b)
 * @param subscribeTimeoutNs close a connection that has not subscribed this long after it opened; 0 never
 * @param nodeLimits behave like the node's transport instead (docs/protocol.md §1): at most 1024 connections
 *        served, the others held unread; no line limit, no idle or subscribe timeout, pushes to a slow reader
 *        queued; {@code maxLineBytes}, {@code idleTimeoutNs}, {@code subscribeTimeoutNs} and
 *        {@code maxConnections} are then not applied
 * @param transport the Netty transport: {@code auto}, {@code io_uring}, {@code epoll} or {@code nio}
 *        ({@link NettyTransport#CHOICES})
 */
public record ServerConfig(String host, int port, ServerSecret secret, BigInteger difficulty, int window,
        Dialect dialect, long blockIntervalNs, boolean newJobOnSolution, boolean notifyOnSubscribe,
        long startHeight,
        long seed, int maxLineBytes, long idleTimeoutNs, int maxConnections, int metricsPort,
        String metricsHost, long heartbeatNs,
        int ioThreads, String pow, long subscribeTimeoutNs, boolean nodeLimits, String transport) {
    /** The longest request line by default (docs/protocol.md §7): what line attacks aim just under and over. */
    public static final int DEFAULT_MAX_LINE_BYTES = 16_384;

    /** The node's default Stratum port. */
    public static final int DEFAULT_PORT = 32525;
    /** The first job's height when none is given, with {@code keccak}. */
    public static final long DEFAULT_START_HEIGHT = 1;
    /**
     * The first job's height when none is given, with {@code octopus}: a height of today's mainnet order, so that
     * the stage, its cache size and its seed are those a real miner works with.
     */
    public static final long OCTOPUS_DEFAULT_START_HEIGHT = 100_000_000;

    /** Validates every field; messages name the field, the value and the bound. */
    public ServerConfig {
        require(host != null && !host.isBlank(), "host must not be empty");
        require(port >= 0 && port <= 65535, "port must be in 0..65535, was " + port);
        require(difficulty != null && difficulty.signum() > 0,
                "difficulty must be at least 1, was " + difficulty);
        require(difficulty.bitLength() <= 256, "difficulty must be below 2^256");
        require(window >= 1 && window <= 1024, "window must be in 1..1024, was " + window);
        require(dialect != null, "dialect must be set");
        require(blockIntervalNs >= 0, "block interval must not be negative");
        require(startHeight >= 0, "height must not be negative, was " + startHeight);
        require(maxLineBytes >= 64, "max line bytes must be at least 64, was " + maxLineBytes);
        require(idleTimeoutNs >= 0, "idle timeout must not be negative");
        require(maxConnections >= 1, "max connections must be at least 1, was " + maxConnections);
        require(metricsPort >= -1 && metricsPort <= 65535,
                "metrics port must be in 0..65535, was " + metricsPort);
        require(metricsHost != null && !metricsHost.isBlank(), "metrics host must be set");
        require(heartbeatNs > 0, "heartbeat must be positive");
        require(ioThreads >= 1 && ioThreads <= NettyTransport.MAX_THREADS,
                "io threads must be in 1.." + NettyTransport.MAX_THREADS + ", was " + ioThreads);
        require(subscribeTimeoutNs >= 0, "subscribe timeout must not be negative");
        require(pow != null, "pow must be set");
        require(transport != null, "transport must be set");
        try {
            transport = NettyTransport.requireChoice(transport);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("transport " + e.getMessage(), e);
        }
        PowAlgorithms.requireKnown(pow);
        require(!isOctopus() || startHeight <= OctopusStage.MAX_HEIGHT,
                "height must be at most " + OctopusStage.MAX_HEIGHT + " with pow octopus, was "
                        + startHeight);
    }

    /** @return whether submits are checked with Octopus (off the event loops) rather than the Keccak rule */
    public boolean isOctopus() {
        return PowAlgorithms.OCTOPUS.equals(pow);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * The same settings on another port: a restarted server keeps the port its miners know.
     *
     * @param newPort the port
     * @return the copy
     */
    public ServerConfig withPort(int newPort) {
        return toBuilder().port(newPort).build();
    }

    /**
     * The same settings with another chain: what a phase's retarget changes, or a restart's new chain.
     *
     * @param newDifficulty the difficulty
     * @param newWindow the stale window
     * @param newBlockIntervalNs the block interval
     * @param newSeed the seed of the problem hashes
     * @return the copy
     */
    public ServerConfig withChain(BigInteger newDifficulty, int newWindow, long newBlockIntervalNs,
            long newSeed) {
        return toBuilder().difficulty(newDifficulty).window(newWindow).blockIntervalNs(newBlockIntervalNs)
                .seed(newSeed).build();
    }

    /** @return a builder holding these settings, to change some of them */
    public Builder toBuilder() {
        return new Builder().host(host).port(port).secret(secret).difficulty(difficulty).window(window)
                .dialect(dialect).blockIntervalNs(blockIntervalNs).newJobOnSolution(newJobOnSolution)
                .notifyOnSubscribe(notifyOnSubscribe).startHeight(startHeight).seed(seed)
                .maxLineBytes(maxLineBytes).idleTimeoutNs(idleTimeoutNs).maxConnections(maxConnections)
                .metricsPort(metricsPort).metricsHost(metricsHost).heartbeatNs(heartbeatNs)
                .ioThreads(ioThreads).pow(pow)
                .subscribeTimeoutNs(subscribeTimeoutNs).nodeLimits(nodeLimits).transport(transport);
    }

    /** @return a builder holding every default */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects settings; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private ServerSecret secret;
        private BigInteger difficulty = BigInteger.valueOf(4);
        private int window = 1;
        private Dialect dialect = Dialect.conflux();
        private long blockIntervalNs = TimeUnit.MILLISECONDS.toNanos(500);
        private boolean newJobOnSolution = true;
        private boolean notifyOnSubscribe;
        /** Null until given: the default depends on the pow ({@link #build}). */
        private Long startHeight;
        /** {@code null}: drawn at {@link #build()}, so that a built config always holds the seed it runs with. */
        private Long seed;
        private int maxLineBytes = DEFAULT_MAX_LINE_BYTES;
        private long idleTimeoutNs;
        private int maxConnections = 200_000;
        private int metricsPort = -1;
        private String metricsHost = MetricsEndpoint.LOOPBACK;
        private long heartbeatNs = TimeUnit.SECONDS.toNanos(60);
        private int ioThreads = Runtime.getRuntime().availableProcessors();
        private String pow = PowAlgorithms.KECCAK;
        private long subscribeTimeoutNs = TimeUnit.SECONDS.toNanos(60);
        private boolean nodeLimits;
        private String transport = NettyTransport.AUTO;

        private Builder() {
        }

        /** @param value default 127.0.0.1 @return this */
        public Builder host(String value) {
            host = value;
            return this;
        }

        /** @param value default 32525; 0 picks a free port @return this */
        public Builder port(int value) {
            port = value;
            return this;
        }

        /** @param value default none: any password passes @return this */
        public Builder secret(ServerSecret value) {
            secret = value;
            return this;
        }

        /** @param value default 4, the node's test-mode default @return this */
        public Builder difficulty(BigInteger value) {
            difficulty = value;
            return this;
        }

        /** @param value default 1 @return this */
        public Builder window(int value) {
            window = value;
            return this;
        }

        /** @param value default conflux @return this */
        public Builder dialect(Dialect value) {
            dialect = value;
            return this;
        }

        /** @param value default 500 ms; 0 turns the timer off @return this */
        public Builder blockIntervalNs(long value) {
            blockIntervalNs = value;
            return this;
        }

        /** @param value default true @return this */
        public Builder newJobOnSolution(boolean value) {
            newJobOnSolution = value;
            return this;
        }

        /** @param value default false, as on the node @return this */
        public Builder notifyOnSubscribe(boolean value) {
            notifyOnSubscribe = value;
            return this;
        }

        /**
         * @param value default {@value ServerConfig#DEFAULT_START_HEIGHT}, or
         *        {@value ServerConfig#OCTOPUS_DEFAULT_START_HEIGHT} with pow octopus
         * @return this
         */
        public Builder startHeight(long value) {
            startHeight = value;
            return this;
        }

        /**
         * @param value default a fresh seed per build, as a restarted node mines new problems
         * @return this
         */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** @param value default {@link #DEFAULT_MAX_LINE_BYTES} @return this */
        public Builder maxLineBytes(int value) {
            maxLineBytes = value;
            return this;
        }

        /** @param value default 0, never: the node has no idle timeout (docs/protocol.md §7) @return this */
        public Builder idleTimeoutNs(long value) {
            idleTimeoutNs = value;
            return this;
        }

        /** @param value default 200000 @return this */
        public Builder maxConnections(int value) {
            maxConnections = value;
            return this;
        }

        /** @param value default -1, off @return this */
        public Builder metricsPort(int value) {
            metricsPort = value;
            return this;
        }

        /** @param value default {@value MetricsEndpoint#LOOPBACK}, this machine only @return this */
        public Builder metricsHost(String value) {
            metricsHost = value;
            return this;
        }

        /** @param value default 60 s @return this */
        public Builder heartbeatNs(long value) {
            heartbeatNs = value;
            return this;
        }

        /** @param value default the number of cores @return this */
        public Builder ioThreads(int value) {
            ioThreads = value;
            return this;
        }

        /** @param value default 60 s; 0 never @return this */
        public Builder subscribeTimeoutNs(long value) {
            subscribeTimeoutNs = value;
            return this;
        }

        /** @param value default false: the simulator's own limits (docs/protocol.md §7) @return this */
        public Builder nodeLimits(boolean value) {
            nodeLimits = value;
            return this;
        }

        /**
         * @param value default {@code auto}: the best the platform offers ({@link NettyTransport#best})
         * @return this
         */
        public Builder transport(String value) {
            transport = value;
            return this;
        }

        /**
         * @param value default keccak, the node's dev-mode rule; octopus as with its
         *        {@code use_octopus_in_test_mode}
         * @return this
         */
        public Builder pow(String value) {
            pow = value;
            return this;
        }

        /**
         * @return the validated configuration
         * @throws IllegalArgumentException naming the first bad field
         */
        public ServerConfig build() {
            // The height's default is resolved here, from the pow: a config always holds a concrete height, so
            // that writing it out and reading it back gives the same config whatever the order of the settings.
            long height = startHeight != null
                    ? startHeight
                    : PowAlgorithms.OCTOPUS.equals(pow) ? OCTOPUS_DEFAULT_START_HEIGHT : DEFAULT_START_HEIGHT;
            long resolvedSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong();
            return new ServerConfig(host, port, secret, difficulty, window, dialect, blockIntervalNs,
                    newJobOnSolution, notifyOnSubscribe, height, resolvedSeed, maxLineBytes, idleTimeoutNs,
                    maxConnections, metricsPort, metricsHost, heartbeatNs, ioThreads, pow, subscribeTimeoutNs,
                    nodeLimits,
                    transport);
        }
    }
}
