package org.stratumlab.cli.report;

import java.io.IOException;
import java.nio.file.Path;
import org.stratumlab.results.Summary;
import org.stratumlab.results.SummaryFile;
import java.util.List;
import java.util.concurrent.Callable;
import org.stratumlab.report.CompareReport;
import org.stratumlab.report.RunReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code stratumlab report}: re-renders a run's {@code report.html}, or compares two runs in one page; its
 * subcommand {@code index} regenerates the published results' README. Bad input (a missing directory, a malformed
 * file) is one line on stderr and exit code 2.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        customSynopsis = {"stratumlab report [-hV] DIR",
                "   or: stratumlab report [-hV] --compare A B [--out FILE]",
                "   or: stratumlab report index [-hV] DIR",
                "   or: stratumlab report attacks [-hV] DIR",
                "   or: stratumlab report merge [-hV] DIR... --out DIR"},
        description = {
                "Renders a run directory's report.html: a self-contained page (no network, no scripts) with the "
                        + "key figures, thresholds and charts: latency percentile spectra, throughput and miners "
                        + "over time, outcomes by reason, notify skew.",
                "With --compare, renders two runs side by side with the change of each key figure.%n"},
        subcommands = {IndexCommand.class, AttacksCommand.class, MergeCommand.class},
        footer = {"%nExamples:", "  ./stratumlab report results/runs/smoke-20261124T100000Z",
                "  ./stratumlab report --compare results/runs/smoke-A results/runs/smoke-B",
                "  ./stratumlab report index results",
                "  ./stratumlab report attacks results",
                "  ./stratumlab report merge run/shard-0 run/shard-1 --out merged",
                "%nA run directory literally named 'index', 'attacks' or 'merge' must be written ./index, "
                        + "./attacks or ./merge."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "A run directory (summary.json and latency.hlog, optionally timeseries.csv): "
                    + "writes DIR/report.html.")
    private Path dir;

    @Option(names = "--compare", arity = "2", paramLabel = "RUN",
            description = "Compare two run directories: A (the baseline), then B. Changes are (B - A) / A.")
    private List<Path> compare;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where --compare writes its page (default: compare-<A>-vs-<B>.html in A's parent "
                    + "folder, next to the runs).")
    private Path out;

    @Override
    public Integer call() {
        checkArguments();
        Path written = compare != null ? compare() : render();
        spec.commandLine().getOut().println("wrote " + written);
        return 0;
    }

    private void checkArguments() {
        if (dir == null && compare == null) {
            throw usage("give a run directory, --compare A B, or 'index DIR'");
        }
        if (dir != null && compare != null) {
            throw usage("give either a run directory or --compare A B, not both");
        }
        if (compare != null && compare.size() != 2) {
            throw usage("--compare takes two run directories, A then B, once");
        }
        if (out != null && compare == null) {
            throw usage("--out goes with --compare; a run's report is always DIR/report.html");
        }
    }

    private Path render() {
        try {
            Path written = RunReport.render(dir);
            Summary summary = SummaryFile.read(dir.resolve(SummaryFile.FILE_NAME));
            if (summary.partial()) {
                spec.commandLine().getOut().println("a partial run ending at " + summary.checkpointAt()
                        + ": killed or still running (its last checkpoint)");
            }
            return written;
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        } catch (IOException e) {
            throw usage("cannot write " + dir.resolve(RunReport.FILE_NAME) + " (" + e + ")");
        }
    }

    private Path compare() {
        Path a = compare.get(0);
        Path b = compare.get(1);
        Path file = out != null ? out : CompareReport.defaultOutFile(a, b);
        try {
            return CompareReport.render(a, b, file);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        } catch (IOException e) {
            throw usage("cannot write " + file + " (" + e + ")");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
