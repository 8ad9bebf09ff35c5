package org.cfqnn.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Parses one trace line into a {@link TraceMessage} or {@link StepRecord} with Jackson's streaming parser
 * (no tree per line: a paper-sized trace has 420,000 lines). Unknown fields are kept as extras, optional
 * ones may be missing; a message needs {@code type}, {@code t}, {@code from} and {@code to}. A latency
 * measured on a message ({@code protocolLatencyNs} with {@code breakdownNs}, an object of integer parts that
 * add up to it) becomes its {@link LatencySample}. Lines with a {@code record} other than {@code step} are
 * skipped ({@link #parse} returns null) so newer traces still read.
 */
public final class TraceLineParser {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper TREES = new ObjectMapper(JSON);

    /** The fields of one line as they are read; reset before each line. */
    private String run;
    private String phase;
    private String from;
    private String to;
    private String type;
    private String link;
    private String fromNode;
    private String toNode;
    private String record;
    private long t;
    private long arrive;
    private long wall;
    private long step;
    private long bytes;
    private long id;
    private long cause;
    private long misses;
    private Boolean lost;
    private Boolean crossNode;
    private Boolean deadlineMissed;
    private boolean hasT;
    private long protocolLatency;
    private boolean hasProtocolLatency;
    private Map<String, Long> breakdown;
    private final Map<String, Object> extras = new HashMap<>();
    private final String[] names = new String[1024];

    /** The entry of one line; null for a record type this reader does not know. */
    public TraceEntry parse(String line) throws TraceLineException {
        reset();
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new TraceLineException("not a JSON object");
            }
            JsonToken tok;
            while ((tok = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                field(name, p);
            }
            if (tok != JsonToken.END_OBJECT) {
                throw new TraceLineException("not a JSON object");
            }
            if (p.nextToken() != null) {
                throw new TraceLineException("text after the JSON object at column " + p.currentLocation().getColumnNr());
            }
        } catch (JsonEOFException e) {
            throw truncated();
        } catch (JsonProcessingException e) {
            if (e.getLocation() != null && e.getLocation().getCharOffset() >= line.length()) {
                throw truncated(); // the parser ran out of line, whatever it was expecting
            }
            throw new TraceLineException("not JSON at column " + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr())
                    + ": " + firstLine(e));
        } catch (IOException e) {
            throw new TraceLineException("unreadable: " + e.getMessage());
        }
        return entry();
    }

    private static TraceLineException truncated() {
        return new TraceLineException("truncated: the line ends inside the JSON object");
    }

    private void reset() {
        run = "";
        phase = "";
        from = null;
        to = null;
        type = null;
        link = "";
        fromNode = "";
        toNode = "";
        record = null;
        t = 0;
        arrive = TraceMessage.NONE;
        wall = TraceMessage.NONE;
        step = TraceMessage.NONE;
        bytes = 0;
        id = TraceMessage.NONE;
        cause = TraceMessage.NONE;
        misses = TraceMessage.NONE;
        lost = null;
        crossNode = null;
        deadlineMissed = null;
        hasT = false;
        hasProtocolLatency = false;
        breakdown = null;
        extras.clear();
    }

    private void field(String name, JsonParser p) throws IOException, TraceLineException {
        switch (name) {
            case "run" -> run = text(name, p);
            case "phase" -> phase = text(name, p);
            case "from" -> from = text(name, p);
            case "to" -> to = text(name, p);
            case "type" -> type = text(name, p);
            case "link" -> link = text(name, p);
            case "fromNode" -> fromNode = text(name, p);
            case "toNode" -> toNode = text(name, p);
            case "record" -> record = text(name, p);
            case "t" -> {
                t = integer(name, p, 0);
                hasT = p.currentToken() != JsonToken.VALUE_NULL;
            }
            case "arrive" -> arrive = integer(name, p, TraceMessage.NONE);
            case "wall" -> wall = integer(name, p, TraceMessage.NONE);
            case "step" -> step = integer(name, p, TraceMessage.NONE);
            case "bytes" -> bytes = integer(name, p, 0);
            case "id" -> id = integer(name, p, TraceMessage.NONE);
            case "cause" -> cause = integer(name, p, TraceMessage.NONE);
            case "lost" -> lost = bool(name, p);
            case "crossNode" -> crossNode = bool(name, p);
            case "deadlineMissed" -> deadlineMissed = bool(name, p);
            case "fallbacks", "misses" -> misses = integer(name, p, TraceMessage.NONE);
            case "protocolLatencyNs" -> {
                protocolLatency = integer(name, p, 0);
                hasProtocolLatency = p.currentToken() != JsonToken.VALUE_NULL;
            }
            case "breakdownNs" -> breakdown = parts(name, p);
            default -> extra(name, p);
        }
    }

    private TraceEntry entry() throws TraceLineException {
        if (record != null) {
            if (!record.equals("step")) {
                return null;
            }
            if (step == TraceMessage.NONE) {
                throw new TraceLineException("step record without \"step\"");
            }
            long m = misses != TraceMessage.NONE ? misses
                    : deadlineMissed == null ? TraceMessage.NONE : deadlineMissed ? 1 : 0;
            return new StepRecord(run, phase.isEmpty() ? "deployment" : phase, step, m, extras);
        }
        String missing = type == null ? "type" : !hasT ? "t" : from == null ? "from" : to == null ? "to" : null;
        if (missing != null) {
            throw new TraceLineException("not a trace message: no \"" + missing + "\"");
        }
        boolean isLost = lost != null ? lost : arrive == TraceMessage.NONE;
        if (!isLost && arrive == TraceMessage.NONE) {
            arrive = t; // an older or hand-written line without an arrival: delivered at once
        }
        if (misses != TraceMessage.NONE) {
            extras.put("misses", misses);
        }
        if (deadlineMissed != null) {
            extras.put("deadlineMissed", deadlineMissed);
        }
        return new TraceMessage(run, t, isLost ? TraceMessage.NONE : arrive, wall, step, phase, from, to, type, bytes,
                link, id, cause, isLost, fromNode, toNode, crossNode != null ? crossNode : !fromNode.equals(toNode),
                extras, measured());
    }

    /** The latency measured on the message, checked: both fields or neither, parts adding up to the total. */
    private LatencySample measured() throws TraceLineException {
        if (breakdown == null && !hasProtocolLatency) {
            return null;
        }
        if (breakdown == null || !hasProtocolLatency) {
            throw new TraceLineException(breakdown == null ? "\"protocolLatencyNs\" without \"breakdownNs\""
                    : "\"breakdownNs\" without \"protocolLatencyNs\"");
        }
        long sum = 0;
        for (long v : breakdown.values()) {
            sum += v;
        }
        if (sum != protocolLatency) {
            throw new TraceLineException("\"breakdownNs\" adds up to " + sum + " ns, not \"protocolLatencyNs\" = "
                    + protocolLatency);
        }
        return new LatencySample(protocolLatency, breakdown);
    }

    /** An object of integer parts, e.g. {@code {"linkLatency":200000,"jitter":1234}}. */
    private static Map<String, Long> parts(String name, JsonParser p) throws IOException, TraceLineException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new TraceLineException("\"" + name + "\" = " + shown(p) + ": expected an object of integers");
        }
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String part = p.currentName();
            p.nextToken();
            out.put(part, integer(name + "." + part, p, 0));
        }
        return out;
    }

    private String text(String name, JsonParser p) throws IOException, TraceLineException {
        JsonToken tok = p.currentToken();
        if (tok == JsonToken.VALUE_STRING) {
            return interned(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        }
        if (tok == JsonToken.VALUE_NUMBER_INT || tok == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getText(); // e.g. a numeric sweep value as the run name
        }
        throw new TraceLineException("\"" + name + "\" = " + shown(p) + ": expected a string");
    }

    /**
     * The string of these characters, the same instance as last time when it was seen before: a trace repeats
     * a few dozen names (runs, phases, entities, types, links, nodes) 420,000 times each.
     */
    private String interned(char[] chars, int offset, int length) {
        int h = 0;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + chars[i];
        }
        int slot = (h ^ (h >>> 16)) & (names.length - 1);
        String s = names[slot];
        if (s != null && s.length() == length) {
            boolean same = true;
            for (int i = 0; i < length && same; i++) {
                same = s.charAt(i) == chars[offset + i];
            }
            if (same) {
                return s;
            }
        }
        s = new String(chars, offset, length);
        names[slot] = s; // a collision replaces the older name: a cache, not a table
        return s;
    }

    /** An integer; {@code ifNull} for JSON null; a float only when it has no fraction. */
    private static long integer(String name, JsonParser p, long ifNull) throws IOException, TraceLineException {
        JsonToken tok = p.currentToken();
        if (tok == JsonToken.VALUE_NULL) {
            return ifNull;
        }
        if (tok == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (tok == JsonToken.VALUE_NUMBER_FLOAT) {
            double d = p.getDoubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 0x1p62) {
                return (long) d;
            }
        }
        throw new TraceLineException("\"" + name + "\" = " + shown(p) + ": expected an integer");
    }

    private static Boolean bool(String name, JsonParser p) throws IOException, TraceLineException {
        return switch (p.currentToken()) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            case VALUE_NULL -> null;
            default -> throw new TraceLineException("\"" + name + "\" = " + shown(p) + ": expected true or false");
        };
    }

    private void extra(String name, JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case VALUE_NUMBER_INT -> extras.put(name, p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? (Object) p.getDoubleValue() : (Object) p.getLongValue());
            case VALUE_NUMBER_FLOAT -> extras.put(name, p.getDoubleValue());
            case VALUE_STRING -> extras.put(name, p.getText());
            case VALUE_TRUE -> extras.put(name, true);
            case VALUE_FALSE -> extras.put(name, false);
            case VALUE_NULL -> { }
            default -> extras.put(name, TREES.readTree(p).toString());
        }
    }

    private static String shown(JsonParser p) throws IOException {
        JsonToken tok = p.currentToken();
        if (tok == JsonToken.START_OBJECT || tok == JsonToken.START_ARRAY) {
            return tok == JsonToken.START_OBJECT ? "{...}" : "[...]";
        }
        return tok == JsonToken.VALUE_STRING ? "\"" + p.getText() + "\"" : p.getText();
    }

    /** Jackson's message without the source excerpt it appends ("at [Source: ...]"). */
    private static String firstLine(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        int cut = m.indexOf('\n');
        m = cut < 0 ? m : m.substring(0, cut);
        for (String marker : new String[] {" (start marker at", " at [Source"}) {
            int i = m.indexOf(marker);
            if (i >= 0) {
                m = m.substring(0, i);
            }
        }
        return m.strip();
    }
}
