package org.stratumlab.loadgen.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;

/**
 * The {@code settings} of a merge: what every shard ran with, once. A value the shards agree on is kept; one in
 * which they differ (a shard's share of the miners, its derived seed) becomes the list of the shards' values, by
 * index, so that nothing a shard ran with is dropped or averaged. Objects present in every shard are compared key
 * by key.
 */
final class MergedSettings {
    private MergedSettings() {
    }

    /**
     * @param shards each shard's settings, by index
     * @return their merge
     */
    static JsonNode of(List<JsonNode> shards) {
        JsonNode first = shards.get(0);
        if (shards.stream().allMatch(first::equals)) {
            return first.deepCopy();
        }
        if (shards.stream().allMatch(JsonNode::isObject)) {
            ObjectNode merged = JsonNodeFactory.instance.objectNode();
            for (JsonNode shard : shards) {
                for (Iterator<String> keys = shard.fieldNames(); keys.hasNext();) {
                    String key = keys.next();
                    if (!merged.has(key)) {
                        merged.set(key, of(shards.stream().map(s -> s.path(key)).toList()));
                    }
                }
            }
            return merged;
        }
        ArrayNode each = JsonNodeFactory.instance.arrayNode();
        shards.forEach(
                shard -> each.add(shard.isMissingNode() ? JsonNodeFactory.instance.nullNode() : shard));
        return each;
    }
}
