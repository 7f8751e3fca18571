package org.stratumlab.loadgen.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a scenario file (YAML) into a validated {@link Scenario}, applying {@code --set key.path=value}
 * overrides, and reports every problem as one line naming the file and the line or key. The whole
 * scenario is checked before anything connects.
 */
public final class ScenarioLoader {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private ScenarioLoader() {
    }

    /**
     * @param file the scenario file
     * @param overrides {@code key.path=value} settings applied over the file, e.g. {@code phases.0.duration=5s}
     * @return the scenario
     * @throws ScenarioException naming the file and the line or key of the first problem
     */
    public static Scenario load(Path file, List<String> overrides) throws ScenarioException {
        String text = read(file);
        ScenarioFile raw = bind(file, text);
        JsonNode effective = effectiveTree(file, text, overrides);
        if (!overrides.isEmpty()) {
            raw = bindOverridden(file, effective, overrides);
        }
        try {
            return ScenarioBuilder.build(raw, defaultName(file), ScenarioDigest.of(effective));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(file + ": " + e.getMessage());
        }
    }

    private static String read(Path file) throws ScenarioException {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file + ": no such file");
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read: " + e.getMessage());
        }
    }

    private static ScenarioFile bind(Path file, String text) throws ScenarioException {
        try {
            // Jackson reports an empty document as "No content to map", or binds it to null
            JsonNode tree = YAML.readTree(text);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw new ScenarioException(file + ": the file is empty");
            }
            return YAML.readValue(text, ScenarioFile.class);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(file + " " + describe(e, text));
        }
    }

    /** The file's tree with the overrides applied: what the scenario says, before defaults. */
    private static JsonNode effectiveTree(Path file, String text, List<String> overrides)
            throws ScenarioException {
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(file + " " + describe(e, text));
        }
        for (String override : overrides) {
            Overrides.apply((ObjectNode) tree, override);
        }
        return tree;
    }

    private static ScenarioFile bindOverridden(Path file, JsonNode tree, List<String> overrides)
            throws ScenarioException {
        try {
            return YAML.treeToValue(tree, ScenarioFile.class);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(file + " with --set " + String.join(" ", overrides) + ": "
                    + describeWithoutLine(e));
        }
    }

    private static String defaultName(Path file) {
        String name = file.getFileName().toString();
        return name.replaceFirst("\\.ya?ml$", "");
    }

    /** @return "line N: what" for a problem found while reading the file itself */
    private static String describe(JsonProcessingException e, String text) {
        int lineNr = e.getLocation() != null ? e.getLocation().getLineNr() : -1;
        if (e instanceof UnrecognizedPropertyException u) {
            lineNr = lineOfKey(text, u.getPath(), lineNr);
        }
        return (lineNr > 0 ? "line " + lineNr + ": " : "") + describeWithoutLine(e);
    }

    /**
     * Jackson reports an unknown key of a record where the record's mapping ends, not where the key is (records
     * bind through their constructor, after the whole mapping is read), so the key is looked up again.
     */
    private static int lineOfKey(String text, List<JsonMappingException.Reference> path, int fallback) {
        JsonPointer wanted = JsonPointer.empty();
        for (JsonMappingException.Reference ref : path) {
            wanted = ref.getFieldName() != null
                    ? wanted.appendProperty(ref.getFieldName())
                    : wanted.appendIndex(ref.getIndex());
        }
        try (JsonParser p = YAML.createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME && p.getParsingContext().pathAsPointer().equals(wanted)) {
                    return p.currentTokenLocation().getLineNr();
                }
            }
        } catch (IOException e) {
            // the file was read once already; keep Jackson's line
        }
        return fallback;
    }

    private static String describeWithoutLine(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null
                    ? ""
                    : "; known keys: " + u.getKnownPropertyIds().stream()
                            .map(Object::toString).sorted().collect(Collectors.joining(", "));
            return "unknown key '" + u.getPropertyName() + "'" + where(u.getPath()) + known;
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            // Jackson's own text names Java types ("`Integer`", "`ScenarioFile$Target`"): say what the key takes.
            String path = path(m.getPath());
            String was = m instanceof InvalidFormatException f && f.getValue() != null
                    ? ", was '" + f.getValue() + "'"
                    : "";
            return path.isEmpty()
                    ? "expected " + expected(m.getTargetType()) + " at the top level"
                    : path + ": expected " + expected(m.getTargetType()) + was;
        }
        if (e instanceof JsonMappingException m) {
            String path = path(m.getPath());
            return (path.isEmpty() ? "" : path + ": ") + firstLine(m.getOriginalMessage());
        }
        return firstLine(e.getOriginalMessage());
    }

    /** @return what a value of the type looks like in YAML */
    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a single value";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "keys (a mapping)";
    }

    private static String where(List<JsonMappingException.Reference> path) {
        String parent = path(path.subList(0, Math.max(0, path.size() - 1)));
        return parent.isEmpty() ? " at the top level" : " in " + parent;
    }

    private static String path(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String firstLine(String message) {
        String m = message == null ? "malformed" : message;
        int newline = m.indexOf('\n');
        return (newline < 0 ? m : m.substring(0, newline)).replace("java.lang.", "");
    }

    /** {@code --set} overrides: a dotted key path (list indices as numbers) and a YAML value. */
    static final class Overrides {
        private Overrides() {
        }

        static void apply(ObjectNode root, String override) throws ScenarioException {
            int eq = override.indexOf('=');
            if (eq <= 0) {
                throw new ScenarioException("--set '" + override + "': expected key.path=value");
            }
            String[] keys = override.substring(0, eq).replaceAll("\\[(\\d+)]", ".$1").split("\\.");
            JsonNode value;
            try {
                value = YAML.readTree(override.substring(eq + 1));
            } catch (JsonProcessingException e) {
                throw new ScenarioException("--set '" + override + "': the value is not YAML");
            }
            JsonNode node = root;
            for (int i = 0; i < keys.length - 1; i++) {
                node = child(node, keys[i], override);
            }
            set(node, keys[keys.length - 1], value == null || value.isMissingNode() ? YAML.nullNode() : value,
                    override);
        }

        private static JsonNode child(JsonNode node, String key, String override) throws ScenarioException {
            JsonNode child;
            if (node instanceof ArrayNode array) {
                int i = index(array, key, override);
                child = array.get(i);
                if (child.isNull()) {
                    child = array.objectNode();
                    array.set(i, child);
                }
            } else {
                ObjectNode object = (ObjectNode) node;
                child = object.get(key);
                if (child == null || child.isNull()) {
                    child = object.putObject(key);
                }
            }
            if (!child.isContainerNode()) {
                throw new ScenarioException(
                        "--set '" + override + "': '" + key + "' holds a value, not keys");
            }
            return child;
        }

        private static void set(JsonNode node, String key, JsonNode value, String override)
                throws ScenarioException {
            if (node instanceof ArrayNode array) {
                array.set(index(array, key, override), value);
            } else {
                ((ObjectNode) node).set(key, value);
            }
        }

        private static int index(ArrayNode array, String key, String override) throws ScenarioException {
            try {
                int i = Integer.parseInt(key);
                if (i >= 0 && i < array.size()) {
                    return i;
                }
            } catch (NumberFormatException e) {
                // fall through to the message
            }
            throw new ScenarioException(
                    "--set '" + override + "': '" + key + "' is not an index of a list of "
                            + array.size());
        }
    }
}
