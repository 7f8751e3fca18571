package org.stratumlab.cli.run;

import java.util.function.UnaryOperator;
import org.stratumlab.loadgen.shard.Shard;

/**
 * Which shard of a sharded run this process is: {@code --shard I/N}, or {@code --shards N} with the index from
 * {@value #INDEX_VARIABLE}, which a Kubernetes Indexed Job sets in each of its pods (so that every pod runs the same
 * command). Every problem is one line naming the option or the variable.
 */
final class ShardChoice {
    /** The pod's index, 0 to completions - 1, in a Kubernetes Indexed Job. */
    static final String INDEX_VARIABLE = "JOB_COMPLETION_INDEX";

    private ShardChoice() {
    }

    /**
     * @param shard the {@code --shard} option's value, or null
     * @param shards the {@code --shards} option's value, or null
     * @param environment the process's environment variables, by name (null for one that is not set)
     * @return the shard, or null for an unsharded run
     * @throws IllegalArgumentException naming the option or the variable
     */
    static Shard of(String shard, Integer shards, UnaryOperator<String> environment) {
        if (shard != null && shards != null) {
            throw new IllegalArgumentException(
                    "--shard and --shards: give one of them (--shard I/N, or --shards N "
                            + "with " + INDEX_VARIABLE + " set)");
        }
        if (shard != null) {
            try {
                return Shard.parse(shard);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--shard '" + shard + "': " + e.getMessage());
            }
        }
        if (shards == null) {
            return null;
        }
        String index = environment.apply(INDEX_VARIABLE);
        if (index == null || index.isBlank()) {
            throw new IllegalArgumentException("--shards " + shards + ": " + INDEX_VARIABLE
                    + " is not set (a "
                    + "Kubernetes Indexed Job sets it in each pod; elsewhere give --shard I/" + shards + ")");
        }
        try {
            return new Shard(Integer.parseInt(index.strip()), shards);
        } catch (IllegalArgumentException e) { // NumberFormatException too
            throw new IllegalArgumentException(INDEX_VARIABLE + "='" + index + "' (with --shards " + shards
                    + "): must be a whole number in 0.." + (shards - 1));
        }
    }
}
