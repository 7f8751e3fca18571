package org.stratumlab.pow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The Keccak and PoW test vectors in the test resources (pow-vectors.json). */
final class Vectors {
    record KeccakCase(byte[] input, String digestHex) {
    }

    record BoundaryCase(String difficulty, String boundary) {
    }

    record PowCase(String powHash, String nonce, String hash, String lowerBound,
            Map<String, Boolean> validByDifficulty) {
    }

    private static final JsonNode ROOT = load();

    private Vectors() {
    }

    private static JsonNode load() {
        try (InputStream in = Vectors.class.getResourceAsStream("/pow-vectors.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<KeccakCase> keccak() {
        List<KeccakCase> cases = new ArrayList<>();
        ROOT.get("keccak256")
                .forEach(n -> cases.add(new KeccakCase(HexFormat.of().parseHex(n.get("input").asText()),
                        n.get("keccak256").asText())));
        return cases;
    }

    static List<BoundaryCase> boundaries() {
        List<BoundaryCase> cases = new ArrayList<>();
        ROOT.get("boundary").forEach(n -> cases.add(new BoundaryCase(n.get("difficulty").asText(),
                n.get("boundary").asText())));
        return cases;
    }

    static List<PowCase> pow() {
        List<PowCase> cases = new ArrayList<>();
        ROOT.get("pow").forEach(n -> {
            Map<String, Boolean> valid = new TreeMap<>();
            n.get("valid").fields().forEachRemaining(e -> valid.put(e.getKey(), e.getValue().asBoolean()));
            cases.add(new PowCase(n.get("pow_hash").asText(), n.get("nonce").asText(), n.get("hash").asText(),
                    n.get("lower_bound").asText(), valid));
        });
        return cases;
    }
}
