package org.stratumlab.loadgen.miner;

import io.netty.channel.ConnectTimeoutException;
import java.util.Map;

/**
 * Names why a connect failed, so that a run that never got going can say so in a word: the errno's name when the
 * system gave one (Netty's native transport and the JDK's both carry only the C library's text of it), else the
 * exception's class. The names are what a user searches for, and what {@code ulimit} or a firewall answers to.
 *
 * <p>Thread-safe; called once per failed attempt, never on a hot path.
 */
final class ConnectFailures {
    /** strerror's text of the errors a connect meets, by errno name. */
    private static final Map<String, String> ERRNO_BY_TEXT = Map.of(
            "Connection refused", "ECONNREFUSED",
            "Too many open files", "EMFILE",
            "Cannot assign requested address", "EADDRNOTAVAIL",
            "Connection timed out", "ETIMEDOUT",
            "No route to host", "EHOSTUNREACH",
            "Network is unreachable", "ENETUNREACH",
            "Connection reset by peer", "ECONNRESET",
            "Address already in use", "EADDRINUSE",
            "Permission denied", "EACCES");

    private ConnectFailures() {
    }

    /**
     * @param failure what the connect future failed with
     * @return its errno's name, {@code timeout} for the connect timeout, else the class of the innermost cause
     */
    static String cause(Throwable failure) {
        Throwable innermost = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectTimeoutException) {
                return "timeout";
            }
            String errno = errno(t.getMessage());
            if (errno != null) {
                return errno;
            }
            innermost = t;
        }
        return innermost == null ? "unknown" : innermost.getClass().getSimpleName();
    }

    private static String errno(String message) {
        if (message == null) {
            return null;
        }
        for (Map.Entry<String, String> e : ERRNO_BY_TEXT.entrySet()) {
            if (message.contains(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }
}
