package org.stratumlab.results;

/** The latencies a run records, each with its tag in {@code latency.hlog} and its key in {@code summary.json}. */
public enum Metric {
    /** From a solution event's intended time to the submit's reply: coordinated-omission free. */
    SUBMIT("submit", "submit"),
    /** Submit latency (as {@link #SUBMIT}) of the honest miners only: those not in the hostile group. */
    SUBMIT_HONEST("submit-honest", "submitHonest"),
    /** From the submit's write to its reply: what the server's own view would show. */
    SUBMIT_SERVICE("submit-service", "submitService"),
    /** From starting a TCP connect to its completion. */
    CONNECT("connect", "connect"),
    /** From writing mining.subscribe to its reply. */
    SUBSCRIBE("subscribe", "subscribe"),
    /** For each job, each miner's receipt time minus the first miner's receipt time. */
    NOTIFY_SKEW("notify-skew", "notifySkew"),
    /**
     * The generator's own lateness: from a solution event's intended time to when its submit was written, or, for
     * an event still owed when the run ended, to the end (a lower bound of what it would have been).
     */
    LAG("lag", "lag");

    /** The HdrHistogram interval log a run writes, one tag per metric. */
    public static final String LATENCY_LOG_FILE = "latency.hlog";

    /**
     * The metric latency.hlog also holds untagged, beside its tagged histograms: HdrHistogram's
     * {@code HistogramLogProcessor} reads only untagged histograms unless given {@code -tag}.
     */
    public static final Metric UNTAGGED_IN_LOG = SUBMIT;

    /**
     * How a {@code .hgrm} percentile file divides the recorded microseconds: it is written in milliseconds, the
     * unit wrk2's files and HdrHistogram's plotter show.
     */
    public static final double PERCENTILE_FILE_UNIT_RATIO = 1000.0;

    private final String tag;
    private final String summaryKey;

    Metric(String tag, String summaryKey) {
        this.tag = tag;
        this.summaryKey = summaryKey;
    }

    /** @return the tag of its histograms in latency.hlog */
    public String tag() {
        return tag;
    }

    /** @return the name of its percentile file in a run folder ({@code submit.hgrm}) */
    public String percentileFile() {
        return tag + ".hgrm";
    }

    /** @return its key under {@code latencyUs} in summary.json */
    public String summaryKey() {
        return summaryKey;
    }

    /** @return its name in threshold rules: the summary key in snake case ({@code submit_honest}) */
    public String ruleName() {
        return summaryKey.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }
}
