package org.stratumlab.loadgen.record;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A run's clock: the wall clock read once, as the run is set up, and the monotonic clock ({@link System#nanoTime})
 * from then on. A time on the wall clock is then never earlier than one before it within the run (NTP may step the
 * wall clock back; the monotonic clock does not), and two processes' times are as close as their wall clocks were
 * at their anchors.
 *
 * <p>Immutable.
 */
public final class RunClock {
    private final Instant anchor;
    private final long anchorNs;

    private RunClock(Instant anchor, long anchorNs) {
        this.anchor = anchor;
        this.anchorNs = anchorNs;
    }

    /** @return a clock anchored now */
    public static RunClock anchoredNow() {
        Instant wall = Instant.now();
        return new RunClock(wall, System.nanoTime());
    }

    /**
     * @param nanoTime a {@link System#nanoTime} value of this process
     * @return the instant it is on this run's wall clock
     */
    public Instant instantAt(long nanoTime) {
        return anchor.plusNanos(nanoTime - anchorNs);
    }

    /**
     * @param nanoTime a {@link System#nanoTime} value of this process
     * @return microseconds since the epoch on this run's wall clock
     */
    public long epochMicrosAt(long nanoTime) {
        return TimeUnit.SECONDS.toMicros(anchor.getEpochSecond()) + anchor.getNano() / 1000
                + Math.floorDiv(nanoTime - anchorNs, 1000);
    }

    /**
     * @param instant an instant on this run's wall clock, within about 290 years of its anchor
     * @return the {@link System#nanoTime} value that reaches it
     */
    public long nanoTimeAt(Instant instant) {
        return anchorNs + Duration.between(anchor, instant).toNanos();
    }
}
