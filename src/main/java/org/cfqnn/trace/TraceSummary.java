package org.cfqnn.trace;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.cfqnn.report.TextTable;

/**
 * Per run, phase and message type: count, bytes, lost, and send-to-arrival latency percentiles (HdrHistogram,
 * 3 significant digits, latencies below 1 ns counted as 1 ns).
 */
public final class TraceSummary {

    private static final long MAX_LATENCY_NS = 3_600_000_000_000L;

    private static final class Stats {
        long count;
        long bytes;
        long lost;
        final Histogram latency = new Histogram(1, MAX_LATENCY_NS, 3);
    }

    private record Key(String run, String phase, String type) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = run.compareTo(o.run);
            c = c != 0 ? c : phase.compareTo(o.phase);
            return c != 0 ? c : type.compareTo(o.type);
        }
    }

    private final Map<Key, Stats> byKey = new TreeMap<>();

    /** Adds a message (other entries are ignored). */
    public void add(TraceEntry e) {
        if (!(e instanceof TraceMessage m)) {
            return;
        }
        Stats s = byKey.computeIfAbsent(new Key(m.run(), m.phase(), m.type()), k -> new Stats());
        s.count++;
        s.bytes += m.bytes();
        if (m.lost()) {
            s.lost++;
        } else {
            s.latency.recordValue(Math.min(MAX_LATENCY_NS, Math.max(1, m.latency())));
        }
    }

    public TextTable table() {
        TextTable t = new TextTable("run", "phase", "type", "count", "bytes", "lost", "p50 us", "p99 us", "max us");
        byKey.forEach((k, s) -> t.row(k.run(), k.phase(), k.type(), s.count, s.bytes, s.lost, us(s.latency, 50),
                us(s.latency, 99), String.format("%.1f", s.latency.getMaxValue() / 1e3)));
        return t;
    }

    private static String us(Histogram h, double p) {
        return String.format("%.1f", h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(p) / 1e3);
    }
}
