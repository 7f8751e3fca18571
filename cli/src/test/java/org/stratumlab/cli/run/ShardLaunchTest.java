package org.stratumlab.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.stratumlab.cli.loadgen.LiveMetricsSettings;

/**
 * A shard's live metrics travel in its command line: pods, an address each, all serve on the port given; shards
 * on one machine serve on that port plus their index, or each on a free port of its own with 0.
 */
class ShardLaunchTest {
    private static final Path SCENARIO = Path.of("farm.yaml");
    private static final Path RUN = Path.of("/results");
    private static final Instant START = Instant.parse("2026-12-02T06:30:00Z");
    private static final LiveMetricsSettings POD_METRICS = new LiveMetricsSettings(9400, "0.0.0.0",
            TimeUnit.SECONDS.toNanos(30));

    @Test
    void withoutMetricsAShardRunsItsShareAndWritesItsFolder() {
        ShardLaunch launch = new ShardLaunch(SCENARIO, List.of("phases.0.miners=9"), 3, START, RUN, null,
                true);

        assertEquals(List.of("run", "farm.yaml", "--set", "phases.0.miners=9", "--shards", "3", "--start-at",
                "2026-12-02T06:30:00Z", "--out", "/results/shard-2"), launch.arguments(2));
    }

    @Test
    void everyPodServesItsMetricsOnThePortGiven() {
        ShardLaunch launch = new ShardLaunch(SCENARIO, List.of(), 3, START, RUN, POD_METRICS, false);
        List<String> metrics = List.of("--metrics-port", "9400", "--metrics-host", "0.0.0.0",
                "--metrics-linger", "30s");

        for (int i = 0; i < 3; i++) {
            assertEquals(withMetrics(base(3, "/results/shard-" + i), metrics), launch.arguments(i),
                    "shard " + i);
        }
        assertEquals(withMetrics(base(3, "/results/shard-$(JOB_COMPLETION_INDEX)"), metrics),
                launch.arguments("$(JOB_COMPLETION_INDEX)"), "the pod template's");
    }

    @Test
    void onOneMachineShardIServesOnThePortPlusI() {
        ShardLaunch launch = new ShardLaunch(SCENARIO, List.of(), 3, START, RUN,
                new LiveMetricsSettings(9400, null, null), true);

        for (int i = 0; i < 3; i++) {
            assertEquals(withMetrics(base(3, "/results/shard-" + i),
                    List.of("--metrics-port", Integer.toString(9400 + i))),
                    launch.arguments(i), "shard " + i);
            assertEquals(9400 + i, launch.metrics(i).port());
        }
        assertThrows(IllegalStateException.class, () -> launch.arguments("$(JOB_COMPLETION_INDEX)"),
                "one command for every shard cannot give each its port");
    }

    @Test
    void onOneMachinePortZeroGivesEveryShardAFreePortOfItsOwn() {
        ShardLaunch launch = new ShardLaunch(SCENARIO, List.of(), 2, START, RUN,
                new LiveMetricsSettings(0, null, TimeUnit.MILLISECONDS.toNanos(1500)), true);

        for (int i = 0; i < 2; i++) {
            assertEquals(withMetrics(base(2, "/results/shard-" + i),
                    List.of("--metrics-port", "0", "--metrics-linger", "1500ms")), launch.arguments(i));
        }
    }

    private static List<String> base(int shards, String folder) {
        return List.of("run", "farm.yaml", "--shards", Integer.toString(shards), "--start-at",
                "2026-12-02T06:30:00Z", "--out", folder);
    }

    private static List<String> withMetrics(List<String> base, List<String> metrics) {
        List<String> all = new ArrayList<>(base);
        all.addAll(metrics);
        return all;
    }
}
