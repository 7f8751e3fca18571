package org.stratumlab.cli.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.stratumlab.cli.loadgen.LiveMetricsSettings;

/**
 * How each shard of a sharded run is started: the one home of a shard's command line and environment. A
 * Kubernetes Indexed Job's pods and the child processes of {@code run FILE --shards N --local} are both made from
 * it, so that a local run is what the cluster runs, one process per shard:
 *
 * <pre>stratumlab run FILE [--set K=V ...] --shards N --start-at INSTANT --out RUN/shard-I
 *     [--metrics-port P [--metrics-host H] [--metrics-linger D]]    (env JOB_COMPLETION_INDEX=I)</pre>
 *
 * <p>Every shard gets the same arguments but its folder, and learns its index from {@value #INDEX_VARIABLE}, the
 * variable Kubernetes sets in the pods of an Indexed Job; a pod template, which cannot name the index, writes it
 * as {@code $(JOB_COMPLETION_INDEX)}, which Kubernetes expands in the arguments ({@link #arguments(String)}).
 *
 * <p>With live metrics every shard serves its own endpoint. Pods have an address each, so every pod serves on the
 * same port P, the one their template declares for Prometheus; shards on one machine ({@code oneMachine}) share its
 * addresses, so shard I serves on port P + I there. P = 0 gives each shard a free port of its own, which it prints.
 *
 * @param scenario the scenario file, as the shards are to read it
 * @param overrides its {@code --set} overrides, in order
 * @param shards how many shards
 * @param startAt the instant every shard begins its phases at
 * @param runDir the sharded run's folder; shard I writes to {@code runDir/shard-I}
 * @param metrics the shards' live metrics, port P as given, or {@code null} for none
 * @param oneMachine whether the shards run on one machine ({@code run --shards N --local}), where shard I's
 *        metrics take port P + I; else (pods) each serves on P
 */
public record ShardLaunch(Path scenario, List<String> overrides, int shards, Instant startAt, Path runDir,
        LiveMetricsSettings metrics, boolean oneMachine) {
    /** The environment variable a shard takes its index from (Kubernetes sets it in an Indexed Job's pods). */
    public static final String INDEX_VARIABLE = ShardChoice.INDEX_VARIABLE;
    /** What a shard's folder is called inside the run's, before its index. */
    public static final String SHARD_DIR_PREFIX = "shard-";

    /** Copies the overrides and checks the count. */
    public ShardLaunch {
        overrides = List.copyOf(overrides);
        if (shards < 1) {
            throw new IllegalArgumentException("shards must be at least 1, was " + shards);
        }
    }

    /**
     * @param index a placeholder for the shard's index, such as {@code $(JOB_COMPLETION_INDEX)}: a pod template's
     * @return the arguments of {@code stratumlab} for every shard
     * @throws IllegalStateException for shards on one machine with a metrics port, which differs by index
     */
    public List<String> arguments(String index) {
        if (oneMachine && metrics != null && metrics.port() != 0) {
            throw new IllegalStateException(
                    "the shards of one machine serve their metrics on ports of their own: give the index");
        }
        return arguments(index, metrics);
    }

    /**
     * @param index the shard's index, 0 to {@code shards - 1}
     * @return the arguments of {@code stratumlab} for that shard
     */
    public List<String> arguments(int index) {
        return arguments(Integer.toString(checked(index)), metrics(index));
    }

    private List<String> arguments(String index, LiveMetricsSettings shardMetrics) {
        List<String> arguments = new ArrayList<>(List.of("run", scenario.toString()));
        for (String override : overrides) {
            arguments.addAll(List.of("--set", override));
        }
        arguments.addAll(
                List.of("--shards", Integer.toString(shards), "--start-at", startAt.toString(), "--out",
                        runDir.resolve(SHARD_DIR_PREFIX + index).toString()));
        if (shardMetrics != null) {
            arguments.addAll(shardMetrics.arguments());
        }
        return arguments;
    }

    /**
     * @param index the shard's index
     * @return its live metrics ({@code oneMachine}: on port P + I, unless P is 0), or {@code null} for none
     */
    public LiveMetricsSettings metrics(int index) {
        checked(index);
        return metrics != null && oneMachine && metrics.port() != 0
                ? metrics.onPort(metrics.port() + index)
                : metrics;
    }

    /**
     * @param index the shard's index
     * @return the variables its process gets besides the ones it inherits
     */
    public Map<String, String> environment(int index) {
        return Map.of(INDEX_VARIABLE, Integer.toString(checked(index)));
    }

    /**
     * @param index the shard's index
     * @return the folder it writes to
     */
    public Path shardDir(int index) {
        return runDir.resolve(SHARD_DIR_PREFIX + checked(index));
    }

    private int checked(int index) {
        if (index < 0 || index >= shards) {
            throw new IllegalArgumentException(
                    "shard index must be in 0.." + (shards - 1) + ", was " + index);
        }
        return index;
    }
}
