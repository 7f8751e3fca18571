package org.stratumlab.testing.property;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Makes one random case from a seeded source: the same seed gives the same case, which is how a failing case is
 * replayed.
 *
 * @param <T> the case type
 */
@FunctionalInterface
public interface Gen<T> {
    /**
     * @param random the case's source, seeded by the runner
     * @return a case
     */
    T next(SplittableRandom random);

    /**
     * @param f turns a case into another
     * @param <U> the new case type
     * @return a generator of the turned cases
     */
    default <U> Gen<U> map(Function<T, U> f) {
        return random -> f.apply(next(random));
    }

    /**
     * @param choices the generators to pick from, each as likely
     * @param <T> the case type
     * @return a generator that draws from one of them
     */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... choices) {
        return random -> choices[random.nextInt(choices.length)].next(random);
    }

    /**
     * @param values the values to pick from
     * @param <T> the value type
     * @return a generator of one of them, each as likely
     */
    static <T> Gen<T> element(List<T> values) {
        return random -> values.get(random.nextInt(values.size()));
    }

    /**
     * @param maxLength the longest array
     * @param alphabet the bytes to draw from, each as likely
     * @return arrays of 0 to {@code maxLength} bytes from the alphabet
     */
    static Gen<byte[]> bytes(int maxLength, byte[] alphabet) {
        return random -> {
            byte[] bytes = new byte[random.nextInt(maxLength + 1)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = alphabet[random.nextInt(alphabet.length)];
            }
            return bytes;
        };
    }
}
