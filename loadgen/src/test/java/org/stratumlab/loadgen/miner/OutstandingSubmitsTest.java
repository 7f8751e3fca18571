package org.stratumlab.loadgen.miner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OutstandingSubmitsTest {
    @Test
    void startsEmpty() {
        OutstandingSubmits outstanding = new OutstandingSubmits();
        assertTrue(outstanding.isEmpty());
        assertEquals(0, outstanding.size());
    }

    @Test
    void submitsComeOutInTheOrderTheyWentIn() {
        OutstandingSubmits outstanding = new OutstandingSubmits();
        for (long id = 2; id < 7; id++) {
            outstanding.add(id, id * 10, id * 100);
        }
        for (long id = 2; id < 7; id++) {
            assertHead(outstanding, id);
            outstanding.removeHead();
        }
        assertTrue(outstanding.isEmpty());
    }

    @Test
    void growingKeepsTheOrderWhenTheRingHasWrappedAround() {
        OutstandingSubmits outstanding = new OutstandingSubmits();
        long nextIn = 0;
        long nextOut = 0;
        // Move the head into the middle of the initial 8 slots so that the ring wraps before it grows.
        for (int i = 0; i < 5; i++) {
            outstanding.add(nextIn, nextIn * 10, nextIn * 100);
            nextIn++;
        }
        for (int i = 0; i < 5; i++) {
            assertHead(outstanding, nextOut++);
            outstanding.removeHead();
        }
        for (int i = 0; i < 100; i++) { // grows 8 -> 16 -> 32 -> 64 -> 128 while wrapped
            outstanding.add(nextIn, nextIn * 10, nextIn * 100);
            nextIn++;
        }
        assertEquals(100, outstanding.size());
        for (int i = 0; i < 60; i++) {
            assertHead(outstanding, nextOut++);
            outstanding.removeHead();
        }
        for (int i = 0; i < 200; i++) { // interleave adds and removes across the wrap point
            outstanding.add(nextIn, nextIn * 10, nextIn * 100);
            nextIn++;
            assertHead(outstanding, nextOut++);
            outstanding.removeHead();
        }
        while (!outstanding.isEmpty()) {
            assertHead(outstanding, nextOut++);
            outstanding.removeHead();
        }
        assertEquals(nextIn, nextOut);
    }

    private static void assertHead(OutstandingSubmits outstanding, long id) {
        assertEquals(id, outstanding.headId());
        assertEquals(id * 10, outstanding.headIntendedNs());
        assertEquals(id * 100, outstanding.headWrittenNs());
    }
}
