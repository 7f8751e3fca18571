package org.stratumlab.loadgen.record;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.stratumlab.protocol.mining.SubmitReasons;
import org.stratumlab.results.Outcome;
import org.stratumlab.results.Summary;

/**
 * What the endpoint answered to the submits it did not accept, counted by outcome and exact text: the reasons
 * and error messages a user needs to see ("Incorrect Nonce!", an error's message) beside the counts. At most
 * {@value #MAX_TEXTS} distinct texts are kept, so that an endpoint that puts a counter in its messages cannot
 * grow the table without bound; the rest are counted as {@value #OTHER_TEXTS}.
 *
 * <p>Thread-safe; a text seen before is counted without allocating (the response's own string is the key).
 */
public final class AnswerSamples {
    /** The most distinct texts kept. */
    static final int MAX_TEXTS = 32;
    static final String NO_TEXT = "(none)";
    static final String OTHER_TEXTS = "(other texts)";
    /** The node names the worker in its incorrect-nonce reason: one text for every worker, not one each. */
    static final String INCORRECT_NONCE_ANY_WORKER = SubmitReasons.INCORRECT_NONCE_PREFIX + "<worker>!";

    /** Most frequent first, then by outcome and text: the order of {@code submits.answers} in summary.json. */
    private static final Comparator<Summary.Answer> ORDER = Comparator.comparingLong(Summary.Answer::count)
            .reversed().thenComparing(Summary.Answer::outcome).thenComparing(Summary.Answer::text);

    private final Map<Outcome, ConcurrentHashMap<String, LongAdder>> byOutcome = new EnumMap<>(Outcome.class);
    private final LongAdder distinct = new LongAdder();

    /** Empty. */
    public AnswerSamples() {
        for (Outcome outcome : Outcome.values()) {
            byOutcome.put(outcome, new ConcurrentHashMap<>());
        }
    }

    /**
     * @param outcome how the submit ended (not accepted, not unanswered)
     * @param text the reason or message as sent, or null when there was none
     */
    public void record(Outcome outcome, String text) {
        ConcurrentHashMap<String, LongAdder> texts = byOutcome.get(outcome);
        String key = text == null
                ? NO_TEXT
                : text.startsWith(SubmitReasons.INCORRECT_NONCE_PREFIX) ? INCORRECT_NONCE_ANY_WORKER : text;
        LongAdder count = texts.get(key);
        if (count == null) {
            if (distinct.sum() >= MAX_TEXTS) {
                key = OTHER_TEXTS;
            } else {
                distinct.increment();
            }
            count = texts.computeIfAbsent(key, k -> new LongAdder());
        }
        count.increment();
    }

    /** @return every text with its count, most frequent first */
    public List<Summary.Answer> snapshot() {
        List<Summary.Answer> answers = new ArrayList<>();
        byOutcome.forEach((outcome, texts) -> texts
                .forEach((text, count) -> answers.add(new Summary.Answer(outcome.key(), text, count.sum()))));
        answers.sort(ORDER);
        return answers;
    }

    /**
     * Several runs' answers as one list, for a merge of shards: the counts of one outcome and text add (each run
     * kept at most {@value #MAX_TEXTS} texts, so the merge may hold more, and each run's
     * {@value #OTHER_TEXTS} add up too).
     *
     * @param runs each run's {@code submits.answers}
     * @return their sums, in the order {@link #snapshot()} gives
     */
    public static List<Summary.Answer> added(List<List<Summary.Answer>> runs) {
        Map<List<String>, Long> counts = new java.util.LinkedHashMap<>();
        for (List<Summary.Answer> run : runs) {
            for (Summary.Answer answer : run) {
                counts.merge(List.of(answer.outcome(), answer.text()), answer.count(), Long::sum);
            }
        }
        List<Summary.Answer> answers = new ArrayList<>();
        counts.forEach((key, count) -> answers.add(new Summary.Answer(key.get(0), key.get(1), count)));
        answers.sort(ORDER);
        return answers;
    }
}
