package org.stratumlab.loadgen.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stratumlab.results.Outcome;
import org.stratumlab.results.Summary;

/** The endpoint's answers are counted by outcome and exact text, most frequent first, in a bounded table. */
class AnswerSamplesTest {
    @Test
    void textsAreCountedByOutcomeMostFrequentFirst() {
        AnswerSamples samples = new AnswerSamples();
        samples.record(Outcome.REJECTED_INCORRECT, "Incorrect Nonce! worker_id = rig-1!");
        samples.record(Outcome.REJECTED_INCORRECT, "Incorrect Nonce! worker_id = rig-2!");
        samples.record(Outcome.REJECTED_STALE, "Solution for a stale job!");
        samples.record(Outcome.REJECTED_OTHER, null);
        assertEquals(List.of(new Summary.Answer("incorrect", "Incorrect Nonce! worker_id = <worker>!", 2),
                new Summary.Answer("other", "(none)", 1),
                new Summary.Answer("stale", "Solution for a stale job!", 1)), samples.snapshot());
    }

    @Test
    void beyondTheBoundNewTextsAreCountedTogether() {
        AnswerSamples samples = new AnswerSamples();
        for (int i = 0; i < AnswerSamples.MAX_TEXTS + 10; i++) {
            samples.record(Outcome.ERROR, "error number " + i);
        }
        List<Summary.Answer> answers = samples.snapshot();
        assertEquals(AnswerSamples.MAX_TEXTS + 1, answers.size());
        assertEquals(new Summary.Answer("errors", "(other texts)", 10), answers.get(0));
        assertEquals(AnswerSamples.MAX_TEXTS + 10,
                answers.stream().mapToLong(Summary.Answer::count).sum(), "nothing is lost");
    }
}
