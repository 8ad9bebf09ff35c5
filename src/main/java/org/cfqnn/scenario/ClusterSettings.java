package org.cfqnn.scenario;

import java.util.List;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.radio.RadioModel;

/**
 * The {@code cluster { ... }} block: how many edge nodes a cluster run waits for, how long it waits for
 * them, and which nodes to kill at which step. Read by every run; used by cluster runs only.
 */
public record ClusterSettings(int edgeNodes, long formTimeout, List<NodeFault> faults, int workers) {

    /** Kill node {@code node} ("cloud" or "edge-i") while it handles step {@code step}. */
    public record NodeFault(String node, long step) {
    }

    static ClusterSettings read(Settings c, RadioModel radio) {
        int edgeNodes = c.getInt("edge-nodes");
        if (edgeNodes < 1 || edgeNodes > radio.nAp()) {
            throw new InvalidInputException(c.key("edge-nodes"), edgeNodes, "must be an integer in [1, radio.n-ap = "
                    + radio.nAp() + "]: every edge node hosts at least one AP");
        }
        long formTimeout = EmulatorSettings.duration(c, "form-timeout", 1_000_000_000L, 3_600_000_000_000L);
        List<NodeFault> faults = FaultList.read(c, "faults", "node", edgeNodes, "cluster.edge-nodes = " + edgeNodes)
                .stream().map(f -> new NodeFault(f.target(), f.step())).toList();
        int workers = c.getInt("workers");
        if (workers < 0 || workers > 1000) {
            throw new InvalidInputException(c.key("workers"), workers, "must be an integer in [0, 1000]");
        }
        if (workers > 0 && !faults.isEmpty()) {
            throw new InvalidInputException(c.key("faults"), faults.get(0).node(), "kills nodes that host entities; "
                    + "with cluster.workers > 0 whole runs go to workers instead: use one or the other");
        }
        return new ClusterSettings(edgeNodes, formTimeout, faults, workers);
    }

    /** The step at which {@code node} dies, or -1. */
    public long crashStep(String node) {
        return faults.stream().filter(f -> f.node().equals(node)).mapToLong(NodeFault::step).min().orElse(-1);
    }
}
