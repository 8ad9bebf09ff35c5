package org.cfqnn.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.protocol.Address;
import org.cfqnn.scenario.ClusterSettings;
import org.cfqnn.scenario.ScenarioSettings;

/**
 * Where a run's entities live: the world's node (world, users, network, recorder) and the hosts, each
 * with the cloud role, an edge index (edge node i hosts APs {@code [i M / E, (i + 1) M / E)} of E edge
 * nodes), or both. In one JVM a single local host has every role.
 */
public record Topology(String worldNode, List<Slot> slots) {

    /** A host: its node's name, whether it runs the cloud, its edge index (-1: none). */
    public record Slot(ActorRef<Host.Command> ref, String node, boolean cloud, int edgeIndex) {
    }

    public static final String LOCAL = "local";

    /** Everything in this JVM. */
    public static Topology local(ActorRef<Host.Command> host) {
        return new Topology(LOCAL, List.of(new Slot(host, LOCAL, true, 0)));
    }

    public int edgeNodes() {
        return (int) slots.stream().filter(s -> s.edgeIndex() >= 0).count();
    }

    /** APs of edge node {@code i} of {@code edgeNodes}, for {@code nAp} APs. */
    public static int[] aps(int i, int edgeNodes, int nAp) {
        int from = (int) ((long) i * nAp / edgeNodes);
        int to = (int) ((long) (i + 1) * nAp / edgeNodes);
        return java.util.stream.IntStream.range(from, to).toArray();
    }

    /** The hosts of a run with settings {@code s}, leaving out nodes that died earlier. */
    public List<Emulation.HostRef> hosts(ScenarioSettings s, Set<String> lostNodes) {
        ClusterSettings c = s.cluster();
        for (ClusterSettings.NodeFault f : c.faults()) {
            Slot target = slots.stream().filter(x -> f.node().equals("cloud") ? x.cloud()
                    : f.node().equals("edge-" + x.edgeIndex())).findFirst().orElse(null);
            if (target == null || target.node().equals(worldNode)) {
                throw new InvalidInputException("cluster.faults", f.node(), target == null
                        ? "no such node in this run (faults need a cluster run: cfqnn node or tools/cluster-local)"
                        : "runs in the world node's JVM; killing it would end the run (give it a node of its own)");
            }
        }
        requireLookahead(s);
        int edgeNodes = edgeNodes();
        List<Emulation.HostRef> out = new ArrayList<>();
        for (Slot slot : slots) {
            if (lostNodes.contains(slot.node())) {
                continue;
            }
            int[] aps = slot.edgeIndex() < 0 ? new int[0] : aps(slot.edgeIndex(), edgeNodes, s.radio().nAp());
            long crash = -1;
            if (slot.cloud()) {
                crash = c.crashStep("cloud");
            }
            if (slot.edgeIndex() >= 0) {
                long e = c.crashStep("edge-" + slot.edgeIndex());
                crash = crash < 0 ? e : e < 0 ? crash : Math.min(crash, e);
            }
            out.add(new Emulation.HostRef(slot.ref(), slot.node(), slot.cloud(), aps, crash));
        }
        return out;
    }

    /**
     * In virtual time, a modelled link between entities on different nodes needs a latency: it is the
     * lookahead that lets nodes advance in parallel (conservative synchronization), and with none every
     * message would need a round across nodes.
     */
    private void requireLookahead(ScenarioSettings s) {
        if (s.emulator().clock() != org.cfqnn.scenario.Clock.VIRTUAL) {
            return;
        }
        boolean cloudApart = slots.stream().anyMatch(x -> x.edgeIndex() >= 0 && !x.cloud());
        for (org.cfqnn.protocol.Link link : List.of(org.cfqnn.protocol.Link.FRONTHAUL, org.cfqnn.protocol.Link.CLOUD_EDGE)) {
            if (cloudApart && s.emulator().links().get(link).latency() == 0) {
                throw new InvalidInputException("emulator.links." + link.label() + ".latency", "0 us",
                        "must be > 0 in a cluster run whose cloud and APs are on different nodes: the latency is the "
                                + "lookahead that lets the nodes advance in parallel; give the link a latency, or run "
                                + "in one JVM");
            }
        }
    }

    /** What the nodes that died earlier hosted: address -> node. */
    public java.util.Map<Address, String> lostEntities(ScenarioSettings s, Set<String> lostNodes) {
        java.util.Map<Address, String> out = new java.util.TreeMap<>();
        for (Slot slot : slots) {
            if (!lostNodes.contains(slot.node())) {
                continue;
            }
            if (slot.cloud()) {
                out.put(Address.CLOUD, slot.node());
            }
            if (slot.edgeIndex() >= 0) {
                for (int m : aps(slot.edgeIndex(), edgeNodes(), s.radio().nAp())) {
                    out.put(Address.ap(m), slot.node());
                }
            }
        }
        return out;
    }

    /** One line per node: its name and what it runs. */
    public List<String> describe(int nAp) {
        List<String> out = new ArrayList<>();
        List<String> world = new ArrayList<>(List.of("world", "users", "network", "recorder"));
        for (Slot slot : slots) {
            List<String> what = slot.node().equals(worldNode) ? world : new ArrayList<>();
            if (slot.cloud()) {
                what.add("cloud");
            }
            if (slot.edgeIndex() >= 0) {
                int[] aps = aps(slot.edgeIndex(), edgeNodes(), nAp);
                what.add("ap-" + aps[0] + ".." + aps[aps.length - 1] + " with edges");
            }
            if (what != world) {
                out.add(slot.node() + ": " + String.join(", ", what));
            }
        }
        out.add(0, worldNode + ": " + String.join(", ", world));
        return out;
    }
}
