package org.stratumlab.loadgen.attack;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an attacker does: the one list of attack kinds, which {@code --help}, the README and the scenario's error
 * messages all take from here. Each kind says what it sends and what a defended endpoint should do about it
 * (the simulator's defences, docs/protocol.md §7).
 */
public enum AttackKind {
    /** Opens, sends one byte per event, never ends a line. */
    SLOWLORIS("slowloris", "opens, then sends one byte per event and never ends the line",
            "close it by its subscribe or idle timeout"),
    /** Opens and closes at once, again and again. */
    CHURN("churn", "opens and at once closes connections, as fast as it can (rate 0) or at the rate",
            "accept and forget each; honest miners unaffected"),
    /** Subscribes, then never reads. */
    NO_READ("no-read", "subscribes, then never reads (small receive buffer) while jobs are pushed",
            "stop queueing for it: keep only the newest notify, drop the rest"),
    /** A line one byte under the line limit. */
    LINE_AT_LIMIT("line-at-limit",
            "a subscribe padded to exactly the line limit (the longest line allowed), per event",
            "answer it as any subscribe; keep the connection"),
    /** A line one byte over the line limit. */
    LINE_OVER_LIMIT("line-over-limit", "a line one byte over the line limit",
            "answer 'Request line too long' and close"),
    /** A line of several megabytes. */
    LINE_MEGABYTES("line-megabytes", "a 4 MiB line",
            "answer 'Request line too long' and close, without buffering it"),
    /** Arrays nested thousands deep. */
    DEEP_NESTING("deep-nesting", "a line of arrays nested 5,000 deep, per event",
            "answer a parse or invalid-request error without recursing; keep the connection"),
    /** Numbers and nonces of thousands of digits. */
    HUGE_NUMBERS("huge-numbers",
            "a submit whose id has 5,000 digits and whose nonce has 1,000 hex digits, per event",
            "answer an error or [false]; keep the connection"),
    /** 10,000 calls in one batch line. */
    GIANT_BATCH("giant-batch", "a batch of 10,000 calls on one line, per event",
            "answer them in one array line, or close it as too long under a smaller line limit"),
    /** A line that is not UTF-8. */
    INVALID_UTF8("invalid-utf8", "a line with bytes that are not UTF-8", "close without a reply"),
    /** A TLS ClientHello on the plain-TCP port. */
    TLS_HELLO("tls-hello", "a TLS ClientHello, as a miner configured for stratum+ssl would",
            "close it (not UTF-8) or let the subscribe timeout close it"),
    /** An HTTP GET on the Stratum port. */
    HTTP_REQUEST("http-request", "an HTTP GET request, per event",
            "answer each of its lines with a parse error; the subscribe timeout closes it"),
    /** Lines that are not JSON. */
    MALFORMED_FLOOD("malformed-flood", "lines that are not JSON, per event",
            "answer each with a parse error"),
    /** Submits that repeat a share the endpoint accepted. */
    DUPLICATE_FLOOD("duplicate-flood", "subscribes, then repeats a share the endpoint accepted, per event",
            "answer 'Problem already solved' cheaply"),
    /** Submits for a job outside the window. */
    STALE_FLOOD("stale-flood", "subscribes, then submits for a pow_hash outside the window, per event",
            "answer 'Solution for a stale job' without checking the proof of work"),
    /** Submits with nonces that do not solve the job. */
    INVALID_FLOOD("invalid-flood", "subscribes, then submits random nonces for the current job, per event",
            "answer 'Incorrect Nonce'; each costs a proof-of-work check (an Octopus hash on mainnet)");

    /** The warning every listing of the kinds carries. */
    public static final String WARNING = "Aim attacks only at endpoints you own or are allowed to test.";

    private final String label;
    private final String sends;
    private final String defence;

    AttackKind(String label, String sends, String defence) {
        this.label = label;
        this.sends = sends;
        this.defence = defence;
    }

    /** @return the name used in scenarios, options and summaries */
    public String label() {
        return label;
    }

    /** @return what an attacker of this kind sends */
    public String sends() {
        return sends;
    }

    /** @return what a defended endpoint should do about it */
    public String defence() {
        return defence;
    }

    /** @return whether its attackers subscribe and submit bad shares through the mining path */
    public boolean floodsShares() {
        return this == DUPLICATE_FLOOD || this == STALE_FLOOD || this == INVALID_FLOOD;
    }

    /**
     * @param label a kind's name, any case
     * @return the kind, if there is one of that name
     */
    public static Optional<AttackKind> byLabel(String label) {
        String wanted = label.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.label.equals(wanted)).findFirst();
    }

    /** @return the kinds' names, comma-separated, for error messages */
    public static String labels() {
        return Arrays.stream(values()).map(AttackKind::label).collect(Collectors.joining(", "));
    }
}
