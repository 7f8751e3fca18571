package org.stratumlab.loadgen.run;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.stratumlab.loadgen.units.Units;
import org.stratumlab.results.LatencyFormat;

/**
 * When a run's phases begin, as {@code --start-at} gives it: an RFC 3339 instant ({@code 2026-12-02T06:30:00Z},
 * {@code 2026-12-02T07:30:00+01:00}) or a duration from now ({@code +30s}). Shards started apart (pods scheduled
 * one by one) then open their first connection and begin their open-model schedule at the same instant; one that
 * is ready only after it refuses to run instead of running behind the others.
 */
public final class StartAt {
    private StartAt() {
    }

    /**
     * @param text an RFC 3339 instant, or {@code +} and a duration ({@code +30s}, {@code +2m})
     * @param now what "from now" is from
     * @return the instant
     * @throws IllegalArgumentException saying what the forms are
     */
    public static Instant parse(String text, Instant now) {
        String t = text.strip();
        if (t.startsWith("+")) {
            try {
                return now.plusNanos(Units.durationNs(t.substring(1)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "'" + text
                                + "' is not +DURATION: a number and a unit (ms, s, m, h) after the +, e.g. +30s");
            }
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is neither an RFC 3339 instant such as "
                    + "2026-12-02T06:30:00Z nor a duration from now such as +30s");
        }
    }

    /**
     * @param startAt when the phases are to begin, or null for as soon as the run is ready
     * @param now the time now
     * @throws StartPassedException if that instant has passed
     */
    public static void requireAhead(Instant startAt, Instant now) throws StartPassedException {
        if (startAt != null && now.isAfter(startAt)) {
            throw new StartPassedException(startAt, Duration.between(startAt, now));
        }
    }

    /**
     * A run was ready only after the instant its phases were to begin at: it would run late. An I/O failure of
     * sorts (the run cannot be made), so that every caller of a run handles it; {@code run} says it in one line.
     */
    public static final class StartPassedException extends java.io.IOException {
        private static final long serialVersionUID = 1L;
        private final transient Instant startAt;
        private final transient Duration late;

        StartPassedException(Instant startAt, Duration late) {
            super("ready " + LatencyFormat.of(late.toNanos() / 1e3) + " after " + startAt);
            this.startAt = startAt;
            this.late = late;
        }

        /** @return the instant that passed */
        public Instant startAt() {
            return startAt;
        }

        /** @return how long after it the run was ready */
        public Duration late() {
            return late;
        }
    }
}
