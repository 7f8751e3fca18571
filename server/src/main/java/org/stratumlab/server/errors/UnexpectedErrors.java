package org.stratumlab.server.errors;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Counts unexpected exceptions (bugs, not dead peers) by class name and logs only the first of each class, so
 * that a bug hit by every connection costs one log line and a counter, not a flood (Agrona's
 * {@code DistinctErrorLog}). Callers decide what is expected (a peer's reset is) and record the rest.
 *
 * <p>Thread-safe: {@link #record} is called from event loops and the chain thread, {@link #snapshot} from
 * anywhere. After the first error of a class, recording it again is a map lookup and a striped increment.
 */
public final class UnexpectedErrors {
    /** How many stack frames the one log line carries: enough to find the throwing code. */
    private static final int FRAMES_LOGGED = 4;

    private final String source;
    private final Consumer<String> log;
    private final Map<String, LongAdder> countsByClassName = new ConcurrentHashMap<>();

    private UnexpectedErrors(String source, Consumer<String> log) {
        this.source = source;
        this.log = log;
    }

    /**
     * @param source who records, named at the start of each log line ({@code stratumlab server})
     * @return a counter that logs the first error of each class to standard error
     */
    public static UnexpectedErrors toStderr(String source) {
        return new UnexpectedErrors(source, System.err::println);
    }

    /**
     * @param source who records, named at the start of each log line
     * @param log takes one line per class of error, the first time it is recorded
     * @return a counter that logs to {@code log}
     */
    public static UnexpectedErrors loggingTo(String source, Consumer<String> log) {
        return new UnexpectedErrors(source, log);
    }

    /**
     * Counts an error under its class name, and logs it if it is the first of its class.
     *
     * @param error the unexpected exception
     */
    public void record(Throwable error) {
        String className = error.getClass().getName();
        LongAdder count = countsByClassName.get(className);
        if (count == null) {
            // Counted before it is published, so that a snapshot never shows a class at 0.
            LongAdder first = new LongAdder();
            first.increment();
            count = countsByClassName.putIfAbsent(className, first);
            if (count == null) {
                log.accept(describe(error));
                return;
            }
        }
        count.increment();
    }

    private String describe(Throwable error) {
        StringBuilder line = new StringBuilder(source).append(": unexpected ")
                .append(error.getClass().getName())
                .append(": ").append(error.getMessage());
        StackTraceElement[] frames = error.getStackTrace();
        for (int i = 0; i < Math.min(FRAMES_LOGGED, frames.length); i++) {
            line.append(i == 0 ? " at " : " < ").append(frames[i]);
        }
        return line.append(" (logged once; later ones of this class are only counted)").toString();
    }

    /** @return the count of each class recorded so far, by class name, sorted */
    public Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        countsByClassName.forEach((className, count) -> counts.put(className, count.sum()));
        return Collections.unmodifiableMap(counts);
    }
}
