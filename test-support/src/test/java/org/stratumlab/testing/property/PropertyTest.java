package org.stratumlab.testing.property;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The harness finds a planted bug, shrinks it to its core, replays it by seed, and sees a leaked buffer. */
class PropertyTest {
    private static final byte[] DIGITS = "0123456789".getBytes();

    /** The planted bug: a "parser" that fails on a 7 right after a 9. */
    private static void plantedBug(byte[] bytes) {
        for (int i = 1; i < bytes.length; i++) {
            if (bytes[i - 1] == '9' && bytes[i] == '7') {
                throw new IllegalStateException("boom at " + i);
            }
        }
    }

    @Test
    void findsAndShrinksAPlantedBug() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> Property.forAll("no 97 in digits", Gen.bytes(200, DIGITS)).shrinkWith(Shrink.bytes())
                        .showWith(Property::showBytes).tries(10_000).check(PropertyTest::plantedBug));
        assertTrue(error.getMessage().contains("shrunk ("), error.getMessage());
        assertTrue(error.getMessage().contains(": \"97\" (2 bytes)"), error.getMessage());
        assertTrue(error.getCause() instanceof IllegalStateException, String.valueOf(error.getCause()));
    }

    @Test
    void aReportedSeedReplaysTheSameCase() {
        Gen<byte[]> gen = Gen.bytes(200, DIGITS);
        AssertionError error = assertThrows(AssertionError.class, () -> Property.forAll("replay", gen)
                .showWith(Property::showBytes).tries(10_000).check(PropertyTest::plantedBug));
        Matcher seed = Pattern.compile("seed=(-?\\d+)").matcher(error.getMessage());
        assertTrue(seed.find(), error.getMessage());
        List<byte[]> replayed = new ArrayList<>();
        System.setProperty(Property.SEED_PROPERTY, seed.group(1));
        try {
            assertThrows(AssertionError.class, () -> Property.forAll("replay", gen).check(bytes -> {
                replayed.add(bytes);
                plantedBug(bytes);
            }));
        } finally {
            System.clearProperty(Property.SEED_PROPERTY);
        }
        assertEquals(1, replayed.size());
        assertArrayEquals(gen.next(new SplittableRandom(Long.parseLong(seed.group(1)))), replayed.get(0));
    }

    @Test
    void aHoldingPropertyRunsEveryTry() {
        int[] seen = {0};
        int checked = Property.forAll("holds", Gen.bytes(10, DIGITS)).tries(500).check(bytes -> seen[0]++);
        assertEquals(checked, seen[0]);
        assertTrue(checked >= 500, checked + " tries"); // more with -Dstratumlab.property.tries
    }

    @Test
    void shrinkingListsAndStringsKeepsTheFailingCore() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> Property.forAll("short strings", random -> "x".repeat(random.nextInt(100)) + "!")
                        .shrinkWith(Shrink.strings()).tries(100)
                        .check(text -> assertTrue(!text.contains("!"))));
        assertTrue(error.getMessage().contains("steps): !\n"), error.getMessage());
        assertEquals(List.of(List.of(2, 3), List.of(1, 3), List.of(1, 2)),
                Shrink.<Integer>lists().candidates(List.of(1, 2, 3)).subList(2, 5));
    }

    @Test
    void aLeakedBufferIsReported() {
        try (LeakWatch leaks = LeakWatch.open()) {
            leak();
            assertThrows(AssertionError.class, leaks::assertNoLeaks);
        }
    }

    @Test
    void releasedBuffersAreNoLeak() {
        try (LeakWatch leaks = LeakWatch.open()) {
            for (int i = 0; i < 100; i++) {
                PooledByteBufAllocator.DEFAULT.heapBuffer(16).writeInt(i).release();
            }
            leaks.assertNoLeaks();
        }
    }

    private static void leak() {
        ByteBuf leaked = PooledByteBufAllocator.DEFAULT.heapBuffer(16);
        leaked.writeInt(1); // and never released; unreachable once this returns
    }
}
