package org.cfqnn.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Inflater;
import org.cfqnn.io.JsonNodes;
import org.cfqnn.rng.Seed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page's data, decoded by a second implementation of its format (below, written from the format's
 * description in {@link ViewerData}), gives back every field of every line of the trace.
 */
class ViewerDataTest {

    @TempDir
    Path dir;

    /** Decodes one blob into columns, as the page does. */
    static Map<String, long[]> decode(String base64, int n, JsonNode columns, int firstRow) throws Exception {
        Inflater inf = new Inflater();
        inf.setInput(Base64.getDecoder().decode(base64));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!inf.finished()) {
            out.write(buf, 0, inf.inflate(buf));
        }
        inf.end();
        byte[] b = out.toByteArray();
        int[] pos = {0};
        Map<String, long[]> cols = new LinkedHashMap<>();
        for (JsonNode c : columns) {
            long[] v = new long[n];
            long acc = 0;
            for (int i = 0; i < n; i++) {
                long u = leb128(b, pos);
                long z = (u >>> 1) ^ -(u & 1);
                v[i] = switch (c.get(1).asText()) {
                    case "delta" -> acc += z;
                    case "plain" -> z;
                    case "rel" -> z == 0 ? -1 : firstRow + i - z;
                    case "opt" -> u == 0 ? Long.MIN_VALUE : ((u - 1) >>> 1) ^ -((u - 1) & 1);
                    case "str" -> u - 1;
                    default -> throw new AssertionError(c);
                };
            }
            cols.put(c.get(0).asText(), v);
        }
        assertThat(pos[0]).isEqualTo(b.length);
        return cols;
    }

    private static long leb128(byte[] b, int[] pos) {
        long v = 0;
        int shift = 0;
        byte x;
        do {
            x = b[pos[0]++];
            v |= (long) (x & 0x7F) << shift;
            shift += 7;
        } while ((x & 0x80) != 0);
        return v;
    }

    private static ViewerData data(Path trace, Path csv) {
        TraceTable t = new TraceTable();
        TraceReader.Result r = TraceReader.read(trace, TraceReader.Corrupt.SKIP, t::add);
        return new ViewerData(new TraceIndex(t, csv == null ? Map.of() : StepsCsv.misses(csv)), r, "test");
    }

    @Test
    void everyLineComesBackFieldForField() throws Exception {
        Path trace = dir.resolve("trace.jsonl");
        Path csv = dir.resolve("steps.csv");
        SyntheticTrace.Truth truth = SyntheticTrace.write(trace, csv, new SyntheticTrace.Shape(30, 120,
                List.of("non-centralized", "centralized", "search")), new Seed(3));
        Map<String, JsonNode> lines = new HashMap<>();
        for (String l : Files.readAllLines(trace)) {
            JsonNode j = JsonNodes.MAPPER.readTree(l);
            lines.put(j.get("run").asText() + "/" + j.get("id").asLong(), j);
        }
        ViewerData d = data(trace, csv);
        JsonNode meta = JsonNodes.MAPPER.readTree(d.meta.toString());
        List<String> s = JsonNodes.MAPPER.convertValue(meta.get("strings"), List.class);
        int rows = 0;
        Map<Long, String> idAtRow = new HashMap<>();
        Map<Long, Long> causeRowAt = new HashMap<>();
        for (int c = 0; c < d.chunks.size(); c++) {
            JsonNode ch = meta.get("chunks").get(c);
            int n = ch.get(5).asInt();
            int first = ch.get(4).asInt();
            assertThat(first).isEqualTo(rows);
            Map<String, long[]> col = decode(d.chunks.get(c), n, meta.get("columns"), first);
            String run = s.get(ch.get(0).asInt());
            for (int i = 0; i < n; i++) {
                JsonNode j = lines.remove(run + "/" + col.get("id")[i]);
                assertThat(j).as("row %d", first + i).isNotNull();
                boolean lost = (col.get("flags")[i] & meta.get("flagLost").asLong()) != 0;
                assertThat(lost).isEqualTo(j.get("lost").asBoolean());
                assertThat(col.get("t")[i]).isEqualTo(j.get("t").asLong());
                if (!lost) {
                    assertThat(col.get("t")[i] + col.get("lat")[i]).isEqualTo(j.get("arrive").asLong());
                }
                assertThat(s.get(ch.get(1).asInt())).isEqualTo(j.get("phase").asText());
                for (String f : new String[] {"step", "bytes", "cause", "wall"}) {
                    assertThat(col.get(f)[i]).as(f).isEqualTo(j.get(f).asLong());
                }
                for (String f : new String[] {"type", "from", "to", "link", "fromNode", "toNode"}) {
                    assertThat(s.get((int) col.get(f)[i])).as(f).isEqualTo(j.get(f).asText());
                }
                idAtRow.put((long) first + i, run + "/" + col.get("id")[i]);
                if (col.get("causeRow")[i] >= 0) {
                    causeRowAt.put(col.get("causeRow")[i], col.get("cause")[i]);
                }
            }
            rows += n;
        }
        assertThat(lines).isEmpty();
        assertThat(rows).isEqualTo(truth.lines);
        // a resolved cause points to the row of the message with that id
        assertThat(causeRowAt).isNotEmpty();
        causeRowAt.forEach((causeRow, cause) -> assertThat(idAtRow.get(causeRow)).endsWith("/" + cause));
        // the step index: counts add up, misses are the truth's
        Map<String, long[]> st = decode(meta.get("steps").asText(), meta.get("stepCount").asInt(), meta.get("stepColumns"), 0);
        assertThat(java.util.Arrays.stream(st.get("count")).sum()).isEqualTo(truth.lines);
        int missed = 0;
        for (int k = 0; k < st.get("step").length; k++) {
            String run = s.get((int) st.get("run")[k]);
            if (s.get((int) st.get("phase")[k]).equals("deployment")) {
                assertThat(st.get("misses")[k]).isEqualTo((long) truth.misses.get(run).getOrDefault(st.get("step")[k], 0));
                assertThat(st.get("transmit")[k]).isEqualTo(SyntheticTrace.MS);
                missed += st.get("misses")[k] > 0 ? 1 : 0;
            } else {
                assertThat(st.get("misses")[k]).isEqualTo(Long.MIN_VALUE); // unknown
            }
        }
        assertThat(missed).isEqualTo(truth.misses.values().stream().mapToInt(Map::size).sum()).isPositive();
    }

    @Test
    void unknownFieldsTravelAsExtraColumns() throws Exception {
        Path trace = dir.resolve("extras.jsonl");
        String base = TraceLineParserTest.PILOT;
        Files.writeString(trace, String.join("\n",
                base.replace("\"crossNode\":false", "\"crossNode\":false,\"linkNs\":100,\"note\":\"a\""),
                base.replace("\"id\":50001", "\"id\":50002").replace("\"crossNode\":false", "\"crossNode\":false,\"linkNs\":-7"),
                base.replace("\"id\":50001", "\"id\":50003").replace("\"crossNode\":false", "\"crossNode\":false,\"note\":2.5")) + "\n");
        ViewerData d = data(trace, null);
        JsonNode meta = JsonNodes.MAPPER.readTree(d.meta.toString());
        assertThat(meta.get("columns").toString()).contains("[\"x:linkNs\",\"opt\"]", "[\"x:note\",\"str\"]");
        Map<String, long[]> col = decode(d.chunks.get(0), 3, meta.get("columns"), 0);
        List<String> s = JsonNodes.MAPPER.convertValue(meta.get("strings"), List.class);
        assertThat(col.get("x:linkNs")).containsExactly(100, -7, Long.MIN_VALUE);
        assertThat(col.get("x:note")[0]).isEqualTo(s.indexOf("a"));
        assertThat(col.get("x:note")[1]).isEqualTo(-1);
        assertThat(col.get("x:note")[2]).isEqualTo(s.indexOf("2.5"));
    }
}
