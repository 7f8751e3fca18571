package org.stratumlab.pow.octopus;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Light caches built once per test JVM and shared by every test class (each takes about a second to build), and
 * the straightforward reference cache of stage 0.
 */
final class SharedCaches {
    private static final ConcurrentMap<Long, LightCache> CACHES = new ConcurrentHashMap<>();

    private SharedCaches() {
    }

    static LightCache stage(long stage) {
        return CACHES.computeIfAbsent(stage, s -> LightCache.build(OctopusStage.ofStage(s)));
    }

    static LightCache forStage(OctopusStage stage) {
        return stage(stage.stage());
    }

    static ReferenceOctopus referenceStage0() {
        return Reference.STAGE_0;
    }

    private static final class Reference {
        static final ReferenceOctopus STAGE_0 = ReferenceOctopus.build(0);
    }
}
