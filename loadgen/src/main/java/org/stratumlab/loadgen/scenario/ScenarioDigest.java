package org.stratumlab.loadgen.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What tells one scenario from another, whatever the file's layout: SHA-256, as 64 lower-case hex digits, of the
 * scenario as read (its YAML, after the {@code --set} overrides, before any default is filled in) written as JSON
 * with every mapping's keys sorted and no spaces. Comments, key order and quoting do not change it; a value, a key
 * or an override does. The shards of one run record it, so that a merge can tell shards of another scenario, or
 * of other overrides, apart.
 */
final class ScenarioDigest {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private ScenarioDigest() {
    }

    /**
     * @param effective the scenario's tree, overrides applied
     * @return its digest
     */
    static String of(JsonNode effective) {
        try {
            // As plain maps and lists, which the mapper writes with their keys sorted (a tree it writes as it is).
            Object plain = CANONICAL.treeToValue(effective, Object.class);
            byte[] json = CANONICAL.writeValueAsBytes(plain);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scenario's tree always converts", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** @return the text that is hashed, for a test to look at */
    static String canonicalJson(JsonNode effective) throws JsonProcessingException {
        return CANONICAL.writeValueAsString(CANONICAL.treeToValue(effective, Object.class));
    }
}
