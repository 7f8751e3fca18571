package org.stratumlab.loadgen.miner;

import java.util.SplittableRandom;
import org.stratumlab.loadgen.schedule.SolveSchedule;

/**
 * One simulated miner across its connections: its worker name, its solution schedule and random source (both
 * seeded, so a seed gives the same schedule), and its reconnect state. A new {@link SimulatedMiner} handler
 * serves each connection of the slot.
 *
 * <p>Used from the slot's current connection's event loop, and by the fleet between connections.
 */
final class MinerSlot {
    final int index;
    final String workerId;
    final SolveSchedule schedule;
    final SplittableRandom random;
    /** Draws its shares from the hostile mix, and its submit latency is not the honest miners'. */
    final boolean hostile;
    int failedAttempts;
    /** Whether the slot's connection is subscribed: its schedule's events are due (read by the progress line). */
    volatile boolean subscribed;
    /** Closed because a phase lowered the number of miners: not to be reconnected. */
    volatile boolean retired;

    MinerSlot(int index, String workerId, SolveSchedule schedule, SplittableRandom random, boolean hostile) {
        this.index = index;
        this.hostile = hostile;
        this.workerId = workerId;
        this.schedule = schedule;
        this.random = random;
    }
}
