package org.stratumlab.cli.report;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.stratumlab.report.AttackTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stratumlab report attacks}: regenerates the table of published attack runs in
 * {@code DIR/attacks/README.md}. Bad input (no such folder, a malformed summary.json) is one line on stderr and
 * exit code 2.
 */
@Command(name = "attacks", mixinStandardHelpOptions = true,
        description = {
                "Regenerates DIR/" + AttackTable.FOLDER + "/README.md: for the latest published run of every "
                        + "scenario named " + AttackTable.PREFIX
                        + "*, the honest miners' submit p99 and notify "
                        + "skew p99 in its '" + AttackTable.BASELINE + "' phase and its '"
                        + AttackTable.ATTACK
                        + "' phase with their ratio, the simulator's heap peak, the connections its defences "
                        + "closed, the honest submits lost, the verdict and a link to the report; then the "
                        + "latest soak run's heap readings and slope.",
                "Text outside the table's markers in the README is kept.%n"},
        footer = {"%nExample:", "  ./stratumlab report attacks results"})
public final class AttacksCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The results folder, e.g. results.")
    private Path dir;

    @Override
    public Integer call() {
        return ResultsFolderWrite.run(spec, dir, "tabulate", AttackTable::write);
    }
}
