package org.cfqnn.emulator.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.cfqnn.emulator.CborSerializable;

/**
 * Protocol latency samples split into named parts: per part the exact sum (so the means of the parts add up
 * to the mean latency) and an HdrHistogram (3 significant digits, auto-resizing) for its p99. A part a sample
 * does not name counts as 0 for it; negative values (the real clock's residual) count as 0 in the histogram
 * only. Parts are kept in order of first appearance.
 */
public final class BreakdownStats {

    /** One part over every sample: its mean and p99 in microseconds. */
    public record Part(String name, double meanUs, double p99Us) implements CborSerializable {
    }

    private static final class Sums {
        long sum;
        long named; // samples that named this part
        final Histogram histogram = new Histogram(3);
    }

    private final Map<String, Sums> parts = new LinkedHashMap<>();
    private long samples;

    /** Declares parts up front, so they are listed in this order (and with 0 when never seen). */
    public BreakdownStats(List<String> names) {
        names.forEach(n -> parts.put(n, new Sums()));
    }

    /** Part {@code name} of the sample being added is {@code nanos}; call {@link #endSample()} after its parts. */
    public void add(String name, long nanos) {
        Sums s = parts.computeIfAbsent(name, k -> new Sums());
        s.sum = Math.addExact(s.sum, nanos);
        s.named++;
        s.histogram.recordValue(Math.max(0, nanos));
    }

    /** The parts of one sample are in. */
    public void endSample() {
        samples++;
    }

    public long samples() {
        return samples;
    }

    /** Every part's mean and p99 in microseconds (an empty list without samples). */
    public List<Part> parts() {
        List<Part> out = new ArrayList<>();
        if (samples == 0) {
            return out;
        }
        parts.forEach((name, s) -> {
            if (s.named < samples) { // samples that did not name it: 0 there
                s.histogram.recordValueWithCount(0, samples - s.named);
                s.named = samples;
            }
            out.add(new Part(name, s.sum / 1e3 / samples, s.histogram.getValueAtPercentile(99) / 1e3));
        });
        return out;
    }
}
