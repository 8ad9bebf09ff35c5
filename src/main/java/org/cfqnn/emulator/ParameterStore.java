package org.cfqnn.emulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The last saved parameters of the cloud and of every edge, outside the actors: a restarted actor
 * resumes from them (supervision), and the run hands them to the next protocol. Also counts restarts.
 */
public final class ParameterStore {

    private volatile double[] cloud;
    private final double[][] edges;
    private final Map<String, AtomicInteger> restarts = new ConcurrentHashMap<>();

    public ParameterStore(double[] cloud, double[][] edges) {
        this.cloud = cloud == null ? null : cloud.clone();
        this.edges = new double[edges == null ? 0 : edges.length][];
        for (int m = 0; m < this.edges.length; m++) {
            this.edges[m] = edges[m].clone();
        }
    }

    public double[] cloud() {
        return cloud == null ? null : cloud.clone();
    }

    public void saveCloud(double[] params) {
        cloud = params.clone();
    }

    public synchronized double[] edge(int m) {
        return edges[m] == null ? null : edges[m].clone();
    }

    public synchronized void saveEdge(int m, double[] params) {
        edges[m] = params.clone();
    }

    public synchronized double[][] edges() {
        double[][] out = new double[edges.length][];
        for (int m = 0; m < edges.length; m++) {
            out[m] = edges[m] == null ? null : edges[m].clone();
        }
        return out;
    }

    public void restarted(String entity) {
        restarts.computeIfAbsent(entity, k -> new AtomicInteger()).incrementAndGet();
    }

    public Map<String, Integer> restarts() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        restarts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
