package org.stratumlab.protocol.mining;

/**
 * The node's reason strings for rejected submits (docs/protocol.md §5), used by the dialects to write them and by a
 * client to tell rejections apart. The texts, quirks included (the {@code !} after the worker in the incorrect
 * nonce reason only), are the node's.
 */
public final class SubmitReasons {
    /** Starts the stale job reason; the worker follows and ends it. */
    public static final String STALE_JOB_PREFIX = "Solution for a stale job! worker_id = ";
    /** Starts the incorrect nonce reason; the worker and {@value #INCORRECT_NONCE_SUFFIX} follow. */
    public static final String INCORRECT_NONCE_PREFIX = "Incorrect Nonce! worker_id = ";
    /** Ends the incorrect nonce reason. */
    public static final String INCORRECT_NONCE_SUFFIX = "!";
    /** Starts the duplicate reason; the nonce in decimal, {@value #DUPLICATE_MIDDLE} and the worker follow. */
    public static final String DUPLICATE_PREFIX = "Problem already solved with nonce = ";
    /** Sits between the nonce and the worker in the duplicate reason. */
    public static final String DUPLICATE_MIDDLE = "! worker_id = ";

    private SubmitReasons() {
    }

    /**
     * @param outcome a rejection with a reason: {@link SubmitOutcome#STALE_JOB},
     *        {@link SubmitOutcome#INCORRECT_NONCE} or {@link SubmitOutcome#DUPLICATE}
     * @param workerId the worker name
     * @param nonceDecimal the nonce in decimal (only used for {@link SubmitOutcome#DUPLICATE})
     * @return the reason text (not JSON-escaped)
     * @throws IllegalArgumentException for an outcome without a reason
     */
    public static String text(SubmitOutcome outcome, String workerId, String nonceDecimal) {
        return switch (outcome) {
            case STALE_JOB -> STALE_JOB_PREFIX + workerId;
            case INCORRECT_NONCE -> INCORRECT_NONCE_PREFIX + workerId + INCORRECT_NONCE_SUFFIX;
            case DUPLICATE -> DUPLICATE_PREFIX + nonceDecimal + DUPLICATE_MIDDLE + workerId;
            default -> throw new IllegalArgumentException(outcome + " has no reason text");
        };
    }

    /**
     * Tells which rejection a reason text reports, for a client counting rejections by kind.
     *
     * @param reason the reason of a rejected submit, or {@code null} when it had none
     * @return {@link SubmitOutcome#MALFORMED} when there is no reason, the matching outcome for the node's
     *         texts, or {@code null} for any other text
     */
    public static SubmitOutcome classify(String reason) {
        if (reason == null) {
            return SubmitOutcome.MALFORMED;
        }
        if (reason.startsWith(STALE_JOB_PREFIX)) {
            return SubmitOutcome.STALE_JOB;
        }
        if (reason.startsWith(INCORRECT_NONCE_PREFIX)) {
            return SubmitOutcome.INCORRECT_NONCE;
        }
        return reason.startsWith(DUPLICATE_PREFIX) ? SubmitOutcome.DUPLICATE : null;
    }
}
