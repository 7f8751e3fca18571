package org.stratumlab.cli.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.stratumlab.cli.Invocations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code stratumlab report merge}: one run folder from the run folders of a sharded run's shards, judged by the
 * scenario's thresholds, with the exit code a run of the scenario would have. Shards that do not belong together,
 * a shard missing or a folder that is not a shard's is one line and exit code 2, before anything is written.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {
                "Merges the run folders of every shard of a sharded run (run --shard I/N, --shards N) into one "
                        + "run folder: counts added, latency histograms added interval by interval, percentiles, "
                        + "timeseries.csv and notify skew recomputed across the shards; then judges the "
                        + "scenario's thresholds on the merged summary and renders its report.html.",
                "The shards must be one run's: the same scenario digest, seed, start instant and shard count, "
                        + "each index once.%n"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every threshold passed", "1:a threshold failed",
                "2:the folders cannot be merged (one line says which)",
                "3:a shard did not get going", "4:the generators fell short of the load asked",
                "130:a shard was interrupted"},
        footer = {"%nExample:",
                "  ./stratumlab report merge shard-0 shard-1 shard-2 --out merged"})
public final class MergeCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "1..*", paramLabel = "DIR",
            description = "The run folder of each shard, in any order.")
    private List<Path> dirs;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The merged run folder, new or empty.")
    private Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter writer = spec.commandLine().getOut();
        try {
            return MergedRun.mergeInto(dirs, out, true, Invocations.of(spec, List.of()), writer,
                    spec.commandLine().getErr(), "stratumlab report merge").code();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
