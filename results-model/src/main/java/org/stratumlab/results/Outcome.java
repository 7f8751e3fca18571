package org.stratumlab.results;

/**
 * How one submit ended. Every submit sent ends in exactly one of these, so that
 * {@code sent == accepted + rejected + errors + unanswered} always holds (docs/architecture.md).
 */
public enum Outcome {
    /** {@code [true]}. */
    ACCEPTED("accepted"),
    /** Rejected as "Solution for a stale job!". */
    REJECTED_STALE("stale"),
    /** Rejected as "Incorrect Nonce!". */
    REJECTED_INCORRECT("incorrect"),
    /** Rejected as "Problem already solved". */
    REJECTED_DUPLICATE("duplicate"),
    /** Rejected with no or an unknown reason ({@code [false]}: a malformed submit). */
    REJECTED_OTHER("other"),
    /** A JSON-RPC error object instead of a result. */
    ERROR("errors"),
    /** No reply within the submit timeout, or the connection was lost first. */
    UNANSWERED("unanswered");

    private final String key;

    Outcome(String key) {
        this.key = key;
    }

    /** @return its key in summary.json (under {@code rejected} for the rejections) */
    public String key() {
        return key;
    }

    /** @return whether the server rejected the share */
    public boolean isRejection() {
        return name().startsWith("REJECTED_");
    }
}
