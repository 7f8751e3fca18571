package org.stratumlab.cli;

import org.stratumlab.cli.loadgen.LoadgenCommand;
import org.stratumlab.cli.pow.PowCommand;
import org.stratumlab.cli.run.RunCommand;
import org.stratumlab.cli.server.ServerCommand;
import java.util.ArrayList;
import java.util.List;
import org.stratumlab.loadgen.attack.AttackKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code stratumlab} command: the entry point of the runnable jar. Subcommands do the work; this class only
 * wires them and the error handling shared by all (one-line errors, documented exit codes).
 */
@Command(name = "stratumlab", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Stress-tests Conflux Stratum endpoints, simulates the node, and benchmarks PoW hashing.",
        subcommands = {RunCommand.class, LoadgenCommand.class, ServerCommand.class, PowCommand.class,
                org.stratumlab.cli.bench.BenchCommand.class,
                org.stratumlab.cli.report.ReportCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n")
public final class StratumLab implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** @return the configured command line, for {@link #main} and for tests that capture its output */
    public static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /**
     * @param factory makes the subcommands (tests give some of them another environment, e.g. a small file
     *        descriptor limit)
     * @return the configured command line
     */
    public static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cmd = new CommandLine(new StratumLab(), factory)
                .setParameterExceptionHandler(new OneLineErrors())
                .setExecutionExceptionHandler(new OneLineErrors());
        // The codes have one home, ExitCode; the commands that run load list them all.
        for (CommandLine listed : new CommandLine[]{cmd, cmd.getSubcommands().get("run"),
                cmd.getSubcommands().get("loadgen")}) {
            listed.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
                    .exitCodeList(ExitCode.helpList());
        }
        for (String name : new String[]{"run", "loadgen"}) {
            CommandLine.Model.UsageMessageSpec usage = cmd.getSubcommands().get(name).getCommandSpec()
                    .usageMessage();
            usage.footer(withAttackKinds(usage.footer()));
        }
        withVersion(cmd, new VersionProvider());
        return cmd;
    }

    /** The attack kinds after a footer, from their one home, {@link AttackKind}. */
    private static String[] withAttackKinds(String[] footer) {
        List<String> lines = new ArrayList<>(List.of(footer));
        lines.add(
                "%nAttack kinds (loadgen --attack KIND; in a scenario miners.attack.kind, with each phase's "
                        + "attackers). " + AttackKind.WARNING);
        for (AttackKind kind : AttackKind.values()) {
            lines.add("  " + kind.label() + ": " + kind.sends() + "; a defended endpoint should "
                    + kind.defence()
                    + ".");
        }
        return lines.toArray(String[]::new);
    }

    /** Every subcommand has -V from its standard help options; without a provider it would print nothing. */
    private static void withVersion(CommandLine cmd, VersionProvider provider) {
        cmd.getCommandSpec().versionProvider(provider);
        cmd.getSubcommands().values().forEach(sub -> withVersion(sub, provider));
    }

    @Override
    public void run() {
        // Without a subcommand there is nothing to do: show what there is.
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }
}
