package org.cfqnn.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.input.Spelling;

/**
 * Strict reading of JSON input: every error names the file, the JSON path of the offending value,
 * the value and what is allowed ({@code channel.json: h[1][2][0] = "x": expected [re, im] ...}).
 */
public final class JsonNodes {

    /** Shared mapper: duplicate keys and trailing content are errors, output is compact. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final JsonNode node;
    private final String path;

    private JsonNodes(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** Parses a whole file; malformed or truncated JSON is an error naming line and column. */
    public static JsonNodes read(Path file) {
        String name = file.toString();
        if (!java.nio.file.Files.exists(file)) {
            throw InvalidInputException.of(name, "no such file");
        }
        if (java.nio.file.Files.isDirectory(file)) {
            throw InvalidInputException.of(name, "is a directory, expected a JSON file");
        }
        return parse(() -> MAPPER.readTree(file.toFile()), name, "empty file");
    }

    /** Parses JSON text received from elsewhere ({@code name} says what it is in errors). */
    public static JsonNodes parse(String json, String name) {
        return parse(() -> MAPPER.readTree(json), name, "empty");
    }

    private interface Source {
        JsonNode read() throws IOException;
    }

    private static JsonNodes parse(Source source, String name, String empty) {
        try {
            JsonNode root = source.read();
            if (root == null || root.isMissingNode()) {
                throw InvalidInputException.of(name, empty + ", expected a JSON object");
            }
            return new JsonNodes(root, "");
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw InvalidInputException.of(name, "malformed JSON" + where + ": " + plain(e.getOriginalMessage()));
        } catch (IOException e) {
            throw InvalidInputException.of(name, "cannot read: " + e.getMessage());
        }
    }

    /**
     * A parser message without Jackson's internals: no feature names to enable, no source excerpts,
     * one line. {@code NaN} and {@code Infinity} are named as what they are: not JSON numbers.
     */
    public static String plain(String message) {
        if (message == null) {
            return "unreadable JSON";
        }
        String m = message.lines().findFirst().orElse("").trim();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("Non-standard token '([^']*)'").matcher(m);
        if (token.find()) {
            return "'" + token.group(1) + "' is not a JSON number (only finite numbers are allowed)";
        }
        for (String cut : new String[] {": enable ", " (start marker at", " at [Source"}) {
            int i = m.indexOf(cut);
            if (i > 0) {
                m = m.substring(0, i);
            }
        }
        return m;
    }

    public static JsonNodes of(JsonNode node) {
        return new JsonNodes(node, "");
    }

    public String path() {
        return path.isEmpty() ? "(root)" : path;
    }

    public JsonNode raw() {
        return node;
    }

    /** Requires an object with no keys outside {@code allowed}. */
    public JsonNodes requireObject(Set<String> allowed) {
        if (!node.isObject()) {
            throw error("expected a JSON object");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!allowed.contains(key)) {
                throw new InvalidInputException(child(key), null,
                        "unknown key; allowed keys are " + Spelling.choices(key, allowed));
            }
        }
        return this;
    }

    public boolean has(String key) {
        return node.has(key);
    }

    public JsonNodes field(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw new InvalidInputException(child(key), null, "missing; this key is required");
        }
        return new JsonNodes(value, child(key));
    }

    /** An integer in {@code [min, max]}. */
    public int asInt(int min, int max) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw error("expected an integer in [" + min + ", " + max + "]");
        }
        int v = node.intValue();
        if (v < min || v > max) {
            throw error("expected an integer in [" + min + ", " + max + "]");
        }
        return v;
    }

    /** A finite number. */
    public double asFinite() {
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw error("expected a finite number");
        }
        return node.doubleValue();
    }

    public String asText() {
        if (!node.isTextual()) {
            throw error("expected a string");
        }
        return node.textValue();
    }

    /** The elements of an array of exactly {@code size} entries ({@code size < 0}: any size). */
    public List<JsonNodes> elements(int size, String what) {
        if (!node.isArray() || (size >= 0 && node.size() != size)) {
            throw error("expected an array of " + (size >= 0 ? size + " " : "") + what
                    + (node.isArray() ? ", got " + node.size() + " entries" : ""));
        }
        List<JsonNodes> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(new JsonNodes(node.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    public InvalidInputException error(String allowed) {
        return new InvalidInputException(path(), shortText(node), allowed);
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String shortText(JsonNode n) {
        String s = n.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
