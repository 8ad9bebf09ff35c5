package org.cfqnn.trace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.cfqnn.emulator.record.BreakdownStats;
import org.cfqnn.protocol.LatencyParts;
import org.cfqnn.report.TextTable;

/**
 * The protocol latency breakdown of a trace, per run: from the latency each AP measured on the message that
 * completed its chain (the lines with {@code protocolLatencyNs} and {@code breakdownNs}), every part's mean
 * and p99 in microseconds, as {@code summary.json}'s {@code latencyBreakdownUs}, and the total they add up
 * to. Runs are listed in order of first appearance.
 */
public final class TraceBreakdown {

    private static final class Run {
        final BreakdownStats parts = new BreakdownStats(LatencyParts.NAMES);
        final Histogram total = new Histogram(3);
        long totalSum;
    }

    private final Map<String, Run> runs = new LinkedHashMap<>();

    /** Adds a message's measured latency, if it carries one (other entries are ignored). */
    public void add(TraceEntry e) {
        if (!(e instanceof TraceMessage m) || m.measured() == null) {
            return;
        }
        Run r = runs.computeIfAbsent(m.run(), k -> new Run());
        m.measured().partsNs().forEach(r.parts::add);
        r.parts.endSample();
        r.total.recordValue(Math.max(0, m.measured().nanos()));
        r.totalSum += m.measured().nanos();
    }

    /** True when no line of the trace carries a breakdown (traces before it, or without latency samples). */
    public boolean isEmpty() {
        return runs.isEmpty();
    }

    /** Per run and part: mean and p99 (us) over the run's (step, AP) samples, the share of the mean, then the total. */
    public TextTable table() {
        TextTable t = new TextTable("run", "part", "mean us", "p99 us", "share of mean");
        runs.forEach((name, r) -> {
            long n = r.parts.samples();
            double mean = r.totalSum / 1e3 / n;
            List<BreakdownStats.Part> parts = r.parts.parts();
            for (BreakdownStats.Part p : parts) {
                t.row(name, p.name(), fixed(p.meanUs()), fixed(p.p99Us()),
                        mean == 0 ? "-" : String.format("%.1f%%", 100 * p.meanUs() / mean));
            }
            t.row(name, "total (" + n + " samples)", fixed(mean), fixed(r.total.getValueAtPercentile(99) / 1e3), "100.0%");
        });
        return t;
    }

    private static String fixed(double us) {
        return String.format("%.3f", us);
    }
}
