package org.stratumlab.testing.property;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a property, a check that must hold for every case a generator makes, on many seeded cases:
 *
 * <pre>
 * Property.forAll("lines survive any chunking", cases).shrinkWith(shrink).tries(20_000).check(c -&gt; ...);
 * </pre>
 *
 * The check fails by throwing (an assertion). The first failing case is shrunk while it still fails, within
 * {@link #MAX_SHRINK_CHECKS} checks, and reported with its seed: {@code -Dstratumlab.property.seed=S} replays that
 * case alone. {@code -Dstratumlab.property.tries=M} multiplies the tries by {@code M} and starts from a fresh base
 * seed, printed, for a longer search than CI's. Not thread-safe; one check at a time.
 *
 * @param <T> the case type
 */
public final class Property<T> {
    /** The system property that replays one case by its seed. */
    public static final String SEED_PROPERTY = "stratumlab.property.seed";
    /** The system property that multiplies every property's tries (a whole number, at least 1). */
    public static final String TRIES_PROPERTY = "stratumlab.property.tries";
    /** The most checks a shrink may run: enough for cases of a few hundred elements, bounded for huge ones. */
    public static final int MAX_SHRINK_CHECKS = 5_000;

    private final String name;
    private final Gen<T> gen;
    private Shrink<T> shrink = Shrink.none();
    private Function<T, String> show = String::valueOf;
    private int tries = 1_000;

    private Property(String name, Gen<T> gen) {
        this.name = Objects.requireNonNull(name, "name");
        this.gen = Objects.requireNonNull(gen, "gen");
    }

    /**
     * @param name what the property claims, for the failure message; also seeds CI's runs
     * @param gen makes the cases
     * @param <T> the case type
     * @return the property, with 1,000 tries and no shrinking until told otherwise
     */
    public static <T> Property<T> forAll(String name, Gen<T> gen) {
        return new Property<>(name, gen);
    }

    /** @param shrink proposes smaller cases for a failing one; @return this */
    public Property<T> shrinkWith(Shrink<T> shrink) {
        this.shrink = Objects.requireNonNull(shrink, "shrink");
        return this;
    }

    /** @param show writes a case for the failure message; @return this */
    public Property<T> showWith(Function<T, String> show) {
        this.show = Objects.requireNonNull(show, "show");
        return this;
    }

    /** @param tries how many cases CI runs, before {@link #TRIES_PROPERTY}'s factor; @return this */
    public Property<T> tries(int tries) {
        if (tries < 1) {
            throw new IllegalArgumentException("tries must be at least 1, got " + tries);
        }
        this.tries = tries;
        return this;
    }

    /**
     * Checks every case, or the one case of {@link #SEED_PROPERTY}.
     *
     * @param check throws when the property does not hold for a case
     * @return how many cases were checked
     * @throws AssertionError naming the property, the case's seed, the case as generated and as shrunk, with the
     *         failure of the shrunk case as its cause
     */
    public int check(Consumer<T> check) {
        String replay = System.getProperty(SEED_PROPERTY);
        if (replay != null) {
            runCase(Long.parseLong(replay), check, 0);
            return 1;
        }
        int factor = Integer.parseInt(System.getProperty(TRIES_PROPERTY, "1"));
        long baseSeed = factor == 1 ? name.hashCode() : System.nanoTime();
        if (factor != 1) {
            System.out.println("property '" + name + "': " + tries * (long) factor + " tries from base seed "
                    + baseSeed);
        }
        SplittableRandom seeds = new SplittableRandom(baseSeed);
        long total = (long) tries * factor;
        for (long i = 0; i < total; i++) {
            runCase(seeds.nextLong(), check, i);
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    private void runCase(long seed, Consumer<T> check, long index) {
        T value = gen.next(new SplittableRandom(seed));
        Throwable failure = failureOf(check, value);
        if (failure != null) {
            throw report(seed, index, value, failure, check);
        }
    }

    private AssertionError report(long seed, long index, T value, Throwable failure, Consumer<T> check) {
        T smallest = value;
        Throwable smallestFailure = failure;
        int checks = 0;
        int steps = 0;
        boolean shrunk = true;
        while (shrunk && checks < MAX_SHRINK_CHECKS) {
            shrunk = false;
            for (T candidate : shrink.candidates(smallest)) {
                if (++checks > MAX_SHRINK_CHECKS) {
                    break;
                }
                Throwable candidateFailure = failureOf(check, candidate);
                if (candidateFailure != null) {
                    smallest = candidate;
                    smallestFailure = candidateFailure;
                    steps++;
                    shrunk = true;
                    break;
                }
            }
        }
        AssertionError error = new AssertionError("property '" + name + "' failed on try " + (index + 1)
                + "; replay with -D" + SEED_PROPERTY + "=" + seed + "\n  case: " + show.apply(value)
                + "\n  shrunk (" + steps + " steps): " + show.apply(smallest) + "\n  failure: "
                + smallestFailure, smallestFailure);
        return error;
    }

    private static <T> Throwable failureOf(Consumer<T> check, T value) {
        try {
            check.accept(value);
            return null;
        } catch (Throwable failure) { // the check's assertions, and whatever the code under test threw
            if (failure instanceof VirtualMachineError vm) {
                throw vm;
            }
            return failure;
        }
    }

    /**
     * @param bytes some bytes
     * @return them as text for a failure message: printable ASCII as is, every other byte as {@code \xNN}
     */
    public static String showBytes(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length + 16).append('"');
        for (byte b : bytes) {
            if (b >= 0x20 && b < 0x7f && b != '\\' && b != '"') {
                text.append((char) b);
            } else {
                text.append(String.format("\\x%02x", b & 0xff));
            }
        }
        return text.append("\" (").append(bytes.length).append(" bytes)").toString();
    }
}
