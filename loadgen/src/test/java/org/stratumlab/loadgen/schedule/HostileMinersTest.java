package org.stratumlab.loadgen.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HostileMinersTest {
    @Test
    void aFractionPicksThatShareOfMinersSpreadEvenly() {
        HostileMiners fifth = new HostileMiners(0.2, HostileMiners.ALL_BAD);
        assertEquals(200, IntStream.range(0, 1000).filter(fifth::isHostile).count());
        assertEquals(2, IntStream.range(0, 10).filter(fifth::isHostile).count(),
                "a ramp's first ten miners too");
        assertEquals(List.of(4, 9, 14), IntStream.range(0, 15).filter(fifth::isHostile).boxed().toList());
    }

    @Test
    void noneAndAllAreExact() {
        assertFalse(IntStream.range(0, 1000).anyMatch(HostileMiners.NONE::isHostile));
        HostileMiners all = new HostileMiners(1, HostileMiners.ALL_BAD);
        assertTrue(IntStream.range(0, 1000).allMatch(all::isHostile));
    }

    @Test
    void aFractionOutsideZeroToOneIsRefused() {
        assertEquals("the hostile fraction must be in 0..1, got -0.1",
                assertThrows(IllegalArgumentException.class,
                        () -> new HostileMiners(-0.1, HostileMiners.ALL_BAD)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new HostileMiners(Double.NaN, HostileMiners.ALL_BAD));
    }

    @Test
    void allBadSendsNoValidShare() {
        for (double u = 0; u < 1; u += 0.001) {
            assertTrue(HostileMiners.ALL_BAD.draw(u) != ShareKind.VALID, "draw " + u);
        }
    }
}
