package org.stratumlab.cli.pow;

import org.stratumlab.cli.options.Converters;
import java.math.BigInteger;
import java.util.concurrent.Callable;
import org.stratumlab.pow.Difficulty;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stratumlab pow boundary}: the boundary of a difficulty, as a notify carries it (docs/protocol.md §4, §6). */
@Command(name = "boundary", mixinStandardHelpOptions = true,
        description = "Prints the boundary of a difficulty as mining.notify carries it: 0x and lowercase hex without "
                + "leading zeros. Difficulty 1 gives 0x followed by 64 f.")
public final class BoundaryCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--difficulty", paramLabel = "D", required = true,
            converter = Converters.DifficultyValue.class,
            description = "The difficulty in decimal, at least 1.")
    private BigInteger difficulty;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(Difficulty.toBoundary(difficulty).toMinimalHex());
        return 0;
    }
}
