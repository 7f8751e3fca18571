package org.stratumlab.pow.octopus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.stratumlab.pow.U256;

/** The Octopus light-verification vectors of the test resources (computed with the reference miner's code). */
final class OctopusVectors {
    record Case(long height, U256 powHash, U256 nonce, U256 hash, long cacheBytes, long datasetBytes) {
        @Override
        public String toString() {
            return "height " + height + " nonce " + nonce.toMinimalHex() + " pow_hash "
                    + powHash.toPaddedHex().substring(0, 12);
        }
    }

    private OctopusVectors() {
    }

    static List<Case> all() {
        try (InputStream in = OctopusVectors.class.getResourceAsStream("/octopus-vectors.json")) {
            List<Case> cases = new ArrayList<>();
            for (JsonNode n : new ObjectMapper().readTree(in).get("vectors")) {
                cases.add(new Case(n.get("height").asLong(), U256.parseHex(n.get("powHash").asText()),
                        U256.parseHex(n.get("nonce").asText()), U256.parseHex(n.get("hash").asText()),
                        n.get("cacheBytes").asLong(), n.get("datasetBytes").asLong()));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
