package org.stratumlab.loadgen.scenario;

/** A scenario file that cannot be run, with a one-line message naming the file, the line or key, and why. */
public final class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message the one-line reason */
    public ScenarioException(String message) {
        super(message, null, false, false);
    }
}
