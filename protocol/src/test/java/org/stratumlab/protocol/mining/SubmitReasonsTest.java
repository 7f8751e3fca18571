package org.stratumlab.protocol.mining;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SubmitReasonsTest {
    @Test
    void spellsTheNodesReasons() {
        assertEquals("Solution for a stale job! worker_id = w",
                SubmitReasons.text(SubmitOutcome.STALE_JOB, "w", "1"));
        assertEquals("Incorrect Nonce! worker_id = w!",
                SubmitReasons.text(SubmitOutcome.INCORRECT_NONCE, "w", "1"));
        assertEquals("Problem already solved with nonce = 255! worker_id = w",
                SubmitReasons.text(SubmitOutcome.DUPLICATE, "w", "255"));
        assertThrows(IllegalArgumentException.class,
                () -> SubmitReasons.text(SubmitOutcome.ACCEPTED, "w", "1"));
    }

    @Test
    void classifiesReasonsBackIntoOutcomes() {
        for (SubmitOutcome outcome : new SubmitOutcome[]{SubmitOutcome.STALE_JOB,
                SubmitOutcome.INCORRECT_NONCE,
                SubmitOutcome.DUPLICATE}) {
            assertEquals(outcome, SubmitReasons.classify(SubmitReasons.text(outcome, "rig 1", "7")));
        }
        assertEquals(SubmitOutcome.MALFORMED, SubmitReasons.classify(null));
        assertNull(SubmitReasons.classify("invlaid nonce"));
    }

    @Test
    void labelsOutcomesForMetrics() {
        assertEquals("stale", SubmitOutcome.STALE_JOB.label());
        assertEquals("incorrect", SubmitOutcome.INCORRECT_NONCE.label());
        assertEquals("accepted", SubmitOutcome.ACCEPTED.label());
    }
}
