package org.stratumlab.loadgen.simulator;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.stratumlab.server.ServerConfig;

/**
 * The simulator's settings, one row each: the single home of every setting's key, text form and help. The
 * command line ({@code stratumlab server}, {@code --server.<key>=value}), the scenario file's
 * {@code target.embedded}, the pipe to a forked server and the settings echo in summary.json all derive from it.
 *
 * <p>To add a setting: a record component and builder method in {@link ServerConfig}, then one row here.
 *
 * <p>Immutable and thread-safe.
 */
public final class ServerSettings {
    /** The component that holds the password's check: never echoed, only whether there is one. */
    private static final String SECRET = "secret";

    private static final List<ServerSetting<?>> ALL = List.of(
            row("host", "host", "<host>",
                    "Listen address, as the node's stratum_listen_address (default: %s).",
                    Form.text(), ServerConfig::host, ServerConfig.Builder::host),
            row("port", "port", "<port>",
                    "Listen port, as the node's stratum_port; 0 picks a free one (default: %s).",
                    Form.integer(), ServerConfig::port, ServerConfig.Builder::port),
            row("password", SECRET, "P", "Accept subscribes with this password only (default: any password).",
                    Form.password(), null, ServerConfig.Builder::secret),
            row("secret", SECRET, "HEX",
                    "The node's stratum_secret: keccak256 of the password, 64 hex digits.",
                    Form.secretHex(), ServerConfig::secret, ServerConfig.Builder::secret),
            row("difficulty", "difficulty", "D",
                    "Difficulty of every job; the node's test-mode default (default: %s).",
                    Form.difficulty(), ServerConfig::difficulty, ServerConfig.Builder::difficulty),
            row("window", "window", "N",
                    "How many recent jobs a submit may solve, as pow_problem_window_size (default: %s).",
                    Form.integer(), ServerConfig::window, ServerConfig.Builder::window),
            row("dialect", "dialect", "<dialect>",
                    "conflux (the node's bytes) or doc (the public documentation's shapes) (default: %s).",
                    Form.dialect(), ServerConfig::dialect, ServerConfig.Builder::dialect),
            row("pow", "pow", "<pow>",
                    "keccak (the node's dev-mode rule) or octopus (mainnet's, as the node with "
                            + "use_octopus_in_test_mode = true; checked off the event loops) (default: %s).",
                    Form.pow(), ServerConfig::pow, ServerConfig.Builder::pow),
            row("block-interval", "blockIntervalNs", "DURATION",
                    "A new job this often, like Conflux's block rate; 0 turns the timer off (default: %s).",
                    Form.durationNs(), ServerConfig::blockIntervalNs, ServerConfig.Builder::blockIntervalNs),
            row("new-job-on-solution", "newJobOnSolution", "BOOL",
                    "Make a new job after each accepted solution, as the node does; false makes accepted "
                            + "solutions behave like pool shares (default: %s).",
                    Form.bool(), ServerConfig::newJobOnSolution, ServerConfig.Builder::newJobOnSolution),
            row("notify-on-subscribe", "notifyOnSubscribe", "BOOL",
                    "Send the current job right after a successful subscribe; the node does not (default: %s).",
                    Form.bool(), ServerConfig::notifyOnSubscribe, ServerConfig.Builder::notifyOnSubscribe),
            row("height", "startHeight", "H", "Height of the first job; each new job adds one (default: %s; "
                    + ServerConfig.OCTOPUS_DEFAULT_START_HEIGHT + " with --pow octopus).",
                    Form.longInteger(), ServerConfig::startHeight, ServerConfig.Builder::startHeight),
            row("seed", "seed", "<seed>",
                    "Seed of the problem hashes: the same seed gives the same jobs (default: a fresh one per "
                            + "start, printed on the start line, so a restart mines new problems as a node does).",
                    Form.longInteger(), ServerConfig::seed, ServerConfig.Builder::seed),
            row("max-line-bytes", "maxLineBytes", "SIZE",
                    "Longest request line; a longer one gets an error and the connection is closed (default: %s).",
                    Form.sizeBytes(), ServerConfig::maxLineBytes, ServerConfig.Builder::maxLineBytes),
            row("idle-timeout", "idleTimeoutNs", "DURATION",
                    "Close a connection that sends nothing for this long, even a subscribed miner waiting for "
                            + "its next block; the node has no such timeout; 0 never (default: %s).",
                    Form.durationNs(), ServerConfig::idleTimeoutNs, ServerConfig.Builder::idleTimeoutNs),
            row("subscribe-timeout", "subscribeTimeoutNs", "DURATION",
                    "Close a connection that has not subscribed this long after it opened; the node has no such "
                            + "timeout; 0 never (default: %s).",
                    Form.durationNs(), ServerConfig::subscribeTimeoutNs,
                    ServerConfig.Builder::subscribeTimeoutNs),
            row("max-connections", "maxConnections", "N",
                    "Connections beyond this many are accepted and closed at once (default: %s).",
                    Form.integer(), ServerConfig::maxConnections, ServerConfig.Builder::maxConnections),
            row("metrics-port", "metricsPort", "PORT",
                    "Serve Prometheus metrics on this port, at http://<metrics-host>:PORT/metrics; 0 picks a free "
                            + "port (default: off).",
                    Form.integer(), ServerConfig::metricsPort, ServerConfig.Builder::metricsPort),
            row("metrics-host", "metricsHost", "<host>",
                    "The address the metrics listen on, e.g. 0.0.0.0 for a Prometheus on another machine or pod "
                            + "(default: %s, this machine only).",
                    Form.text(), ServerConfig::metricsHost, ServerConfig.Builder::metricsHost),
            row("heartbeat", "heartbeatNs", "DURATION",
                    "Re-push the current job after this long without a push, as the node does (default: %s).",
                    Form.durationNs(), ServerConfig::heartbeatNs, ServerConfig.Builder::heartbeatNs),
            row("io-threads", "ioThreads", "N",
                    "Event-loop threads serving connections (default: the number of cores).",
                    Form.integer(), ServerConfig::ioThreads, ServerConfig.Builder::ioThreads),
            row("transport", "transport", "<transport>",
                    "Netty transport: auto (the best this machine offers, measured), io_uring, epoll or nio "
                            + "(default: %s).",
                    Form.transport(), ServerConfig::transport, ServerConfig.Builder::transport),
            row("node-limits", "nodeLimits", "BOOL",
                    "Behave like the node's transport: at most 1024 connections served, the others accepted and "
                            + "never read until one closes; no line limit, no idle or subscribe timeout, pushes "
                            + "to a slow reader queued; overrides max-line-bytes, idle-timeout, "
                            + "subscribe-timeout and max-connections (default: %s).",
                    Form.bool(), ServerConfig::nodeLimits, ServerConfig.Builder::nodeLimits));

    private ServerSettings() {
    }

    private static <T> ServerSetting<T> row(String key, String component, String paramLabel,
            String description,
            Form<T> form, Function<ServerConfig, T> get, BiConsumer<ServerConfig.Builder, T> set) {
        return new ServerSetting<>(key, component, paramLabel, description, form, get, set);
    }

    /** @return every setting, in the order of {@code --help} */
    public static List<ServerSetting<?>> all() {
        return ALL;
    }

    /** @return every key, in the order of {@code --help} */
    public static List<String> keys() {
        return ALL.stream().map(ServerSetting::key).toList();
    }

    /**
     * @param key a key, e.g. {@code max-line-bytes}
     * @return its setting, if there is one
     */
    public static Optional<ServerSetting<?>> byKey(String key) {
        return ALL.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /**
     * Every setting that can be read back, as text by key. The secret is among them: this is for a pipe or a
     * file, never for a log or a summary ({@link #echo} is).
     *
     * @param config the settings
     * @return text by key, in table order
     */
    public static Map<String, String> write(ServerConfig config) {
        Map<String, String> textByKey = new LinkedHashMap<>();
        for (ServerSetting<?> s : ALL) {
            String text = s.text(config);
            if (text != null) {
                textByKey.put(s.key(), text);
            }
        }
        return textByKey;
    }

    /**
     * Sets each given setting on a builder and builds. A key without a value ({@code null}) is left at the
     * builder's value.
     *
     * @param textByKey values as text by key
     * @param start the builder holding the defaults (e.g. port 0 for an embedded server)
     * @return the validated settings
     * @throws IllegalArgumentException {@code "key: what is wrong"} for an unknown key or a bad value, or the
     *         config's own message when the whole does not validate
     */
    public static ServerConfig read(Map<String, String> textByKey, ServerConfig.Builder start) {
        Map<String, String> keyByComponent = new HashMap<>();
        textByKey.forEach((key, text) -> {
            ServerSetting<?> s = byKey(key).orElseThrow(() -> new IllegalArgumentException(
                    key + ": unknown setting; known: " + String.join(", ", keys())));
            if (text == null) {
                return;
            }
            String earlier = keyByComponent.putIfAbsent(s.component(), key);
            if (earlier != null) {
                throw new IllegalArgumentException(key + ": give " + earlier + " or " + key + ", not both");
            }
            try {
                s.set(start, s.parse(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
            }
        });
        return start.build();
    }

    /**
     * The settings as summary.json records them: each readable setting by its camelCase name with its unit
     * ({@code blockIntervalMs}), and {@code passwordRequired} instead of any password or secret.
     *
     * @param config the settings
     * @return value by name, in table order
     */
    public static Map<String, Object> echo(ServerConfig config) {
        Map<String, Object> valueByName = new LinkedHashMap<>();
        for (ServerSetting<?> s : ALL) {
            if (!s.readable()) {
                continue; // a password: its secret's row says whether there is one
            }
            if (s.component().equals(SECRET)) {
                valueByName.put("passwordRequired", s.text(config) != null);
            } else {
                valueByName.put(s.echoKey(), s.echo(config));
            }
        }
        return valueByName;
    }
}
