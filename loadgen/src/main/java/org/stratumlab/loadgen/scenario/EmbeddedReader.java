package org.stratumlab.loadgen.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stratumlab.loadgen.simulator.ServerSettings;

/**
 * Binds {@code target.embedded} generically: each key of {@link ServerSettings}, {@code process} and
 * {@code resource-interval}, with its
 * value as text (parsed later, by the table). An unknown key is Jackson's {@link UnrecognizedPropertyException},
 * so that it is reported as every other unknown key is: with its line and the known keys.
 */
final class EmbeddedReader extends StdDeserializer<ScenarioFile.Embedded> {
    private static final long serialVersionUID = 1L;
    private static final List<Object> KNOWN_KEYS = knownKeys();

    EmbeddedReader() {
        super(ScenarioFile.Embedded.class);
    }

    private static List<Object> knownKeys() {
        List<Object> keys = new ArrayList<>(ServerSettings.keys());
        keys.add(ScenarioFile.Embedded.PROCESS);
        keys.add(ScenarioFile.Embedded.RESOURCE_INTERVAL);
        return List.copyOf(keys);
    }

    @Override
    public ScenarioFile.Embedded deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.isExpectedStartObjectToken() && p.currentToken() != JsonToken.FIELD_NAME) {
            return (ScenarioFile.Embedded) ctxt.handleUnexpectedToken(ScenarioFile.Embedded.class, p);
        }
        Map<String, String> textByKey = new LinkedHashMap<>();
        String key = p.currentToken() == JsonToken.FIELD_NAME ? p.currentName() : p.nextFieldName();
        for (; key != null; key = p.nextFieldName()) {
            if (!KNOWN_KEYS.contains(key)) {
                throw UnrecognizedPropertyException.from(p, ScenarioFile.Embedded.class, key, KNOWN_KEYS);
            }
            JsonToken value = p.nextToken();
            if (value.isStructStart()) {
                MismatchedInputException e = MismatchedInputException.from(p, String.class,
                        "takes one value, not a list or a mapping");
                e.prependPath(ScenarioFile.Embedded.class, key);
                throw e;
            }
            textByKey.put(key, value == JsonToken.VALUE_NULL ? null : p.getText());
        }
        return new ScenarioFile.Embedded(textByKey);
    }
}
