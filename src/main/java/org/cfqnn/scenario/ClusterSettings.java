package org.cfqnn.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.radio.RadioModel;

/**
 * The {@code cluster { ... }} block: how many edge nodes a cluster run waits for, how long it waits for
 * them, and which nodes to kill at which step. Read by every run; used by cluster runs only.
 */
public record ClusterSettings(int edgeNodes, long formTimeout, List<NodeFault> faults) {

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
        List<NodeFault> faults = new ArrayList<>();
        try {
            for (Config f : c.raw().getConfigList("faults")) {
                Settings fs = new Settings(f, c.key("faults[].")).onlyKeys(Set.of("node", "step"));
                String node = fs.getString("node");
                boolean ok = node.equals("cloud");
                if (node.startsWith("edge-")) {
                    try {
                        int i = Integer.parseInt(node.substring(5));
                        ok = i >= 0 && i < edgeNodes;
                    } catch (NumberFormatException x) {
                        ok = false;
                    }
                }
                if (!ok) {
                    throw new InvalidInputException(fs.key("node"), node, "must be cloud or edge-i with i in [0, "
                            + (edgeNodes - 1) + "] (cluster.edge-nodes = " + edgeNodes + ")");
                }
                long step = fs.getLong("step");
                if (step < 0) {
                    throw new InvalidInputException(fs.key("step"), step, "must be >= 0");
                }
                faults.add(new NodeFault(node, step));
            }
        } catch (ConfigException.WrongType x) {
            throw new InvalidInputException(c.key("faults"), null, "must be a list of { node = ..., step = ... }");
        }
        return new ClusterSettings(edgeNodes, formTimeout, List.copyOf(faults));
    }

    /** The step at which {@code node} dies, or -1. */
    public long crashStep(String node) {
        return faults.stream().filter(f -> f.node().equals(node)).mapToLong(NodeFault::step).min().orElse(-1);
    }
}
