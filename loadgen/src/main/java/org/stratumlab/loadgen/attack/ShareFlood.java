package org.stratumlab.loadgen.attack;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stratumlab.loadgen.miner.AcceptedShare;

/**
 * The submits of one share-flood attacker, through the normal mining path: it subscribed, keeps the job of its
 * newest notify, and submits what its kind submits, as the fleet's hostile miners do ({@code ShareKind}): a
 * random nonce for the current job (invalid), a pow_hash the endpoint never issued (stale), or a share the
 * honest fleet had accepted (duplicate). A random nonce solves the job with probability 1/difficulty and is then
 * accepted: the flood is invalid at a realistic difficulty, not at a tiny one. Used on its connection's event loop
 * only.
 */
final class ShareFlood {
    private static final Pattern HASH = Pattern.compile("0x[0-9a-fA-F]{64}");
    /** A pow_hash no endpoint issued: outside every window, judged as an expired job. */
    private static final String NEVER_ISSUED = "0x" + "5a".repeat(32);

    private final Supplier<AcceptedShare> accepted;
    private final SplittableRandom random;
    private String jobId;
    private String powHash;
    private long nextId = 2;

    /**
     * @param accepted the honest fleet's newest accepted share, or null before any
     * @param random this attacker's draws
     */
    ShareFlood(Supplier<AcceptedShare> accepted, SplittableRandom random) {
        this.accepted = accepted;
        this.random = random;
    }

    /** Takes the job of a notify: its first two hashes are the job id and the pow_hash in both dialects. */
    void notified(String line) {
        Matcher hash = HASH.matcher(line);
        if (hash.find()) {
            String first = hash.group();
            jobId = first;
            powHash = hash.find() ? hash.group() : first;
        }
    }

    /**
     * @param kind the flood's kind
     * @return the next submit line, or null when there is nothing to submit yet (no job, or for duplicates no
     *         accepted share yet)
     */
    byte[] nextSubmit(AttackKind kind) {
        return switch (kind) {
            case INVALID_FLOOD -> powHash == null ? null : submit(jobId, randomNonce(), powHash);
            case STALE_FLOOD -> submit(NEVER_ISSUED, randomNonce(), NEVER_ISSUED);
            case DUPLICATE_FLOOD -> {
                AcceptedShare share = accepted.get();
                yield share == null
                        ? null
                        : submit(share.jobIdText(), share.nonce().toMinimalHex(), share.powHashText());
            }
            default -> throw new IllegalArgumentException(kind.label() + " does not flood shares");
        };
    }

    private String randomNonce() {
        return "0x" + Long.toHexString(random.nextLong());
    }

    private byte[] submit(String job, String nonce, String pow) {
        return ("{\"id\":" + nextId++ + ",\"method\":\"mining.submit\",\"params\":[\"" + AttackPayloads.WORKER
                + "\",\"" + job + "\",\"" + nonce + "\",\"" + pow + "\"]}\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
