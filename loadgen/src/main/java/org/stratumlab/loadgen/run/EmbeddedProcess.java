package org.stratumlab.loadgen.run;

import java.util.Locale;

/**
 * Where a run's embedded simulator runs. A process has one file descriptor budget (20,000 here), and 10,000
 * miners plus their server need twice 10,000 sockets; a separate process also keeps the server's heap and GC
 * apart from the generator's.
 */
public enum EmbeddedProcess {
    /** In the run's own process. */
    SAME,
    /** In a child JVM of its own. */
    SEPARATE,
    /** A separate process above {@link #SEPARATE_ABOVE_MINERS} miners, the same process otherwise. */
    AUTO;

    /** Above this many miners, both ends' sockets would come near a 20,000 descriptor limit. */
    public static final int SEPARATE_ABOVE_MINERS = 8_000;

    /**
     * @param miners the most miners the run opens
     * @return whether the server gets a process of its own
     */
    public boolean separate(int miners) {
        return this == SEPARATE || this == AUTO && miners > SEPARATE_ABOVE_MINERS;
    }

    /**
     * @param text same, separate or auto
     * @return the mode
     * @throws IllegalArgumentException naming the accepted values
     */
    public static EmbeddedProcess parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "same" -> SAME;
            case "separate" -> SEPARATE;
            case "auto" -> AUTO;
            default -> throw new IllegalArgumentException("'" + text + "' is not same, separate or auto");
        };
    }
}
