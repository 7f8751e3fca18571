package org.stratumlab.cli.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How each shard of a sharded run is started: the one home of a shard's command line and environment. A
 * Kubernetes Indexed Job's pods and the child processes of {@code run FILE --shards N --local} are both made from
 * it, so that a local run is what the cluster runs, one process per shard:
 *
 * <pre>stratumlab run FILE [--set K=V ...] --shards N --start-at INSTANT --out RUN/shard-I    (env JOB_COMPLETION_INDEX=I)</pre>
 *
 * <p>Every shard gets the same arguments but its folder, and learns its index from {@value #INDEX_VARIABLE}, the
 * variable Kubernetes sets in the pods of an Indexed Job; a pod template, which cannot name the index, writes it
 * as {@code $(JOB_COMPLETION_INDEX)}, which Kubernetes expands in the arguments ({@link #arguments(String)}).
 *
 * @param scenario the scenario file, as the shards are to read it
 * @param overrides its {@code --set} overrides, in order
 * @param shards how many shards
 * @param startAt the instant every shard begins its phases at
 * @param runDir the sharded run's folder; shard I writes to {@code runDir/shard-I}
 */
public record ShardLaunch(Path scenario, List<String> overrides, int shards, Instant startAt, Path runDir) {
    /** The environment variable a shard takes its index from (Kubernetes sets it in an Indexed Job's pods). */
    public static final String INDEX_VARIABLE = "JOB_COMPLETION_INDEX";
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
     * @param index the shard's index, or a placeholder for it such as {@code $(JOB_COMPLETION_INDEX)}
     * @return the arguments of {@code stratumlab} for that shard
     */
    public List<String> arguments(String index) {
        List<String> arguments = new ArrayList<>(List.of("run", scenario.toString()));
        for (String override : overrides) {
            arguments.addAll(List.of("--set", override));
        }
        arguments.addAll(
                List.of("--shards", Integer.toString(shards), "--start-at", startAt.toString(), "--out",
                        runDir.resolve(SHARD_DIR_PREFIX + index).toString()));
        return arguments;
    }

    /**
     * @param index the shard's index, 0 to {@code shards - 1}
     * @return the arguments of {@code stratumlab} for that shard
     */
    public List<String> arguments(int index) {
        return arguments(Integer.toString(checked(index)));
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
