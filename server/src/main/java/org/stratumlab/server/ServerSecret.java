package org.stratumlab.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.stratumlab.pow.keccak.Keccak256;

/**
 * The node's {@code stratum_secret}: keccak256 of the password (docs/protocol.md §3). Miners send the plaintext; it is
 * hashed and compared in constant time. The secret never appears in {@link #toString()} or logs.
 */
public final class ServerSecret {
    private final byte[] keccakOfPassword;

    private ServerSecret(byte[] keccakOfPassword) {
        this.keccakOfPassword = keccakOfPassword;
    }

    /**
     * @param password the plaintext password
     * @return the secret of that password
     */
    public static ServerSecret ofPassword(String password) {
        return new ServerSecret(Keccak256.hash(password.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * @param hex 64 hex digits, optionally with 0x, as in the node's config
     * @return the secret
     * @throws IllegalArgumentException if the text is not 64 hex digits
     */
    public static ServerSecret ofHex(String hex) {
        String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        if (digits.length() != 64) {
            throw new IllegalArgumentException("a secret is 64 hex digits (keccak256 of the password), got "
                    + digits.length() + " characters");
        }
        try {
            return new ServerSecret(HexFormat.of().parseHex(digits));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a secret is 64 hex digits (keccak256 of the password), got a "
                    + "non-hex character");
        }
    }

    /**
     * @param password the plaintext a miner sent
     * @return whether it hashes to the secret; takes the same time wherever the first difference is
     */
    public boolean matches(String password) {
        byte[] candidate = Keccak256.hash(password.getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(keccakOfPassword, candidate);
    }

    /**
     * The secret as the node's config writes it, for handing it to a forked server over a pipe (never a command
     * line, never a log).
     *
     * @return 64 hex digits
     */
    public String toHex() {
        return HexFormat.of().formatHex(keccakOfPassword);
    }

    /** Two secrets are equal when they are the same hash (compared in constant time). */
    @Override
    public boolean equals(Object other) {
        return other instanceof ServerSecret s && MessageDigest.isEqual(keccakOfPassword, s.keccakOfPassword);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(keccakOfPassword);
    }

    @Override
    public String toString() {
        return "ServerSecret[redacted]";
    }
}
