package org.cfqnn.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the viewer needs beyond the raw columns, computed once from a {@link TraceTable}:
 * <ul>
 * <li>an order of the messages: by run, phase (in order of first appearance), step, send time; cut into
 * chunks of whole steps of about {@link #CHUNK_MESSAGES} messages, the unit the page decodes lazily;</li>
 * <li>each message's cause resolved to a row (ids are unique within a run; timer ids resolve to nothing);</li>
 * <li>per step: its time span, its transmit instant (the first {@code Transmission} sent in it), counts of
 * lost and late messages, and its deadline misses.</li>
 * </ul>
 * A message is <b>late</b> when it arrived after its step's transmit instant (too late to be used in the
 * step); messages on the {@code air} link (pilots, the transmissions themselves, receptions) are not judged.
 * A {@code Transmission} is <b>stale</b> when its cause is not a message of its own step: the AP transmitted a
 * fallback precoder (the emulator names the message that brought the precoder as the cause). A step's misses come from, in this order: {@code steps.csv} (fallbacks per step),
 * per-step records in the trace, or the number of its stale transmissions.
 */
final class TraceIndex {

    static final int CHUNK_MESSAGES = 4096;
    static final int LATE = 4;
    static final int STALE = 8;
    static final String TRANSMISSION = "Transmission";
    static final String DEPLOYMENT = "deployment";
    static final String AIR = "air";

    /** Where a run's misses come from, as shown to the user. */
    enum MissSource {
        STEPS_CSV("steps.csv"), RECORDS("step records in the trace"),
        DERIVED("derived: transmissions whose precoder is not of their step"), NONE("none (no transmissions)");

        final String label;

        MissSource(String label) {
            this.label = label;
        }
    }

    record Chunk(int run, int phase, long firstStep, long lastStep, int firstRow, int count, long tMin, long tMax) {
    }

    /** @param misses APs that missed the deadline, -1 when unknown (no transmissions, no other source) */
    record Step(int run, int phase, long step, long tStart, long tEnd, long transmit, int count, int lost, int late,
                long misses, int chunk) {
    }

    final TraceTable table;
    /** Row in viewer order -> row in the table. */
    final int[] order;
    /** Viewer row -> viewer row of its cause, -1 when unresolved. */
    final int[] causeRow;
    final List<Chunk> chunks = new ArrayList<>();
    final List<Step> steps = new ArrayList<>();
    /** Run (string index) -> where its misses come from. */
    final Map<Integer, MissSource> missSources = new LinkedHashMap<>();

    /** @param csvMisses run name -> (steps.csv step -> misses); empty when there is no steps.csv */
    TraceIndex(TraceTable table, Map<String, TreeMap<Long, Long>> csvMisses) {
        this.table = table;
        int n = table.size();
        this.order = order(table);
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) {
            rank[order[r]] = r;
        }
        this.causeRow = causes(table, order, rank);
        cut();
        summarize(csvMisses);
    }

    /** Groups (run, phase) in order of first appearance, then step, send time and file order. */
    private static int[] order(TraceTable tt) {
        Map<Long, Integer> groupRank = new HashMap<>();
        Map<Long, Integer> runFirst = new LinkedHashMap<>();
        int n = tt.size();
        long[] key = new long[n];
        for (int i = 0; i < n; i++) {
            long run = tt.run.get(i);
            runFirst.putIfAbsent(run, runFirst.size());
            long g = (run << 32) | tt.phase.get(i);
            groupRank.putIfAbsent(g, groupRank.size());
        }
        // phases keep their first-appearance order within a run; runs keep theirs
        List<Long> groups = new ArrayList<>(groupRank.keySet());
        groups.sort((a, b) -> {
            int c = Integer.compare(runFirst.get(a >>> 32), runFirst.get(b >>> 32));
            return c != 0 ? c : Integer.compare(groupRank.get(a), groupRank.get(b));
        });
        Map<Long, Integer> groupOrder = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            groupOrder.put(groups.get(g), g);
        }
        for (int i = 0; i < n; i++) {
            key[i] = groupOrder.get((tt.run.get(i) << 32) | tt.phase.get(i));
        }
        Integer[] rows = new Integer[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        Arrays.sort(rows, (a, b) -> {
            int c = Long.compare(key[a], key[b]);
            c = c != 0 ? c : Long.compare(tt.step.get(a), tt.step.get(b));
            c = c != 0 ? c : Long.compare(tt.t.get(a), tt.t.get(b));
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = rows[i];
        }
        return out;
    }

    private static int[] causes(TraceTable tt, int[] order, int[] rank) {
        Map<Long, IdIndex> byRun = new HashMap<>();
        for (int i = 0; i < tt.size(); i++) {
            byRun.computeIfAbsent(tt.run.get(i), r -> new IdIndex(1024)).putIfAbsent(tt.id.get(i), i);
        }
        int[] out = new int[order.length];
        for (int r = 0; r < order.length; r++) {
            int row = order[r];
            long cause = tt.cause.get(row);
            int c = cause == TraceMessage.NONE ? -1 : byRun.get(tt.run.get(row)).get(cause);
            out[r] = c < 0 || c == row ? -1 : rank[c];
        }
        return out;
    }

    /** Chunks of whole steps; a chunk never spans two (run, phase) groups. */
    private void cut() {
        int n = order.length;
        int start = 0;
        int r = 0;
        while (r < n) {
            int end = stepEnd(r);
            boolean sameGroup = r > start && sameGroup(order[start], order[r]);
            if (r > start && (!sameGroup || end - start > CHUNK_MESSAGES)) {
                addChunk(start, r);
                start = r;
            }
            r = end;
        }
        if (n > start) {
            addChunk(start, n);
        }
    }

    /** The first viewer row after the step that row {@code r} begins. */
    private int stepEnd(int r) {
        int e = r + 1;
        while (e < order.length && sameGroup(order[r], order[e]) && table.step.get(order[e]) == table.step.get(order[r])) {
            e++;
        }
        return e;
    }

    private boolean sameGroup(int a, int b) {
        return table.run.get(a) == table.run.get(b) && table.phase.get(a) == table.phase.get(b);
    }

    private void addChunk(int from, int to) {
        long tMin = Long.MAX_VALUE;
        long tMax = Long.MIN_VALUE;
        for (int r = from; r < to; r++) {
            tMin = Math.min(tMin, table.t.get(order[r]));
            tMax = Math.max(tMax, table.end(order[r]));
        }
        int first = order[from];
        chunks.add(new Chunk((int) table.run.get(first), (int) table.phase.get(first), table.step.get(first),
                table.step.get(order[to - 1]), from, to - from, tMin, tMax));
    }

    private void summarize(Map<String, TreeMap<Long, Long>> csvByName) {
        Map<String, TreeMap<Long, Long>> csvMisses = new HashMap<>();
        csvByName.forEach((run, m) -> csvMisses.put(StepsCsv.key(run), m));
        Map<String, Long> recordMisses = new HashMap<>();
        for (StepRecord s : table.stepRecords) {
            if (s.misses() != TraceMessage.NONE) {
                recordMisses.put(s.run() + "\t" + s.phase() + "\t" + s.step(), s.misses());
            }
        }
        Map<Integer, Long> firstDeployment = new HashMap<>();
        int deployment = table.strings.find(DEPLOYMENT);
        for (int r = 0; r < order.length; r++) {
            int row = order[r];
            if (table.phase.get(row) == deployment) {
                firstDeployment.merge((int) table.run.get(row), table.step.get(row), Math::min);
            }
        }
        int transmission = table.strings.find(TRANSMISSION);
        int air = table.strings.find(AIR);
        for (int c = 0; c < chunks.size(); c++) {
            Chunk ch = chunks.get(c);
            for (int r = ch.firstRow(); r < ch.firstRow() + ch.count(); ) {
                int end = stepEnd(r);
                steps.add(step(r, end, c, transmission, air));
                r = end;
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            String runName = table.strings.get(s.run());
            String phaseName = table.strings.get(s.phase());
            TreeMap<Long, Long> csv = csvMisses.get(StepsCsv.key(runName));
            Long fromCsv = null;
            if (csv != null && s.phase() == deployment && !csv.isEmpty()) {
                // steps.csv counts deployment steps from its own first step; the trace may count on from training
                fromCsv = csv.get(s.step() - firstDeployment.get(s.run()) + csv.firstKey());
            }
            Long fromRecord = recordMisses.get(runName + "\t" + phaseName + "\t" + s.step());
            MissSource source = fromCsv != null ? MissSource.STEPS_CSV : fromRecord != null ? MissSource.RECORDS
                    : s.misses() >= 0 ? MissSource.DERIVED : MissSource.NONE;
            long misses = fromCsv != null ? fromCsv : fromRecord != null ? fromRecord : s.misses();
            steps.set(i, new Step(s.run(), s.phase(), s.step(), s.tStart(), s.tEnd(), s.transmit(), s.count(), s.lost(),
                    s.late(), misses, s.chunk()));
            // a run's source is the best any of its steps had
            missSources.merge(s.run(), source, (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
        }
    }

    /** The summary of one step (viewer rows {@code [from, to)}); sets its messages' late and stale flags. */
    private Step step(int from, int to, int chunk, int transmission, int air) {
        long tStart = Long.MAX_VALUE;
        long tEnd = Long.MIN_VALUE;
        long transmit = TraceMessage.NONE;
        int lost = 0;
        for (int r = from; r < to; r++) {
            int row = order[r];
            tStart = Math.min(tStart, table.t.get(row));
            tEnd = Math.max(tEnd, table.end(row));
            lost += table.lost(row) ? 1 : 0;
            if (table.type.get(row) == transmission && (transmit == TraceMessage.NONE || table.t.get(row) < transmit)) {
                transmit = table.t.get(row);
            }
        }
        int late = 0;
        long stale = transmit == TraceMessage.NONE ? TraceMessage.NONE : 0;
        for (int r = from; r < to; r++) {
            int row = order[r];
            if (transmit != TraceMessage.NONE && !table.lost(row) && table.link.get(row) != air
                    && table.arrive.get(row) > transmit) {
                table.flags.set(row, table.flags.get(row) | LATE);
                late++;
            }
            if (table.type.get(row) == transmission && !sameStep(row, causeRow[r])) {
                table.flags.set(row, table.flags.get(row) | STALE);
                stale++;
            }
        }
        int first = order[from];
        return new Step((int) table.run.get(first), (int) table.phase.get(first), table.step.get(first), tStart, tEnd,
                transmit, to - from, lost, late, stale, chunk);
    }

    private boolean sameStep(int row, int causeViewerRow) {
        if (causeViewerRow < 0) {
            return false;
        }
        int c = order[causeViewerRow];
        return sameGroup(row, c) && table.step.get(row) == table.step.get(c);
    }
}
