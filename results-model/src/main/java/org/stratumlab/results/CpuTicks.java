package org.stratumlab.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The CPU time counters of the first line of {@code /proc/stat} (Linux), in USER_HZ ticks summed over every core,
 * read as a run starts and as it ends: the time the hypervisor gave to other guests (steal) out of all the time
 * there was, which says whether a run on a shared virtual machine measured the endpoint or its neighbours.
 *
 * @param steal ticks stolen (the line's 8th value)
 * @param total ticks of every kind the line counts up to steal (user, nice, system, idle, iowait, irq, softirq,
 *        steal): the wall time times the cores, in the kernel's own clock
 */
public record CpuTicks(long steal, long total) {
    private static final Path PROC_STAT = Path.of("/proc/stat");
    /** user nice system idle iowait irq softirq steal: guest time is already inside user and nice. */
    private static final int COUNTED = 8;

    /** @return the counters now, or {@code null} where there is no {@code /proc/stat} (not Linux) */
    public static CpuTicks read() {
        try (var lines = Files.lines(PROC_STAT)) {
            return lines.findFirst().map(CpuTicks::parse).orElse(null);
        } catch (IOException | RuntimeException e) {
            return null; // not Linux
        }
    }

    /**
     * @param cpuLine the aggregate line, e.g. {@code cpu  4705 356 584 3699 23 23 0 12 0 0}
     * @return its counters, or {@code null} when it is not a {@code cpu} line or lacks the steal value (kernels
     *         before 2.6.11)
     */
    static CpuTicks parse(String cpuLine) {
        String[] fields = cpuLine.strip().split("\\s+");
        if (!fields[0].equals("cpu") || fields.length < COUNTED + 1) {
            return null;
        }
        long total = 0;
        for (int i = 1; i <= COUNTED; i++) {
            total += Long.parseLong(fields[i]);
        }
        return new CpuTicks(Long.parseLong(fields[COUNTED]), total);
    }

    /**
     * @param start the counters as the run began, or null
     * @param end the counters as it ended, or null
     * @return the ticks stolen between them as a percentage of all the ticks between them, to 0.01; {@code null}
     *         when either is unknown or no tick passed
     */
    public static Double stealPercent(CpuTicks start, CpuTicks end) {
        if (start == null || end == null || end.total <= start.total) {
            return null;
        }
        double percent = 100.0 * Math.max(0, end.steal - start.steal) / (end.total - start.total);
        return Math.round(percent * 100) / 100.0;
    }

    /**
     * @param stealPercent a run's steal share, or null
     * @return e.g. {@code 0.35 %}, or {@code not recorded}
     */
    public static String describe(Double stealPercent) {
        return stealPercent == null ? "not recorded" : String.format(Locale.ROOT, "%.2f %%", stealPercent);
    }
}
