package org.stratumlab.loadgen.shard;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One share of a sharded run: several generator processes (pods of a Kubernetes Indexed Job, or processes on
 * one machine) each run shard {@code index} of {@code count} of one scenario against one endpoint, and their run
 * folders merge into one result. What a shard runs follows from this value and global miner numbers (the fleet's
 * slots and {@code LoadConfig.forShard} consult it), so that the shards together are exactly the unsharded fleet:
 *
 * <ul>
 * <li>shard I runs the miners whose global number n (0 to the fleet's size) has {@code n mod count == I}; their
 * worker names stay global ({@code <prefix>-<n>}), and which of them are hostile is decided by n, as in the
 * unsharded fleet;
 * <li>each phase keeps its name and duration; its miners are the shard's among the phase's (the phase's first
 * miners, by global number), and its connect rate is the phase's times the shard's miners over the phase's, so the
 * shards' rates add up to the phase's;
 * <li>hashrates are drawn for the whole fleet and each miner takes its global number's, so that a distribution
 * over ranks ({@code zipf}) ranks the fleet and not each shard;
 * <li>the shard's random draws (schedules, shares, nonces, hashrates) use {@link #seed(long) its own seed}.
 * </ul>
 *
 * @param index this shard, 0 to {@code count - 1}
 * @param count how many shards, at least 1
 */
public record Shard(int index, int count) {
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})/(\\d{1,9})");
    /** SplitMix64's increment, the 64-bit golden ratio: consecutive indices land far apart before the mix. */
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /** The whole fleet: one shard of one, what an unsharded run is. */
    public static final Shard WHOLE = new Shard(0, 1);

    /** Checks the index against the count. */
    public Shard {
        if (count < 1) {
            throw new IllegalArgumentException("the shard count must be at least 1, was " + count);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException(
                    "the shard index must be in 0.." + (count - 1) + " for " + count + " shards, was "
                            + index);
        }
    }

    /**
     * @param text {@code I/N}, e.g. {@code 0/3}
     * @return that shard
     * @throws IllegalArgumentException saying what the form is, or what is out of range
     */
    public static Shard parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected I/N, the shard's index (from 0) and the number of "
                    + "shards, e.g. 0/3");
        }
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /**
     * The shard's seed: SplitMix64's finaliser of {@code scenarioSeed + (index + 1) * 0x9E3779B97F4A7C15}, so that
     * shards draw independent sequences (one seed plus one would give {@code SplittableRandom} the same sequence
     * one step on), and shard I of a scenario always draws the same ones. A single shard ({@code 0/1}) keeps the
     * scenario's seed and runs exactly the unsharded plan.
     *
     * @param scenarioSeed the scenario's seed
     * @return this shard's
     */
    public long seed(long scenarioSeed) {
        if (count == 1) {
            return scenarioSeed;
        }
        long z = scenarioSeed + (index + 1) * GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * @param miners miners numbered 0 to {@code miners - 1} (a phase's, or the fleet's)
     * @return how many of them are this shard's
     */
    public int minersOf(int miners) {
        return miners <= index ? 0 : (miners - index + count - 1) / count;
    }

    /**
     * @param local a miner's number within this shard, from 0
     * @return its number in the whole fleet
     */
    public int globalNumber(int local) {
        return local * count + index;
    }

    /**
     * @param rate a rate for all of {@code miners} (connections per second)
     * @param miners how many miners share it
     * @return this shard's part: the rate times its miners over all of them, 0 with no miners
     */
    public double rateOf(double rate, int miners) {
        return miners == 0 ? 0 : rate * minersOf(miners) / miners;
    }
}
