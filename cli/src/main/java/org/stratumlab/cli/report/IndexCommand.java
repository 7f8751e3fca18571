package org.stratumlab.cli.report;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.stratumlab.report.ResultsIndex;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stratumlab report index}: regenerates the table of published results in {@code DIR/README.md}. Bad input
 * (no such folder, a malformed summary.json) is one line on stderr and exit code 2.
 */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = {
                "Regenerates DIR/README.md: a Markdown table of every run directory below DIR that has a "
                        + "summary.json (scenario, date, runs, machine, JDK, submits/s, accepted ratio, submit p99, "
                        + "notify skew p99, thresholds, link to its report.html), sorted by scenario, then date.",
                "A repeated run (a folder with runs.json, from run --repeat N) is one row: how many runs stand "
                        + "behind it, each figure as median (min-max), and a link to its README.md.",
                "DIR/runs/ is skipped: unpublished runs stay out of git. Text outside the table's markers "
                        + "in README.md is kept.%n"},
        footer = {"%nExample:", "  ./stratumlab report index results"})
public final class IndexCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The results folder, e.g. results.")
    private Path dir;

    @Override
    public Integer call() {
        return ResultsFolderWrite.run(spec, dir, "index", ResultsIndex::write);
    }
}
