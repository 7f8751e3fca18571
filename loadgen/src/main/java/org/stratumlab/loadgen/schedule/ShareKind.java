package org.stratumlab.loadgen.schedule;

/** What a solution event submits: an honest share or one of the deliberately bad kinds. */
public enum ShareKind {
    /** A nonce that really solves the current job. */
    VALID("valid"),
    /** A nonce that does not solve the job: the server answers "Incorrect Nonce!". */
    INVALID("invalid"),
    /**
     * A submit for a pow_hash outside the window, whatever its size (one the server never issued, which it
     * judges as it judges an expired job): "Solution for a stale job!".
     */
    STALE("stale"),
    /**
     * A repeat of a nonce the server already accepted for the current job, from any miner of the fleet; before
     * any share of the job was accepted, a fresh valid share that is repeated once accepted: "Problem already
     * solved".
     */
    DUPLICATE("duplicate"),
    /** A param that is not hex: the server answers a plain [false]. */
    MALFORMED("malformed");

    private final String label;

    ShareKind(String label) {
        this.label = label;
    }

    /** @return the name used in options and summaries */
    public String label() {
        return label;
    }
}
