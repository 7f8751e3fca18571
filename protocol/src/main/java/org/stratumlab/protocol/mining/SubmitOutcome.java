package org.stratumlab.protocol.mining;

/**
 * What became of a {@code mining.submit} (docs/protocol.md §5, the result table). The server decides; the dialect
 * spells it ({@code Dialect.writeSubmitResult}).
 */
public enum SubmitOutcome {
    /** The nonce solves the problem: {@code [true]}. */
    ACCEPTED("accepted"),
    /** Wrong arity or an unparsable nonce or pow_hash: {@code [false]}. */
    MALFORMED("malformed"),
    /** The pow_hash is not among the recent problems: {@code [false,"Solution for a stale job! ..."]}. */
    STALE_JOB("stale"),
    /** The PoW check fails: {@code [false,"Incorrect Nonce! ..."]}. */
    INCORRECT_NONCE("incorrect"),
    /** That nonce was already accepted for that problem: {@code [false,"Problem already solved ..."]}. */
    DUPLICATE("duplicate");

    private final String label;

    SubmitOutcome(String label) {
        this.label = label;
    }

    /** @return a short lowercase name for metrics and reports: accepted, malformed, stale, incorrect, duplicate */
    public String label() {
        return label;
    }
}
