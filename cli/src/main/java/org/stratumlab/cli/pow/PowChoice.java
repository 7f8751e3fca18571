package org.stratumlab.cli.pow;

import org.stratumlab.cli.options.Converters;
import org.stratumlab.pow.PowAlgorithm;
import org.stratumlab.pow.PowAlgorithms;
import org.stratumlab.pow.octopus.LightCacheStore;
import org.stratumlab.server.ServerConfig;
import picocli.CommandLine.Option;

/**
 * Which proof of work a {@code pow} subcommand computes, and at what height: {@code --pow} and {@code --height}.
 * The height selects Octopus's stage (its cache and dataset); the Keccak rule ignores it.
 */
final class PowChoice {
    @Option(names = "--pow", paramLabel = "<pow>", defaultValue = PowAlgorithms.KECCAK,
            converter = Converters.PowName.class,
            description = "keccak (the node's test/dev-mode rule) or octopus (mainnet's) (default: ${DEFAULT-VALUE}).")
    String pow;

    @Option(names = "--height", paramLabel = "H",
            defaultValue = "" + ServerConfig.OCTOPUS_DEFAULT_START_HEIGHT,
            converter = Converters.Height.class,
            description = "The job's block height, which selects the Octopus stage; keccak ignores it "
                    + "(default: ${DEFAULT-VALUE}, the simulator's first height with --pow octopus).")
    long height;

    /** @return the algorithm; Octopus builds the height's cache in this thread on first use (about a second) */
    PowAlgorithm algorithm() {
        return PowAlgorithms.create(pow, new LightCacheStore(Runnable::run));
    }
}
