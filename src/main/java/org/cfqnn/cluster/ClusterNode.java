package org.cfqnn.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.SelfUp;
import org.apache.pekko.cluster.typed.Subscribe;
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
    public static final String WORKER = "worker";
    public static final Set<String> ROLES = Set.of(WORLD, CLOUD, EDGE, WORKER);

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
     * Waits until the receptionist lists one cloud host and {@code edgeNodes} edge hosts (subscribed to its
     * listings: no polling), then names the nodes: {@code world} for hosts in this JVM, otherwise
     * {@code cloud}, {@code edge-i} (edge hosts in address order) or {@code cloud+edge-i}.
     *
     * @throws IllegalStateException when they are not all there after {@code timeout}, or too many are
     */
    public static Topology discover(ActorSystem<?> system, int edgeNodes, Duration timeout) {
        CompletableFuture<Topology> found = new CompletableFuture<>();
        int[] seen = {0, 0};
        system.systemActorOf(Behaviors.<Receptionist.Listing>setup(ctx -> {
            Map<ServiceKey<Host.Command>, List<ActorRef<Host.Command>>> hosts = new HashMap<>();
            for (ServiceKey<Host.Command> key : List.of(Host.CLOUD_KEY, Host.EDGE_KEY)) {
                system.receptionist().tell(Receptionist.subscribe(key, ctx.getSelf()));
            }
            return Behaviors.receive(Receptionist.Listing.class).onMessage(Receptionist.Listing.class, l -> {
                if (found.isDone()) {
                    return Behaviors.stopped(); // timed out: nobody waits any more
                }
                for (ServiceKey<Host.Command> key : List.of(Host.CLOUD_KEY, Host.EDGE_KEY)) {
                    if (l.isForKey(key)) {
                        hosts.put(key, new ArrayList<>(l.getServiceInstances(key)));
                    }
                }
                List<ActorRef<Host.Command>> clouds = hosts.getOrDefault(Host.CLOUD_KEY, List.of());
                List<ActorRef<Host.Command>> edges = hosts.getOrDefault(Host.EDGE_KEY, List.of());
                seen[0] = clouds.size();
                seen[1] = edges.size();
                if (clouds.size() > 1 || edges.size() > edgeNodes) {
                    found.completeExceptionally(new IllegalStateException("cluster: expected 1 cloud node and "
                            + edgeNodes + " edge nodes (cluster.edge-nodes), found " + clouds.size() + " and "
                            + edges.size()));
                    return Behaviors.stopped();
                }
                if (clouds.size() == 1 && edges.size() == edgeNodes) {
                    found.complete(topology(clouds.get(0), edges));
                    return Behaviors.stopped();
                }
                return Behaviors.same();
            }).build();
        }), "cfqnn-discovery-" + System.nanoTime(), Props.empty());
        try {
            return found.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            found.cancel(false);
            throw new IllegalStateException("cluster: after " + timeout.toSeconds() + " s (cluster.form-timeout) found "
                    + seen[0] + " of 1 cloud node and " + seen[1] + " of " + edgeNodes + " edge nodes; "
                    + "are they started with --seed-nodes pointing at this node?");
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Topology topology(ActorRef<Host.Command> cloud, List<ActorRef<Host.Command>> edges) {
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

    /**
     * The world node is done: {@code stopOthers} tells every other node to stop; waits (at most
     * {@code patience}) until every other node is gone ({@link #whenAlone}), then leaves the cluster and
     * terminates this node.
     */
    public static void shutdown(ActorSystem<?> system, Runnable stopOthers, Duration patience) {
        CompletableFuture<Void> alone = whenAlone(system);
        stopOthers.run();
        try {
            alone.get(patience.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the others are slow to leave: this node leaves anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        terminate(system);
    }

    /** How often a node waiting to be alone looks again, events or not. */
    private static final Duration RECHECK = Duration.ofMillis(250);

    /**
     * Completes once every other member is gone ({@link #gone}). Checked on membership and reachability
     * events and every {@link #RECHECK} (the cluster's view of its state is updated apart from the events).
     * A node that has left stops its JVM within a second or two, often before the leader has moved it to
     * removed; it then stays exiting or leaving, unreachable, and the world node used to wait its whole
     * patience (15 s) after most cluster runs.
     */
    private static CompletableFuture<Void> whenAlone(ActorSystem<?> system) {
        CompletableFuture<Void> alone = new CompletableFuture<>();
        Cluster cluster = Cluster.get(system);
        system.systemActorOf(Behaviors.<Object>setup(ctx -> Behaviors.withTimers(timers -> {
            cluster.subscriptions().tell(Subscribe.create(ctx.getSelf().narrow(), ClusterEvent.MemberEvent.class));
            cluster.subscriptions().tell(Subscribe.create(ctx.getSelf().narrow(),
                    ClusterEvent.ReachabilityEvent.class));
            timers.startTimerAtFixedRate("recheck", RECHECK);
            return Behaviors.receive(Object.class).onAnyMessage(e -> {
                if (!othersUp(cluster)) {
                    alone.complete(null);
                    return Behaviors.stopped();
                }
                return Behaviors.same();
            }).build();
        })), "cfqnn-leaving-" + System.nanoTime(), Props.empty());
        if (!othersUp(cluster)) {
            alone.complete(null);
        }
        return alone;
    }

    /** Whether another member is still in the cluster (see {@link #whenAlone}). */
    private static boolean othersUp(Cluster cluster) {
        var unreachable = cluster.state().getUnreachable();
        for (var m : cluster.state().getMembers()) {
            if (!m.equals(cluster.selfMember()) && !gone(m.status(), unreachable.contains(m))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a member with this status has left for good: removed, downed, exiting, or leaving and no
     * longer reachable. An unreachable member that is up has not left (a crashed node, until it is downed).
     */
    static boolean gone(MemberStatus status, boolean unreachable) {
        return status == MemberStatus.removed() || status == MemberStatus.down() || status == MemberStatus.exiting()
                || (status == MemberStatus.leaving() && unreachable);
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

    /** Waits until this node is a member (Up), at most {@code timeout}: told by the cluster's SelfUp event. */
    public static boolean awaitUp(ActorSystem<?> system, Duration timeout) {
        CompletableFuture<Boolean> up = new CompletableFuture<>();
        Cluster cluster = Cluster.get(system);
        system.systemActorOf(Behaviors.<SelfUp>setup(ctx -> {
            cluster.subscriptions().tell(Subscribe.create(ctx.getSelf(), SelfUp.class));
            return Behaviors.receive(SelfUp.class).onAnyMessage(e -> {
                up.complete(true);
                return Behaviors.stopped();
            }).build();
        }), "cfqnn-up-" + System.nanoTime(), Props.empty());
        system.getWhenTerminated().thenRun(() -> up.complete(false));
        try {
            return up.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
