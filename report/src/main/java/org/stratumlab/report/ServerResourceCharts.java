package org.stratumlab.report;

import java.util.List;
import org.stratumlab.results.Summary;

/**
 * The embedded simulator's resources over a run ({@code serverResources} of summary.json): its live heap with the
 * fitted slope in words, and its file descriptors beside its connections, each reading from the start (before any
 * miner connected) to the end (after they all left).
 */
final class ServerResourceCharts {
    private ServerResourceCharts() {
    }

    /** @return the heap and descriptor charts, or none when the run did not sample a simulator */
    static List<Chart> of(Summary summary, List<LineChart.Marker> phases) {
        Summary.ServerResources r = summary.serverResources();
        if (r == null) {
            return List.of();
        }
        return List.of(heap(r, phases), descriptors(r, phases));
    }

    private static Chart heap(Summary.ServerResources r, List<LineChart.Marker> phases) {
        List<Summary.ResourceSample> all = r.readings();
        List<Series> lines = List.of(series("heap after full GC", "#1f77b4", all,
                sample -> sample.heapAfterGcBytes() / Summary.MIB));
        double committedMib = all.stream().mapToLong(Summary.ResourceSample::heapCommittedBytes).max()
                .orElse(0)
                / Summary.MIB;
        String whose = r.heapSharedWithGenerator()
                ? " The simulator ran in the generator's process: this heap is the generator's too, not the "
                        + "simulator's alone."
                : " The simulator ran in a JVM of its own.";
        return new Chart("Simulator heap over time",
                RunCharts.timeChart("Simulator heap after a full GC", lines, "heap (MiB)", phases),
                "Heap used right after a full collection each reading asked for (the live heap), at the start, "
                        + "every " + Format.number(r.intervalS()) + " s and after the miners left. Its slope "
                        + "from the end of the first phase on: " + r.heapSlope().describe()
                        + ". The JVM had at most "
                        + Format.number(committedMib) + " MiB of heap committed." + whose);
    }

    private static Chart descriptors(Summary.ServerResources r, List<LineChart.Marker> phases) {
        List<Summary.ResourceSample> all = r.readings();
        List<Summary.ResourceSample> counted = all.stream().filter(s -> s.openFds() != null).toList();
        List<Series> lines = List.of(
                series("open fds", "#d62728", counted, s -> s.openFds()),
                series("connections", "#2ca02c", all, s -> s.connections()),
                series("per-connection state", "#9467bd", all, s -> s.stateTotal()));
        return new Chart("Simulator descriptors over time",
                RunCharts.timeChart("Simulator descriptors and connections", lines,
                        "count", phases),
                "The simulator process's open file descriptors, its open connections, and the entries it keeps per "
                        + "connection (subscribers, channels, held), at each reading: " + r.describe() + ".");
    }

    private static Series series(String name, String color, List<Summary.ResourceSample> samples,
            java.util.function.ToDoubleFunction<Summary.ResourceSample> value) {
        double[] at = new double[samples.size()];
        double[] ys = new double[samples.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = samples.get(i).atS();
            ys[i] = value.applyAsDouble(samples.get(i));
        }
        return new Series(name, color, false, at, ys);
    }
}
