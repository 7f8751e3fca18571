package org.stratumlab.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes and reads {@code summary.json} through {@link Summary}. Reading is strict about what readers rely on:
 * a missing or mistyped key is one line naming the file and the key ({@code run/summary.json: submits.sent is
 * missing}). Keys this version does not know are kept out of the record, not refused, so that an older Stratum
 * Lab still reads a newer file.
 */
public final class SummaryFile {
    /** The file's name in a run folder. */
    public static final String FILE_NAME = "summary.json";

    private static final Pattern MISSING = Pattern.compile("Missing required creator property '([^']+)'");
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private SummaryFile() {
    }

    /**
     * Writes atomically (a file beside it, then a rename): a reader, or a run killed while writing, sees the old
     * file or the new one whole, never half of one; a run's checkpoints rely on it.
     *
     * @param summary a run's summary
     * @param file where to write it
     * @throws IOException if it cannot be written
     */
    public static void write(Summary summary, Path file) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(temporary.toFile(), summary);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes another of the contract's files as summary.json is written. */
    static void writeValue(Object value, Path file) throws IOException {
        JSON.writeValue(file.toFile(), value);
    }

    /** Another of the contract's values as one line of JSON, for a file of one value a line. */
    static String oneLine(Object value) {
        try {
            return JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a value of the contract always serialises", e);
        }
    }

    /** Reads a file's text, naming the file when it is missing or unreadable. */
    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": not found");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e + ")");
        }
    }

    /**
     * @param summary a run's summary
     * @return its JSON text, as {@link #write} writes it
     */
    public static String toJson(Summary summary) {
        try {
            return JSON.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a summary always serialises", e);
        }
    }

    /**
     * @param file a summary.json
     * @return what it says
     * @throws IllegalArgumentException if it is missing, unreadable, not JSON or lacks a key, naming the file
     */
    public static Summary read(Path file) {
        return parse(text(file), file.toString());
    }

    /**
     * @param json a summary's JSON text
     * @param source what to name in an error (a file's path)
     * @return what it says
     * @throws IllegalArgumentException naming the source and the key
     */
    public static Summary parse(String json, String source) {
        return parse(json, source, Summary.class);
    }

    /** The same for another of the contract's files ({@link RunSetFile}), with the same one-line errors. */
    static <T> T parse(String json, String source, Class<T> type) {
        try {
            T value = JSON.readValue(json, type);
            if (value == null) {
                throw new IllegalArgumentException(source + ": not a JSON object");
            }
            return value;
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(source + ": " + describe(e));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    source + ": not valid JSON (" + e.getOriginalMessage() + " at line "
                            + e.getLocation().getLineNr() + ")");
        }
    }

    /** One phrase naming the key: "submits.sent is missing", "miners.target must be a whole number". */
    private static String describe(JsonMappingException e) {
        String path = path(e);
        Matcher missing = MISSING.matcher(e.getOriginalMessage());
        if (missing.find()) {
            String key = missing.group(1);
            boolean named = path.equals(key) || path.endsWith("." + key);
            return (named ? path : join(path, key)) + " is missing";
        }
        if (e instanceof ValueInstantiationException
                && e.getCause() instanceof IllegalArgumentException bad) {
            return join(path, bad.getMessage());
        }
        if (e instanceof MismatchedInputException mismatch) {
            if (path.isEmpty()) {
                return "not a JSON object";
            }
            return path + (e.getOriginalMessage().contains("null")
                    ? " is missing"
                    : " must be " + expected(mismatch));
        }
        return (path.isEmpty() ? "" : path + ": ") + e.getOriginalMessage();
    }

    private static String expected(MismatchedInputException e) {
        Class<?> type = e.getTargetType();
        if (type == long.class || type == int.class || type == Long.class || type == Integer.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type != null && java.util.List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String join(String path, String rest) {
        return path.isEmpty() ? rest : path + "." + rest;
    }
}
