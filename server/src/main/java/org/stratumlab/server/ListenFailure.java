package org.stratumlab.server;

import java.io.IOException;

/**
 * The server could not bind one of its endpoints (a port in use, an address this machine does not have): the
 * user's to change, not a bug. {@link #endpoint()} says which, so that the message can name the right option.
 */
public final class ListenFailure extends IOException {
    private static final long serialVersionUID = 1L;

    /** What could not be bound. */
    public enum Endpoint {
        /** The Stratum listener: host and port. */
        STRATUM,
        /** The Prometheus metrics endpoint: the metrics port. */
        METRICS
    }

    private final Endpoint endpoint;

    ListenFailure(Endpoint endpoint, String message, Throwable cause) {
        super(message, cause);
        this.endpoint = endpoint;
    }

    /** @return which endpoint could not be bound */
    public Endpoint endpoint() {
        return endpoint;
    }
}
