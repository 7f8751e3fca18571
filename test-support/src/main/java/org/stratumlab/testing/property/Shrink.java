package org.stratumlab.testing.property;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Proposes smaller cases than a failing one, smallest first; the runner keeps the first that still fails and
 * asks again, within a bounded number of steps.
 *
 * @param <T> the case type
 */
@FunctionalInterface
public interface Shrink<T> {
    /**
     * @param value a failing case
     * @return smaller cases to try, none when nothing is smaller
     */
    List<T> candidates(T value);

    /**
     * @param <T> the case type
     * @return no shrinking: the case is reported as generated
     */
    static <T> Shrink<T> none() {
        return value -> List.of();
    }

    /**
     * Shrinks a part of a case: the other parts are kept.
     *
     * @param part reads the part from a case
     * @param rebuild makes a case like the given one but for the new part
     * @param partShrink shrinks the part
     * @param <T> the case type
     * @param <P> the part's type
     * @return the shrinker of the case
     */
    static <T, P> Shrink<T> of(Function<T, P> part, BiFunction<T, P, T> rebuild, Shrink<P> partShrink) {
        return value -> partShrink.candidates(part.apply(value)).stream().map(p -> rebuild.apply(value, p))
                .toList();
    }

    /**
     * For byte arrays: each half, then the array without one chunk, for chunks from half its length down to one
     * byte.
     *
     * @return the shrinker
     */
    static Shrink<byte[]> bytes() {
        return value -> {
            List<byte[]> smaller = new ArrayList<>();
            for (int[] cut : cuts(value.length)) {
                byte[] next = new byte[value.length - (cut[1] - cut[0])];
                System.arraycopy(value, 0, next, 0, cut[0]);
                System.arraycopy(value, cut[1], next, cut[0], value.length - cut[1]);
                smaller.add(next);
            }
            return smaller;
        };
    }

    /**
     * For strings, by chars as {@link #bytes()} does by bytes (a surrogate pair may be cut, which the property
     * under test must then tolerate or reject as any case).
     *
     * @return the shrinker
     */
    static Shrink<String> strings() {
        return value -> cuts(value.length()).stream()
                .map(cut -> value.substring(0, cut[0]) + value.substring(cut[1])).toList();
    }

    /**
     * For lists, by elements as {@link #bytes()} does by bytes.
     *
     * @param <E> the element type
     * @return the shrinker
     */
    static <E> Shrink<List<E>> lists() {
        return value -> cuts(value.size()).stream().map(cut -> {
            List<E> next = new ArrayList<>(value.subList(0, cut[0]));
            next.addAll(value.subList(cut[1], value.size()));
            return (List<E>) List.copyOf(next);
        }).toList();
    }

    /**
     * @return the {@code [from, to)} ranges to cut out of a sequence of {@code length}: its halves first (the
     *         whole of a one-element sequence), then ever smaller chunks, down to single elements
     */
    private static List<int[]> cuts(int length) {
        List<int[]> cuts = new ArrayList<>();
        for (int chunk = (length + 1) / 2; chunk >= 1; chunk = chunk == 1 ? 0 : (chunk + 1) / 2) {
            for (int from = 0; from < length; from += chunk) {
                cuts.add(new int[]{from, Math.min(from + chunk, length)});
            }
        }
        return cuts;
    }
}
