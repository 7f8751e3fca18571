package org.stratumlab.cli.pow;

import org.stratumlab.cli.options.Converters;
import java.math.BigInteger;
import org.stratumlab.pow.Difficulty;
import org.stratumlab.pow.U256;
import picocli.CommandLine.Option;

/** The job's target, given either way the node's operators think of it: {@code --difficulty} or {@code --boundary}. */
final class Target {
    @Option(names = "--difficulty", paramLabel = "D", required = true,
            converter = Converters.DifficultyValue.class,
            description = "The difficulty in decimal (at least 1); the boundary is 2^256/D (D=1: 2^256-1).")
    BigInteger difficulty;

    @Option(names = "--boundary", paramLabel = "B", required = true, converter = Converters.Number.class,
            description = "The boundary in hex, as a notify carries it (e.g. 0x4000...0).")
    U256 boundary;

    U256 boundary() {
        return boundary != null ? boundary : Difficulty.toBoundary(difficulty);
    }
}
