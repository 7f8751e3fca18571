package org.stratumlab.loadgen.merge;

import java.util.List;
import java.util.Objects;
import org.stratumlab.results.Summary;

/**
 * Whether run folders are the shards of one sharded run, every one of them once: the same scenario (its digest),
 * the same scenario seed, the same start instant and the same shard count, each index once and none missing. A
 * merge of anything else would add up figures of different experiments, so each mismatch is refused in one line
 * naming the folder.
 */
final class ShardSet {
    private static final int DIGEST_SHOWN = 12;

    private ShardSet() {
    }

    /**
     * @param folders the shards, in any order
     * @return them by index, 0 first
     * @throws IllegalArgumentException one line naming the offending folder, or the shard that is missing
     */
    static List<ShardFolder> byIndex(List<ShardFolder> folders) {
        ShardFolder first = folders.get(0);
        Summary.Shard expected = first.shard();
        ShardFolder[] byIndex = new ShardFolder[expected.count()];
        for (ShardFolder folder : folders) {
            Summary.Shard shard = folder.shard();
            String against = " against " + first.dir() + "'s ";
            if (shard.count() != expected.count()) {
                throw refused(folder, "one of " + shard.count() + " shards," + against + expected.count()
                        + ": not the same sharded run");
            }
            if (!shard.scenarioDigest().equals(expected.scenarioDigest())) {
                throw refused(folder, "another scenario or other overrides (scenario digest "
                        + shown(shard.scenarioDigest()) + against + shown(expected.scenarioDigest()) + ")");
            }
            if (shard.scenarioSeed() != expected.scenarioSeed()) {
                throw refused(folder,
                        "scenario seed " + shard.scenarioSeed() + against + expected.scenarioSeed());
            }
            if (!Objects.equals(shard.startAt(), expected.startAt())) {
                throw refused(folder, "start instant " + shard.startAt() + against + expected.startAt()
                        + ": the shards of one run start together");
            }
            ShardFolder same = byIndex[shard.index()];
            if (same != null) {
                throw refused(folder, shard.describe() + " again (" + same.dir() + " is " + shard.describe()
                        + " too)");
            }
            byIndex[shard.index()] = folder;
        }
        for (int i = 0; i < byIndex.length; i++) {
            if (byIndex[i] == null) {
                throw new IllegalArgumentException("shard " + i + " of " + expected.count() + " missing");
            }
        }
        return List.of(byIndex);
    }

    private static String shown(String digest) {
        return digest.substring(0, DIGEST_SHOWN) + "…";
    }

    private static IllegalArgumentException refused(ShardFolder folder, String why) {
        return new IllegalArgumentException(folder.dir() + ": " + why);
    }
}
