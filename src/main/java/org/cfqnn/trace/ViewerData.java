package org.cfqnn.trace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
import org.cfqnn.io.JsonNodes;

/**
 * The trace as the page embeds it: a small JSON description ({@link #meta}) and one compressed blob per chunk
 * ({@link #chunks}). A blob holds its messages column after column, every value a {@link Varints} integer,
 * zlib-compressed and base64-encoded. Column encodings (named in the meta so the page needs no other
 * knowledge): {@code delta} (difference to the previous row's value, zigzag), {@code plain} (zigzag),
 * {@code rel} (this row minus the referenced row, 0 = none), {@code opt} (0 = absent, else zigzag + 1) and
 * {@code str} (0 = absent, else string index + 1). The step index is one more blob of the same kind.
 */
final class ViewerData {

    /** Message columns in blob order; extras follow as {@code x:NAME}. */
    static final String[][] COLUMNS = {
        {"t", "delta"}, {"lat", "plain"}, {"step", "delta"}, {"type", "plain"}, {"from", "plain"}, {"to", "plain"},
        {"bytes", "plain"}, {"link", "plain"}, {"id", "delta"}, {"cause", "delta"}, {"causeRow", "rel"},
        {"wall", "delta"}, {"fromNode", "plain"}, {"toNode", "plain"}, {"flags", "plain"}};

    static final String[][] STEP_COLUMNS = {
        {"run", "plain"}, {"phase", "plain"}, {"step", "delta"}, {"tStart", "delta"}, {"dur", "plain"},
        {"transmit", "opt"}, {"count", "plain"}, {"lost", "plain"}, {"late", "plain"}, {"misses", "opt"},
        {"chunk", "delta"}};

    final ObjectNode meta;
    final List<String> chunks = new ArrayList<>();
    private final TraceIndex index;
    private final TraceTable table;

    ViewerData(TraceIndex index, TraceReader.Result read, String title) {
        this.index = index;
        this.table = index.table;
        List<String> textExtras = new ArrayList<>();
        table.extras.forEach((name, c) -> {
            if (!c.integral()) {
                textExtras.add(name);
            }
        });
        // text extras go into the string table before it is written out
        for (String name : textExtras) {
            TraceTable.ExtraColumn c = table.extras.get(name);
            for (int r = 0; r < table.size(); r++) {
                Object v = c.at(r);
                if (v != null) {
                    table.strings.of(String.valueOf(v));
                }
            }
        }
        for (TraceIndex.Chunk ch : index.chunks) {
            chunks.add(Base64.getEncoder().encodeToString(encode(ch).deflated()));
        }
        this.meta = meta(read, title);
    }

    private Varints encode(TraceIndex.Chunk ch) {
        Varints v = new Varints();
        int from = ch.firstRow();
        int to = from + ch.count();
        delta(v, from, to, table.t);
        for (int r = from; r < to; r++) {
            int row = index.order[r];
            v.signed(table.lost(row) ? 0 : table.arrive.get(row) - table.t.get(row));
        }
        delta(v, from, to, table.step);
        for (LongColumn c : List.of(table.type, table.from, table.to, table.bytes, table.link)) {
            plain(v, from, to, c);
        }
        delta(v, from, to, table.id);
        delta(v, from, to, table.cause);
        for (int r = from; r < to; r++) {
            v.signed(index.causeRow[r] < 0 ? 0 : r - index.causeRow[r]);
        }
        delta(v, from, to, table.wall);
        for (LongColumn c : List.of(table.fromNode, table.toNode, table.flags)) {
            plain(v, from, to, c);
        }
        for (TraceTable.ExtraColumn c : table.extras.values()) {
            for (int r = from; r < to; r++) {
                int row = index.order[r];
                if (c.integral()) {
                    long x = c.longAt(row);
                    v.optional(x != TraceTable.ExtraColumn.ABSENT, x);
                } else {
                    Object x = c.at(row);
                    v.unsigned(x == null ? 0 : table.strings.find(String.valueOf(x)) + 1L);
                }
            }
        }
        return v;
    }

    private void delta(Varints v, int from, int to, LongColumn c) {
        long[] xs = new long[to - from];
        for (int r = from; r < to; r++) {
            xs[r - from] = c.get(index.order[r]);
        }
        v.deltas(xs);
    }

    private void plain(Varints v, int from, int to, LongColumn c) {
        for (int r = from; r < to; r++) {
            v.signed(c.get(index.order[r]));
        }
    }

    private String stepBlob() {
        List<TraceIndex.Step> steps = index.steps;
        Varints v = new Varints();
        steps.forEach(s -> v.signed(s.run()));
        steps.forEach(s -> v.signed(s.phase()));
        v.deltas(steps.stream().mapToLong(TraceIndex.Step::step).toArray());
        v.deltas(steps.stream().mapToLong(TraceIndex.Step::tStart).toArray());
        steps.forEach(s -> v.signed(s.tEnd() - s.tStart()));
        steps.forEach(s -> v.optional(s.transmit() != TraceMessage.NONE, s.transmit() - s.tStart()));
        steps.forEach(s -> v.signed(s.count()));
        steps.forEach(s -> v.signed(s.lost()));
        steps.forEach(s -> v.signed(s.late()));
        steps.forEach(s -> v.optional(s.misses() >= 0, s.misses()));
        v.deltas(steps.stream().mapToLong(TraceIndex.Step::chunk).toArray());
        return Base64.getEncoder().encodeToString(v.deflated());
    }

    private ObjectNode meta(TraceReader.Result read, String title) {
        ObjectNode m = JsonNodes.MAPPER.createObjectNode();
        m.put("format", "cfqnn-trace-viewer/1");
        m.put("title", title);
        m.put("messages", table.size());
        m.put("lines", read.lines());
        m.put("corrupt", read.corrupt());
        m.put("firstCorruptLine", read.firstCorruptLine());
        m.put("firstProblem", read.firstProblem());
        ArrayNode strings = m.putArray("strings");
        table.strings.all().forEach(strings::add);
        m.put("flagLost", TraceTable.LOST);
        m.put("flagCrossNode", TraceTable.CROSS_NODE);
        m.put("flagLate", TraceIndex.LATE);
        m.put("flagStale", TraceIndex.STALE);
        m.put("deployment", TraceIndex.DEPLOYMENT);
        ArrayNode cols = m.putArray("columns");
        for (String[] c : COLUMNS) {
            cols.addArray().add(c[0]).add(c[1]);
        }
        table.extras.forEach((name, c) -> cols.addArray().add("x:" + name).add(c.integral() ? "opt" : "str"));
        ArrayNode stepCols = m.putArray("stepColumns");
        for (String[] c : STEP_COLUMNS) {
            stepCols.addArray().add(c[0]).add(c[1]);
        }
        m.put("stepCount", index.steps.size());
        m.put("steps", stepBlob());
        ArrayNode ch = m.putArray("chunks");
        for (TraceIndex.Chunk c : index.chunks) {
            ch.addArray().add(c.run()).add(c.phase()).add(c.firstStep()).add(c.lastStep()).add(c.firstRow())
                    .add(c.count()).add(c.tMin()).add(c.tMax());
        }
        m.set("runs", runs());
        return m;
    }

    /** Per run: name, lanes in chart order, message types, where its misses come from. */
    private ArrayNode runs() {
        Map<Integer, Set<Integer>> lanes = new LinkedHashMap<>();
        Map<Integer, Set<Integer>> types = new HashMap<>();
        for (TraceIndex.Chunk c : index.chunks) {
            Set<Integer> l = lanes.computeIfAbsent(c.run(), r -> new HashSet<>());
            Set<Integer> t = types.computeIfAbsent(c.run(), r -> new HashSet<>());
            for (int r = c.firstRow(); r < c.firstRow() + c.count(); r++) {
                int row = index.order[r];
                l.add((int) table.from.get(row));
                l.add((int) table.to.get(row));
                t.add((int) table.type.get(row));
            }
        }
        ArrayNode runs = JsonNodes.MAPPER.createArrayNode();
        lanes.forEach((run, ls) -> {
            ObjectNode r = runs.addObject();
            r.put("run", run);
            r.put("name", table.strings.get(run));
            ArrayNode l = r.putArray("lanes");
            ls.stream().sorted(Comparator.comparing(table.strings::get, Entities.ORDER)).forEach(l::add);
            ArrayNode t = r.putArray("types");
            types.get(run).stream().sorted(Comparator.comparing(table.strings::get)).forEach(t::add);
            r.put("missSource", index.missSources.getOrDefault(run, TraceIndex.MissSource.NONE).label);
        });
        return runs;
    }
}
