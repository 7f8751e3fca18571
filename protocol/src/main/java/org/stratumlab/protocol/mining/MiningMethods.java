package org.stratumlab.protocol.mining;

/** The Stratum method names (docs/protocol.md §3–5). Any other method gets "Method not found". */
public final class MiningMethods {
    /** Client to server: register for notifies (docs/protocol.md §3). */
    public static final String SUBSCRIBE = "mining.subscribe";
    /** Client to server: a solution (docs/protocol.md §5). */
    public static final String SUBMIT = "mining.submit";
    /** Server to client: a new job (docs/protocol.md §4). Not a server method. */
    public static final String NOTIFY = "mining.notify";

    private MiningMethods() {
    }
}
