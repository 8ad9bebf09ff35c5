package org.cfqnn.emulator;

import java.util.Map;
import java.util.TreeMap;

/**
 * Messages and bytes the network carried, by phase and by message type. Written by the network actor
 * only; read once the run has finished.
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
