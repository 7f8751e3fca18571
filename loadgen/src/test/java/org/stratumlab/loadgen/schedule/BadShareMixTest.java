package org.stratumlab.loadgen.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stratumlab.testing.Statistics;

class BadShareMixTest {
    @Test
    void parsesEveryKindByName() {
        assertEquals(new BadShareMix(0.01, 0.02, 0.005, 0.001),
                BadShareMix.parse("invalid=0.01,stale=0.02,duplicate=0.005,malformed=0.001"));
    }

    @Test
    void kindsNotNamedAreZeroAndSpacesAndCaseAreTolerated() {
        assertEquals(new BadShareMix(0, 0.25, 0, 0), BadShareMix.parse(" Stale = 0.25 ,"));
    }

    @Test
    void emptyTextIsNoBadShares() {
        assertEquals(BadShareMix.NONE, BadShareMix.parse(""));
    }

    @Test
    void describeIsReadBackByParse() {
        BadShareMix mix = new BadShareMix(0.1, 0.2, 0.3, 0.4);
        assertEquals(mix, BadShareMix.parse(mix.describe()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "wrong=1|'wrong=1' is not kind=probability with kind one of invalid, stale, duplicate, malformed",
            "valid=0.5|'valid=0.5' is not kind=probability with kind one of invalid, stale, duplicate, malformed",
            "invalid|'invalid' is not kind=probability with kind one of invalid, stale, duplicate, malformed",
            "invalid=abc|'invalid=abc': 'abc' is not a number",
            "stale=0.6,invalid=0.6|bad-share probabilities add up to more than 1",
            "duplicate=1.5|bad-share probabilities must be in 0..1, got 1.5",
            "malformed=-0.1|bad-share probabilities must be in 0..1, got -0.1",
            "invalid=NaN|bad-share probabilities must be in 0..1, got NaN"})
    void badMixesAreRejectedWithAMessageNamingThePart(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BadShareMix.parse(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void probabilitiesAddingUpToExactlyOneAreAccepted() {
        BadShareMix mix = BadShareMix.parse("invalid=0.1,stale=0.2,duplicate=0.3,malformed=0.4");
        assertEquals(ShareKind.MALFORMED, mix.draw(0.999_999));
    }

    @Test
    void noBadSharesAlwaysDrawsValid() {
        assertEquals(ShareKind.VALID, BadShareMix.NONE.draw(0));
        assertEquals(ShareKind.VALID, BadShareMix.NONE.draw(Math.nextDown(1.0)));
    }

    @Test
    void drawsFollowTheConfiguredProportions() {
        long seed = 20_241_124L;
        BadShareMix mix = new BadShareMix(0.1, 0.2, 0.05, 0.15);
        double[] expected = {0.5, 0.1, 0.2, 0.05, 0.15}; // ShareKind order: valid first
        long[] observed = new long[ShareKind.values().length];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 100_000; i++) {
            observed[mix.draw(random.nextDouble()).ordinal()]++;
        }
        double x2 = Statistics.chiSquare(observed, expected);
        assertTrue(x2 < Statistics.chiSquareCritical(4), "chi-square " + x2 + " >= critical "
                + Statistics.chiSquareCritical(4) + " (alpha 0.001); counts "
                + java.util.Arrays.toString(observed) + "; seed " + seed);
    }
}
