package org.cfqnn.emulator;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Messages and bytes the network carried, by phase and by message type, and the wall-clock time of the
 * hops that carry them to and from the network actor, within its node and across cluster nodes. Written
 * by the network actor only; read once the run has finished.
 */
public final class TrafficStats {

    /** Counts of one kind of message. */
    public static final class Count {
        public long messages;
        public long bytes;
        public long lost;
    }

    private final Map<String, Count> byPhase = new TreeMap<>();
    private final Map<String, Count> deploymentByType = new TreeMap<>();
    private final Histogram crossNodeHops = new Histogram(1, 600_000_000L, 3);
    private final Histogram inNodeHops = new Histogram(1, 600_000_000L, 3);

    /** One hop between an entity and the network took {@code micros} of wall-clock time. */
    void hop(boolean crossNode, long micros) {
        Histogram h = crossNode ? crossNodeHops : inNodeHops;
        h.recordValue(Math.max(1, Math.min(micros, h.getHighestTrackableValue())));
    }

    /** Hop times between entities on other cluster nodes and the network, microseconds. */
    public Histogram crossNodeHops() {
        return crossNodeHops;
    }

    /** Hop times within the network's own node, microseconds. */
    public Histogram inNodeHops() {
        return inNodeHops;
    }

    /** Every message the network carried, all phases. */
    public long messages() {
        long n = 0;
        for (Count c : byPhase.values()) {
            n += c.messages;
        }
        return n;
    }

    void count(Wire m, String link, boolean lost) {
        String phase = Network.phase(m);
        add(byPhase.computeIfAbsent(phase, k -> new Count()), m, lost);
        if (phase.equals("deployment")) {
            add(deploymentByType.computeIfAbsent(m.getClass().getSimpleName(), k -> new Count()), m, lost);
        }
    }

    private static void add(Count c, Wire m, boolean lost) {
        c.messages++;
        c.bytes += m.sizeBytes();
        if (lost) {
            c.lost++;
        }
    }

    public Map<String, Count> byPhase() {
        return byPhase;
    }

    public Map<String, Count> deploymentByType() {
        return deploymentByType;
    }

    public Count deployment() {
        return byPhase.getOrDefault("deployment", new Count());
    }
}
