package org.cfqnn.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every message of a trace in columns (one primitive array per field, strings as indices into one
 * {@link StringTable}), in file order, plus the per-step records. Fields beyond the known ones become extra
 * columns, created when first seen.
 */
final class TraceTable {

    static final int LOST = 1;
    static final int CROSS_NODE = 2;

    final StringTable strings = new StringTable();
    final LongColumn run = new LongColumn();
    final LongColumn phase = new LongColumn();
    final LongColumn step = new LongColumn();
    final LongColumn t = new LongColumn();
    final LongColumn arrive = new LongColumn();
    final LongColumn wall = new LongColumn();
    final LongColumn type = new LongColumn();
    final LongColumn from = new LongColumn();
    final LongColumn to = new LongColumn();
    final LongColumn bytes = new LongColumn();
    final LongColumn link = new LongColumn();
    final LongColumn id = new LongColumn();
    final LongColumn cause = new LongColumn();
    final LongColumn fromNode = new LongColumn();
    final LongColumn toNode = new LongColumn();
    final LongColumn flags = new LongColumn();
    final Map<String, ExtraColumn> extras = new LinkedHashMap<>();
    final List<StepRecord> stepRecords = new ArrayList<>();

    /**
     * A field the reader does not know: integers while every value is one, else any value (rendered as
     * text by the viewer). Absent values are {@link #ABSENT} / null.
     */
    static final class ExtraColumn {
        static final long ABSENT = Long.MIN_VALUE;
        private final LongColumn longs = new LongColumn();
        private List<Object> objects;

        void add(Object v) {
            if (objects == null && (v == null || v instanceof Long l && l != ABSENT)) {
                longs.add(v == null ? ABSENT : (Long) v);
                return;
            }
            if (objects == null) {
                objects = new ArrayList<>(Math.max(16, longs.size() * 2));
                for (int i = 0; i < longs.size(); i++) {
                    objects.add(longs.get(i) == ABSENT ? null : longs.get(i));
                }
            }
            objects.add(v);
        }

        /** True while every value seen is an integer. */
        boolean integral() {
            return objects == null;
        }

        long longAt(int row) {
            return longs.get(row);
        }

        Object at(int row) {
            return objects != null ? objects.get(row) : longs.get(row) == ABSENT ? null : longs.get(row);
        }
    }

    int size() {
        return t.size();
    }

    void add(TraceEntry e) {
        if (e instanceof TraceMessage m) {
            add(m);
        } else if (e instanceof StepRecord r) {
            stepRecords.add(r);
        }
    }

    private void add(TraceMessage m) {
        int row = size();
        run.add(strings.of(m.run()));
        phase.add(strings.of(m.phase()));
        step.add(m.step());
        t.add(m.t());
        arrive.add(m.arrive());
        wall.add(m.wall());
        type.add(strings.of(m.type()));
        from.add(strings.of(m.from()));
        to.add(strings.of(m.to()));
        bytes.add(m.bytes());
        link.add(strings.of(m.link()));
        id.add(m.id());
        cause.add(m.cause());
        fromNode.add(strings.of(m.fromNode()));
        toNode.add(strings.of(m.toNode()));
        flags.add((m.lost() ? LOST : 0) | (m.crossNode() ? CROSS_NODE : 0));
        for (String name : m.extras().keySet()) {
            extras.computeIfAbsent(name, k -> {
                ExtraColumn c = new ExtraColumn();
                for (int i = 0; i < row; i++) {
                    c.add(null);
                }
                return c;
            });
        }
        extras.forEach((name, c) -> c.add(m.extras().get(name)));
    }

    boolean lost(int row) {
        return (flags.get(row) & LOST) != 0;
    }

    /** When a message stops being in flight: its arrival, or its send time when it was lost. */
    long end(int row) {
        return lost(row) ? t.get(row) : Math.max(t.get(row), arrive.get(row));
    }
}
