package org.stratumlab.loadgen.attack;

/** How one attacker connection ended. Every opened connection ends in exactly one. */
public enum AttackEnd {
    /** The endpoint closed it after writing an error line. */
    CLOSED_AFTER_ERROR("closed_after_error"),
    /** The endpoint closed it without an error line just before. */
    CLOSED_SILENTLY("closed_silently"),
    /** The connection was reset. */
    RESET("reset"),
    /** The attacker closed it (churn, or a connection the phase no longer wants). */
    CLOSED_BY_US("closed_by_us"),
    /** Still open when the run ended (then closed by the generator). */
    STILL_OPEN("still_open");

    private final String label;

    AttackEnd(String label) {
        this.label = label;
    }

    /** @return the name used in summaries */
    public String label() {
        return label;
    }

    /** @return whether the endpoint ended it */
    public boolean byServer() {
        return this == CLOSED_AFTER_ERROR || this == CLOSED_SILENTLY || this == RESET;
    }
}
