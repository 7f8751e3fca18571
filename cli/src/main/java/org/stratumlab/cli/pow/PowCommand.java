package org.stratumlab.cli.pow;

import picocli.CommandLine.Command;

/** {@code stratumlab pow}: tools for configuring a node and debugging a miner. Only groups its subcommands. */
@Command(name = "pow", mixinStandardHelpOptions = true,
        description = "Proof-of-work tools: the node's stratum_secret, boundaries, checking and grinding nonces "
                + "(the test/dev-mode Keccak rule, or Octopus with --pow octopus), Octopus light caches.",
        subcommands = {SecretCommand.class, BoundaryCommand.class,
                CheckCommand.class, GrindCommand.class, CacheCommand.class})
public final class PowCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "a subcommand is required: secret, boundary, check, grind or cache");
    }
}
