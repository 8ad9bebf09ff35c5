package org.cfqnn.emulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.cfqnn.protocol.Address;
import org.cfqnn.protocol.Memory;

/**
 * A node's memory of one run: the last saved parameters of its cloud and edges, outside the actors, so a
 * restarted actor resumes from them (supervision) and the run hands them to the next protocol; and how
 * often each entity restarted. Thread-safe.
 */
public final class ParameterStore implements Memory {

    private final Map<Address, double[]> saved = new ConcurrentHashMap<>();
    private final Map<Address, AtomicInteger> restarts = new ConcurrentHashMap<>();

    @Override
    public double[] load(Address owner) {
        double[] p = saved.get(owner);
        return p == null ? null : p.clone();
    }

    @Override
    public void save(Address owner, double[] params) {
        saved.put(owner, params.clone());
    }

    public void restarted(Address entity) {
        restarts.computeIfAbsent(entity, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Restarts per entity, by name. */
    public Map<String, Integer> restarts() {
        Map<String, Integer> out = new TreeMap<>();
        restarts.forEach((k, v) -> out.put(k.toString(), v.get()));
        return out;
    }
}
