package org.stratumlab.cli.pow;

import org.stratumlab.cli.options.Converters;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.stratumlab.pow.PowRule;
import org.stratumlab.pow.U256;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stratumlab pow check}: does a nonce solve a job, and why (docs/protocol.md §6, §6b). */
@Command(name = "check", mixinStandardHelpOptions = true, description = {
        "Checks a nonce against a job with the Conflux test/dev-mode Keccak rule or, with --pow octopus, with "
                + "Octopus at --height: prints the PoW hash, the nonce's lower bound, the boundary and whether "
                + "(hash - lower bound) mod 2^256 < boundary. Octopus first builds the height's light cache "
                + "(about a second).",
        "Exits 0 whether or not the nonce is valid: the answer is in the output."})
public final class CheckCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--pow-hash", paramLabel = "H", required = true, converter = Converters.Hash.class,
            description = "The job's pow_hash: optional 0x and exactly 64 hex digits.")
    private U256 powHash;

    @Option(names = "--nonce", paramLabel = "N", required = true, converter = Converters.Number.class,
            description = "The nonce: optional 0x and at most 64 hex digits, as in mining.submit.")
    private U256 nonce;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    @Mixin
    private PowChoice powChoice;

    @Option(names = "--json",
            description = "Print exactly one JSON object: {\"hash\",\"lowerBound\",\"boundary\",\"valid\"}.")
    private boolean json;

    @Override
    public Integer call() {
        U256 hash = powChoice.algorithm().hash(powHash, powChoice.height, nonce);
        U256 lowerBound = PowRule.lowerBound(nonce);
        U256 boundary = target.boundary();
        boolean valid = PowRule.meetsBoundary(hash, nonce, boundary);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            // Every value is hex or a boolean, so no escaping is needed.
            out.println(
                    "{\"hash\":\"" + hash.toPaddedHex() + "\",\"lowerBound\":\"" + lowerBound.toMinimalHex()
                            + "\",\"boundary\":\"" + boundary.toMinimalHex() + "\",\"valid\":" + valid + "}");
        } else {
            out.println("hash:        " + hash.toPaddedHex());
            out.println("lower bound: " + lowerBound.toMinimalHex());
            out.println("boundary:    " + boundary.toMinimalHex());
            out.println("valid:       " + valid);
        }
        return 0;
    }
}
