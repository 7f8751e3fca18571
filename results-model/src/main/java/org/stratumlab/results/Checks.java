package org.stratumlab.results;

/** The checks the contract's records make as they are built; each message starts with the key it is about. */
final class Checks {
    private Checks() {
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    static void nonNegative(String key, double value) {
        require(Double.isFinite(value) && value >= 0, key + " must be a number >= 0");
    }
}
