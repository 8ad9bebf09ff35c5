package org.cfqnn.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.cfqnn.emulator.Host;
import org.cfqnn.emulator.Topology;
import org.cfqnn.scenario.Defaults;

/**
 * One JVM of a cluster run: its actor system's configuration (Artery TCP, the roles, the seed nodes;
 * the split brain resolver and failure detector timings come from application.conf), how the world
 * node finds the cloud and edge nodes (the receptionist), and how the run's nodes are stopped.
 */
public final class ClusterNode {

    public static final String WORLD = "world";
    public static final String CLOUD = "cloud";
    public static final String EDGE = "edge";
    public static final Set<String> ROLES = Set.of(WORLD, CLOUD, EDGE);

    private ClusterNode() {
    }

    /** The actor system configuration of a node at {@code host:port} (port 0: any free port). */
    public static Config config(Set<String> roles, String host, int port, List<String> seedNodes) {
        String seeds = seedNodes.stream().map(s -> "\"pekko://cfqnn@" + s + "\"").collect(Collectors.joining(", "));
        String r = roles.stream().sorted().map(x -> "\"" + x + "\"").collect(Collectors.joining(", "));
        return ConfigFactory.parseString("pekko.actor.provider = cluster\n"
                + "pekko.remote.artery.canonical.hostname = \"" + host + "\"\n"
                + "pekko.remote.artery.canonical.port = " + port + "\n"
                + "pekko.cluster.seed-nodes = [" + seeds + "]\n"
                + "pekko.cluster.roles = [" + r + "]\n").withFallback(Defaults.config());
    }

    /**
     * Waits until the receptionist lists one cloud host and {@code edgeNodes} edge hosts, then names the
     * nodes: {@code world} for hosts in this JVM, otherwise {@code cloud}, {@code edge-i} (edge hosts in
     * address order) or {@code cloud+edge-i}.
     *
     * @throws IllegalStateException when they are not all there after {@code timeout}, or too many are
     */
    public static Topology discover(ActorSystem<?> system, int edgeNodes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ActorRef<Host.Command>> clouds = find(system, Host.CLOUD_KEY);
            List<ActorRef<Host.Command>> edges = find(system, Host.EDGE_KEY);
            if (clouds.size() > 1 || edges.size() > edgeNodes) {
                throw new IllegalStateException("cluster: expected 1 cloud node and " + edgeNodes + " edge nodes "
                        + "(cluster.edge-nodes), found " + clouds.size() + " and " + edges.size());
            }
            if (clouds.size() == 1 && edges.size() == edgeNodes) {
                return topology(system, clouds.get(0), edges);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cluster: after " + timeout.toSeconds() + " s (cluster.form-timeout) found "
                        + clouds.size() + " of 1 cloud node and " + edges.size() + " of " + edgeNodes + " edge nodes; "
                        + "are they started with --seed-nodes pointing at this node?");
            }
            sleep(200);
        }
    }

    private static Topology topology(ActorSystem<?> system, ActorRef<Host.Command> cloud,
                                     List<ActorRef<Host.Command>> edges) {
        List<ActorRef<Host.Command>> sorted = new ArrayList<>(edges);
        sorted.sort(Comparator.comparing(ClusterNode::addressKey));
        Map<ActorRef<Host.Command>, Topology.Slot> slots = new LinkedHashMap<>();
        slots.put(cloud, new Topology.Slot(cloud, local(cloud) ? WORLD : CLOUD, true, -1));
        for (int i = 0; i < sorted.size(); i++) {
            ActorRef<Host.Command> e = sorted.get(i);
            Topology.Slot c = slots.get(e);
            String name = local(e) ? WORLD : c != null ? "cloud+edge-" + i : "edge-" + i;
            slots.put(e, new Topology.Slot(e, name, c != null, i));
        }
        return new Topology(WORLD, List.copyOf(slots.values()));
    }

    private static boolean local(ActorRef<?> ref) {
        return ref.path().address().hasLocalScope();
    }

    private static String addressKey(ActorRef<?> ref) {
        Address a = ref.path().address();
        return a.host().getOrElse(() -> "") + ":" + String.format("%05d", (Integer) a.port().getOrElse(() -> 0));
    }

    private static List<ActorRef<Host.Command>> find(ActorSystem<?> system,
                                                     org.apache.pekko.actor.typed.receptionist.ServiceKey<Host.Command> key) {
        Receptionist.Listing listing = AskPattern.<Receptionist.Command, Receptionist.Listing>ask(system.receptionist(),
                replyTo -> Receptionist.find(key, replyTo), Duration.ofSeconds(5), system.scheduler())
                .toCompletableFuture().join();
        return new ArrayList<>(listing.getServiceInstances(key));
    }

    /**
     * The world node is done: tells every other host to stop, waits (at most {@code patience}) until their
     * nodes have left, then leaves the cluster and terminates this node.
     */
    public static void shutdown(ActorSystem<?> system, Topology topology, Duration patience) {
        if (topology != null) {
            for (Topology.Slot s : topology.slots()) {
                if (!local(s.ref())) {
                    s.ref().tell(new Host.Shutdown());
                }
            }
            long deadline = System.nanoTime() + patience.toNanos();
            Cluster cluster = Cluster.get(system);
            while (System.nanoTime() < deadline && othersUp(cluster)) {
                sleep(100);
            }
        }
        terminate(system);
    }

    private static boolean othersUp(Cluster cluster) {
        for (var m : cluster.state().getMembers()) {
            if (!m.equals(cluster.selfMember()) && m.status() != MemberStatus.removed()) {
                return true;
            }
        }
        return false;
    }

    /** Leaves the cluster (coordinated shutdown) and waits for this node's actor system to stop. */
    public static void terminate(ActorSystem<?> system) {
        org.apache.pekko.actor.CoordinatedShutdown.get(system).runAll(
                org.apache.pekko.actor.CoordinatedShutdown.unknownReason());
        try {
            system.getWhenTerminated().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            // exiting anyway
        }
    }

    /** Waits until this node is a member (Up), at most {@code timeout}. */
    public static boolean awaitUp(ActorSystem<?> system, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Cluster cluster = Cluster.get(system);
        while (System.nanoTime() < deadline) {
            if (cluster.selfMember().status() == MemberStatus.up()) {
                return true;
            }
            if (system.whenTerminated().isCompleted()) {
                return false;
            }
            sleep(100);
        }
        return false;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
