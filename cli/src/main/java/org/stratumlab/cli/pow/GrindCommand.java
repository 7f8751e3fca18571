package org.stratumlab.cli.pow;

import org.stratumlab.cli.options.Converters;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.stratumlab.pow.NonceGrinder;
import org.stratumlab.pow.PowAlgorithm;
import org.stratumlab.pow.PowAlgorithms;
import org.stratumlab.pow.U256;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stratumlab pow grind}: the first valid nonces of a job, found the way a miner would. */
@Command(name = "grind", mixinStandardHelpOptions = true, description = {
        "Prints the first K valid nonces at or after N, one per line as 0x hex.",
        "Expect about D attempts per nonce at difficulty D (with --pow octopus, each attempt is a light "
                + "verification of a few milliseconds); --max-attempts bounds the work, and reaching it is "
                + "exit code 1 after the nonces found so far."})
public final class GrindCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--pow-hash", paramLabel = "H", required = true, converter = Converters.Hash.class,
            description = "The job's pow_hash: optional 0x and exactly 64 hex digits.")
    private U256 powHash;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    @Mixin
    private PowChoice powChoice;

    @Option(names = "--start", paramLabel = "N", defaultValue = "0", converter = Converters.Number.class,
            description = "The first nonce tried, in hex (default: ${DEFAULT-VALUE}).")
    private U256 start;

    @Option(names = "--count", paramLabel = "K", defaultValue = "1",
            description = "How many valid nonces to print (default: ${DEFAULT-VALUE}).")
    private int count;

    @Option(names = "--max-attempts", paramLabel = "A", defaultValue = "100000000",
            description = "The most nonces tried in all (default: ${DEFAULT-VALUE}, about a minute).")
    private long maxAttempts;

    @Override
    public Integer call() {
        if (count < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--count must be at least 1, was " + count);
        }
        if (maxAttempts < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--max-attempts must be at least 1, was " + maxAttempts);
        }
        return grind(spec.commandLine().getOut(), target.boundary());
    }

    private int grind(PrintWriter out, U256 boundary) {
        Search search = powChoice.pow.equals(PowAlgorithms.KECCAK)
                ? new KeccakSearch()
                : new AlgorithmSearch(powChoice.algorithm(), powChoice.height);
        U256 next = start;
        for (int found = 0; found < count; found++) {
            long remaining = maxAttempts - search.attempts();
            U256 nonce = remaining > 0 ? search.next(powHash, boundary, next, remaining) : null;
            if (nonce == null) {
                out.flush();
                spec.commandLine().getErr().println("stratumlab pow grind: found " + found + " of " + count
                        + " nonces within --max-attempts " + maxAttempts
                        + " (raise it, or lower the difficulty)");
                return 1;
            }
            out.println(nonce.toMinimalHex());
            next = nonce.add(1);
        }
        return 0;
    }

    /** The first valid nonce at or after a start, within a number of attempts. */
    private interface Search {
        U256 next(U256 powHash, U256 boundary, U256 from, long maxAttempts);

        long attempts();
    }

    /** Keccak: the grinder, on the fastest hasher there is. */
    private static final class KeccakSearch implements Search {
        private final NonceGrinder grinder = new NonceGrinder();

        @Override
        public U256 next(U256 powHash, U256 boundary, U256 from, long maxAttempts) {
            return grinder.next(powHash, boundary, from, maxAttempts);
        }

        @Override
        public long attempts() {
            return grinder.attempts();
        }
    }

    /** Any algorithm, one check per nonce (Octopus: a light verification each). */
    private static final class AlgorithmSearch implements Search {
        private final PowAlgorithm algorithm;
        private final long height;
        private long attempts;

        AlgorithmSearch(PowAlgorithm algorithm, long height) {
            this.algorithm = algorithm;
            this.height = height;
        }

        @Override
        public U256 next(U256 powHash, U256 boundary, U256 from, long maxAttempts) {
            U256 nonce = from;
            for (long i = 0; i < maxAttempts; i++, nonce = nonce.add(1)) {
                attempts++;
                if (algorithm.isValid(powHash, height, nonce, boundary)) {
                    return nonce;
                }
            }
            return null;
        }

        @Override
        public long attempts() {
            return attempts;
        }
    }
}
