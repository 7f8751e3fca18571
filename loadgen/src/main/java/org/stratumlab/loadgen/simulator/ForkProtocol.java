package org.stratumlab.loadgen.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.stratumlab.server.ServerConfig;
import org.stratumlab.server.metrics.ServerMetrics;
import org.stratumlab.server.resources.ResourceReading;

/**
 * The line protocol between a load run and a server it forked into a child JVM (a second process has a file
 * descriptor budget of its own: 10,000 miners and their server do not fit in one process under a 20,000 limit).
 *
 * <pre>
 * parent: {"host":..,"port":..,...} (the config, one JSON line)      child: listening PORT METRICS_PORT DESCRIPTION
 *                                                                     | error MESSAGE
 * parent: difficulty N | window N | block-interval NS                 child: ok
 * parent: counters                                                    child: {"connections":..,...} (one JSON line)
 * parent: resources                                                   child: {"heapAfterGcBytes":..,...} (one JSON
 *                                                                            line, after a full collection)
 * parent: stop (or closes stdin)                                      child: the counters line, stopped, then exits
 * </pre>
 *
 * The config is {@link ServerSettings#write}'s text by key, the counters a {@link ServerMetrics.Snapshot} and the
 * resources a {@link ResourceReading}, each bound by Jackson, so a setting, a counter or a reading added later
 * travels without a change here. The secret travels over
 * the pipe, never on a command line.
 */
public final class ForkProtocol {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> TEXT_BY_KEY = new TypeReference<>() {
    };
    private static final TypeReference<ServerMetrics.Snapshot> COUNTERS = new TypeReference<>() {
    };
    private static final TypeReference<ResourceReading> RESOURCES_TYPE = new TypeReference<>() {
    };

    /** The command that asks the child for a {@link ResourceReading}. */
    public static final String RESOURCES = "resources";

    private ForkProtocol() {
    }

    /**
     * @param config the configuration
     * @return the config line: one JSON object
     */
    public static String configLine(ServerConfig config) {
        return json(ServerSettings.write(config));
    }

    /**
     * @param line a config line
     * @return the configuration it carries
     * @throws IllegalArgumentException if the line is not one, naming the first bad setting
     */
    public static ServerConfig parseConfig(String line) {
        return ServerSettings.read(read(line, TEXT_BY_KEY), ServerConfig.builder());
    }

    /**
     * @param counters the counters
     * @return the counters line: one JSON object
     */
    public static String countersLine(ServerMetrics.Snapshot counters) {
        return json(counters);
    }

    /**
     * @param line a counters line
     * @return the counters it carries
     * @throws IllegalArgumentException if the line is not one
     */
    public static ServerMetrics.Snapshot parseCounters(String line) {
        return read(line, COUNTERS);
    }

    /**
     * @param reading a resource reading
     * @return the resources line: one JSON object
     */
    public static String resourcesLine(ResourceReading reading) {
        return json(reading);
    }

    /**
     * @param line a resources line
     * @return the reading it carries
     * @throws IllegalArgumentException if the line is not one
     */
    public static ResourceReading parseResources(String line) {
        return read(line, RESOURCES_TYPE);
    }

    /**
     * @param line a line of the child's
     * @return whether it is a counters line
     */
    public static boolean isCounters(String line) {
        return line.startsWith("{");
    }

    /**
     * The child's answer to its config when it started.
     *
     * @param port the port it listens on
     * @param metricsPort the port of its metrics endpoint, or -1 for none
     * @param description its start line
     */
    public record Listening(int port, int metricsPort, String description) {
        private static final String VERB = "listening ";

        /** @return the line */
        String line() {
            return VERB + port + " " + metricsPort + " " + description;
        }

        /**
         * @param line the child's first line
         * @return what it says, or {@code null} when the child did not start (the line says why)
         */
        public static Listening parse(String line) {
            if (!line.startsWith(VERB)) {
                return null;
            }
            String[] parts = line.split(" ", 4);
            return new Listening(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), parts[3]);
        }
    }

    /**
     * The command line of the child JVM: this JVM's binary and class path, and the parent's JVM options that are
     * safe to give a second process (see {@link #forwardedJvmOptions}).
     *
     * @param java the java binary
     * @param classPath the class path
     * @param parentJvmOptions the parent's JVM options, as
     *        {@code ManagementFactory.getRuntimeMXBean().getInputArguments()} lists them
     * @return the command
     */
    public static List<String> childCommand(String java, String classPath, List<String> parentJvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(forwardedJvmOptions(parentJvmOptions));
        command.addAll(List.of("-cp", classPath, ForkedServerMain.class.getName()));
        return command;
    }

    /**
     * The parent's JVM options a forked server gets too: the heap (-Xmx, -Xms, from STRATUMLAB_JAVA_OPTS through
     * the launcher), GC and other -XX options, --add-modules, -D properties. Left out is what a second JVM must
     * not repeat: agents and debuggers (-agentlib:jdwp, -agentpath, -javaagent, -Xdebug, -Xrunjdwp) would ask
     * for the same port or attach twice, and flight recordings, GC and unified logs to a file or a JMX port would
     * write over the parent's file or fail to bind.
     *
     * @param parentJvmOptions the parent's JVM options
     * @return the ones to give the child, in order
     */
    public static List<String> forwardedJvmOptions(List<String> parentJvmOptions) {
        return parentJvmOptions.stream().filter(ForkProtocol::safeToRepeat).toList();
    }

    private static boolean safeToRepeat(String option) {
        return !(option.startsWith("-agentlib:") || option.startsWith("-agentpath:")
                || option.startsWith("-javaagent:") || option.equals("-Xdebug")
                || option.startsWith("-Xrunjdwp")
                || option.startsWith("-XX:StartFlightRecording")
                || option.startsWith("-XX:FlightRecorderOptions")
                || option.startsWith("-Xloggc:") || option.startsWith("-Xlog:") && option.contains("file=")
                || option.startsWith("-Dcom.sun.management.jmxremote"));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(String line, TypeReference<T> type) {
        try {
            return JSON.readValue(line, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a fork protocol line: " + line, e);
        }
    }
}
