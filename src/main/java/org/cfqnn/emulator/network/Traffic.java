package org.cfqnn.emulator.network;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.cfqnn.emulator.CborSerializable;

/**
 * What the network carried in one run, as an immutable snapshot: messages and bytes by phase and, in
 * deployment, by message type, and the wall-clock time of the hops between entities and the network
 * (within the network's node and across cluster nodes).
 */
public record Traffic(Map<String, Count> byPhase, Map<String, Count> deploymentByType, Hops inNodeHops,
                      Hops crossNodeHops, long syncRounds) implements CborSerializable {

    /** Counts of one kind of message. */
    public record Count(long messages, long bytes, long lost) {
    }

    /** Hop times in microseconds (zeros when there were none). */
    public record Hops(long count, long p50, long p99, long max) {

        static Hops of(Histogram h) {
            return h.getTotalCount() == 0 ? new Hops(0, 0, 0, 0) : new Hops(h.getTotalCount(),
                    h.getValueAtPercentile(50), h.getValueAtPercentile(99), h.getMaxValue());
        }
    }

    /**
     * The traffic of several node networks together: counts add up; in-node hop figures are those of the
     * node with the most hops (percentiles cannot be summed); cross-node hops are the coordinator's in virtual
     * time (its rounds) and, on the real clock, where nodes message each other directly, those of the node that
     * received the most; synchronization rounds are the coordinator's.
     */
    public static Traffic sum(List<Traffic> parts, Hops crossNode, long rounds) {
        Map<String, long[]> phases = new TreeMap<>();
        Map<String, long[]> types = new TreeMap<>();
        Hops in = new Hops(0, 0, 0, 0);
        for (Traffic t : parts) {
            t.byPhase.forEach((k, c) -> add(phases, k, c));
            t.deploymentByType.forEach((k, c) -> add(types, k, c));
            in = t.inNodeHops.count() > in.count() ? t.inNodeHops : in;
            crossNode = t.crossNodeHops != null && t.crossNodeHops.count() > crossNode.count() ? t.crossNodeHops : crossNode;
        }
        return new Traffic(Counter.counts(phases), Counter.counts(types), in, crossNode, rounds);
    }

    private static void add(Map<String, long[]> m, String k, Count c) {
        long[] x = m.computeIfAbsent(k, key -> new long[3]);
        x[0] += c.messages();
        x[1] += c.bytes();
        x[2] += c.lost();
    }

    /** Every message, all phases. */
    public long messages() {
        return byPhase.values().stream().mapToLong(Count::messages).sum();
    }

    public Count deployment() {
        return byPhase.getOrDefault("deployment", new Count(0, 0, 0));
    }

    /** The counters the network updates while it runs (one actor: not thread-safe). */
    static final class Counter {

        private final Map<String, long[]> byPhase = new TreeMap<>();
        private final Map<String, long[]> byType = new TreeMap<>();
        private final Histogram crossNode = new Histogram(1, 600_000_000L, 3);
        private final Histogram inNode = new Histogram(1, 600_000_000L, 3);

        void hop(boolean cross, long micros) {
            Histogram h = cross ? crossNode : inNode;
            h.recordValue(Math.max(1, Math.min(micros, h.getHighestTrackableValue())));
        }

        void count(String phase, String type, int bytes, boolean lost) {
            add(byPhase.computeIfAbsent(phase, k -> new long[3]), bytes, lost);
            if (phase.equals("deployment")) {
                add(byType.computeIfAbsent(type, k -> new long[3]), bytes, lost);
            }
        }

        private static void add(long[] c, int bytes, boolean lost) {
            c[0]++;
            c[1] += bytes;
            c[2] += lost ? 1 : 0;
        }

        Traffic snapshot() {
            return new Traffic(counts(byPhase), counts(byType), Hops.of(inNode), Hops.of(crossNode), 0);
        }

        static Map<String, Count> counts(Map<String, long[]> m) {
            Map<String, Count> out = new TreeMap<>();
            m.forEach((k, c) -> out.put(k, new Count(c[0], c[1], c[2])));
            return java.util.Collections.unmodifiableMap(out);
        }
    }
}
