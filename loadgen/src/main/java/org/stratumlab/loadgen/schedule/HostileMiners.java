package org.stratumlab.loadgen.schedule;

/**
 * A group of hostile miners inside a fleet (hostile-mix): a fraction of the miners that draw their shares
 * from their own bad-share mix, while the others (the honest miners) keep the phase's mix. Their submit latency
 * is recorded apart ({@code submit_honest}), so that a scenario can ask whether hostile traffic slows the honest
 * miners down.
 *
 * <p>Hostile miners are spread evenly over the miner numbers (with a fraction of 0.2, every fifth miner), so a
 * ramp or a phase with fewer miners keeps the same proportion.
 *
 * @param fraction the share of miners that are hostile, in 0..1
 * @param shares the bad-share mix every hostile miner draws from
 */
public record HostileMiners(double fraction, BadShareMix shares) {
    /** No hostile miners. */
    public static final HostileMiners NONE = new HostileMiners(0, BadShareMix.NONE);

    /**
     * What a hostile miner sends when no mix is given: only bad shares, each kind alike. (A duplicate repeats a
     * share the fleet had accepted on the current job; before there is one, it sends a valid share to repeat.)
     */
    public static final BadShareMix ALL_BAD = new BadShareMix(0.25, 0.25, 0.25, 0.25);

    /** Checks the fraction. */
    public HostileMiners {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("the hostile fraction must be in 0..1, got " + fraction);
        }
        if (shares == null) {
            throw new IllegalArgumentException("hostile miners need a bad-share mix");
        }
    }

    /**
     * @param index a miner's number, from 0
     * @return whether that miner is hostile
     */
    public boolean isHostile(int index) {
        return Math.floor((index + 1) * fraction) > Math.floor(index * fraction);
    }
}
