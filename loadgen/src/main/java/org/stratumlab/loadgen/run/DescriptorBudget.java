package org.stratumlab.loadgen.run;

import java.util.Locale;

/**
 * Whether a run's sockets fit in the process's file descriptor limit: each miner holds one, and the embedded
 * server in the same process one more per miner. A run that does not fit would lose the miners beyond the limit
 * to {@code EMFILE} connect failures, retried with backoff until the end; it is refused before anything starts,
 * with what to do instead.
 *
 * <p>The limit is the caller's to read (the command line reads the process's own): nothing here reads the
 * environment.
 */
public final class DescriptorBudget {
    /** What the JVM and the run hold besides sockets: jars, event-loop selectors, the output files, pipes. */
    static final int RESERVE = 256;

    private DescriptorBudget() {
    }

    /**
     * @param config the run
     * @return the descriptors it needs at most
     */
    public static long needed(LoadConfig config) {
        long miners = config.fleet().miners();
        return miners + (serverInProcess(config) ? miners : 0) + RESERVE;
    }

    private static boolean serverInProcess(LoadConfig config) {
        return config.target() == null && !config.embeddedProcess().separate(config.fleet().miners());
    }

    /**
     * @param config the run
     * @param limit the most descriptors this process may open
     * @param separateOption how the user asks for a child-JVM server ({@code --embedded-process separate})
     * @return why the run cannot start, one line saying what to do instead, or null if it fits
     */
    public static String refusal(LoadConfig config, long limit, String separateOption) {
        long needed = needed(config);
        if (needed <= limit) {
            return null;
        }
        long miners = config.fleet().miners();
        boolean server = serverInProcess(config);
        String childJvm = server && miners + RESERVE <= limit
                ? "run the embedded server in a child JVM (" + separateOption + "), "
                : "";
        return String.format(Locale.ROOT,
                "%,d miners need about %,d file descriptors (%,d for the miners%s, %,d for the JVM), but this "
                        + "process may open %,d: %suse fewer miners, or split them over several generator "
                        + "processes (or raise the limit: ulimit -n)",
                miners, needed, miners, server
                        ? String.format(Locale.ROOT,
                                ", %,d for the embedded server in this process", miners)
                        : "",
                RESERVE, limit, childJvm);
    }
}
