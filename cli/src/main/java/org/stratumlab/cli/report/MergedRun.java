package org.stratumlab.cli.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.stratumlab.cli.ExitCode;
import org.stratumlab.cli.RunFolder;
import org.stratumlab.cli.loadgen.SummaryTable;
import org.stratumlab.cli.loadgen.Verdict;
import org.stratumlab.loadgen.merge.ShardMerge;
import org.stratumlab.report.RunReport;
import org.stratumlab.results.Summary;

/**
 * A merge of shards as a run ends: merged, written, reported ({@code report.html}, the summary table, each
 * threshold) and judged with the exit code a run of the scenario would have. Shared by {@code report merge} and
 * {@code run --shards N --local}.
 */
public final class MergedRun {
    private MergedRun() {
    }

    /**
     * @param shardDirs the shards' run folders
     * @param out the merged run folder
     * @param claim whether to claim {@code out} as a run claims its folder (new or empty); false when the caller
     *        claimed it already (a local run's folder, which holds the shards')
     * @param invocation the command that asked for the merge
     * @param writer where the table and the thresholds go
     * @param err where the line of a run that did not end well goes
     * @param command the command's name, for that line
     * @return the exit code
     * @throws IllegalArgumentException one line naming the folder that cannot be merged (or {@code --out})
     * @throws IOException if the merged files cannot be written
     */
    public static ExitCode mergeInto(List<Path> shardDirs, Path out, boolean claim,
            Summary.Invocation invocation,
            PrintWriter writer, PrintWriter err, String command) throws IOException {
        ShardMerge merge = ShardMerge.of(shardDirs, invocation);
        if (claim) {
            RunFolder.claim(out);
        }
        merge.writeTo(out);
        Summary summary = merge.summary();
        writer.println("merged " + summary.merge().shards() + " shards into " + out);
        SummaryTable.print(writer, summary, out);
        writer.println("report " + RunReport.render(out));
        Verdict.printThresholds(writer, summary.thresholds());
        return Verdict.of(summary, err, command, target(summary));
    }

    private static String target(Summary summary) {
        return summary.settings().path("target").isTextual()
                ? summary.settings().path("target").asText()
                : "the endpoint";
    }
}
