package org.stratumlab.cli.pow;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.stratumlab.cli.options.Converters;
import org.stratumlab.pow.octopus.LightCache;
import org.stratumlab.pow.octopus.OctopusStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stratumlab pow cache}: the Octopus stage of a height, and what building its light cache costs here. */
@Command(name = "cache", mixinStandardHelpOptions = true, description = {
        "Builds the Octopus light cache of a height's stage (docs/protocol.md §6b) and prints the stage, the cache "
                + "and full dataset sizes in bytes, the stage's seed and how long the build took on this machine.",
        "A verifier such as 'stratumlab server --pow octopus' builds one per stage; miners build the dataset."})
public final class CacheCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--height", paramLabel = "H", required = true, converter = Converters.Height.class,
            description = "The block height, 0 to " + OctopusStage.MAX_HEIGHT + ".")
    private long height;

    @Override
    public Integer call() {
        OctopusStage stage = OctopusStage.ofHeight(height);
        LightCache cache = LightCache.build(stage);
        PrintWriter out = spec.commandLine().getOut();
        out.println("stage:         " + stage.stage());
        out.println("cache bytes:   " + stage.cacheBytes());
        out.println("dataset bytes: " + stage.datasetBytes());
        out.println("seed:          " + stage.seedHex());
        out.println("build time:    " + TimeUnit.NANOSECONDS.toMillis(cache.buildTimeNs()) + " ms");
        return 0;
    }
}
