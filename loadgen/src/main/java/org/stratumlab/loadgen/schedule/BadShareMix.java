package org.stratumlab.loadgen.schedule;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The share of solution events drawn as deliberately bad shares, by kind, e.g.
 * {@code invalid=0.01,stale=0.01,duplicate=0.005,malformed=0.001}. The rest are valid.
 *
 * @param invalid the probability of an invalid nonce
 * @param stale the probability of an older job's pow_hash
 * @param duplicate the probability of repeating an accepted nonce
 * @param malformed the probability of a malformed param
 */
public record BadShareMix(double invalid, double stale, double duplicate, double malformed) {
    /** No bad shares. */
    public static final BadShareMix NONE = new BadShareMix(0, 0, 0, 0);

    /** Checks each probability and their sum. */
    public BadShareMix {
        for (double p : new double[]{invalid, stale, duplicate, malformed}) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("bad-share probabilities must be in 0..1, got " + p);
            }
        }
        if (invalid + stale + duplicate + malformed > 1 + 1e-9) {
            throw new IllegalArgumentException("bad-share probabilities add up to more than 1");
        }
    }

    /**
     * Parses {@code kind=p,...}; kinds not named are 0; an empty text is {@link #NONE}.
     *
     * @param text the mix
     * @return the mix
     * @throws IllegalArgumentException naming the bad part
     */
    public static BadShareMix parse(String text) {
        Map<ShareKind, Double> byKind = new EnumMap<>(ShareKind.class);
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=", 2);
            ShareKind kind = kindOf(kv[0].trim().toLowerCase(Locale.ROOT));
            if (kv.length != 2 || kind == null || kind == ShareKind.VALID) {
                throw new IllegalArgumentException("'" + part.trim()
                        + "' is not kind=probability with kind one of invalid, stale, duplicate, malformed");
            }
            try {
                byKind.put(kind, Double.parseDouble(kv[1].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "'" + part.trim() + "': '" + kv[1].trim() + "' is not a number");
            }
        }
        return new BadShareMix(byKind.getOrDefault(ShareKind.INVALID, 0.0),
                byKind.getOrDefault(ShareKind.STALE, 0.0),
                byKind.getOrDefault(ShareKind.DUPLICATE, 0.0), byKind.getOrDefault(ShareKind.MALFORMED, 0.0));
    }

    private static ShareKind kindOf(String label) {
        for (ShareKind kind : ShareKind.values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        return null;
    }

    /**
     * Picks the kind of one event.
     *
     * @param uniform a uniform draw in [0, 1)
     * @return the kind
     */
    public ShareKind draw(double uniform) {
        double edge = invalid;
        if (uniform < edge) {
            return ShareKind.INVALID;
        }
        if (uniform < (edge += stale)) {
            return ShareKind.STALE;
        }
        if (uniform < (edge += duplicate)) {
            return ShareKind.DUPLICATE;
        }
        return uniform < edge + malformed ? ShareKind.MALFORMED : ShareKind.VALID;
    }

    /** @return the text form, as {@link #parse} reads it */
    public String describe() {
        return "invalid=" + invalid + ",stale=" + stale + ",duplicate=" + duplicate + ",malformed="
                + malformed;
    }
}
