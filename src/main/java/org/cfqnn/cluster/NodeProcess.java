package org.cfqnn.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.typed.ActorSystem;
import org.cfqnn.emulator.EmulatorRunner;
import org.cfqnn.emulator.Topology;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.progress.ProgressListener;

/**
 * This JVM as one node of a cluster run, from start to stop: it joins the cluster with its roles; a cloud or
 * edge node then hosts its part of every run until the world node tells it to stop; the world node
 * discovers the others, runs the scenario and, when closed, stops them all.
 */
public final class NodeProcess implements AutoCloseable {

    private final ActorSystem<EmulatorRunner.Request> system;
    private final AtomicBoolean asked;
    private Topology topology;

    private NodeProcess(ActorSystem<EmulatorRunner.Request> system, AtomicBoolean asked) {
        this.system = system;
        this.asked = asked;
    }

    /**
     * Starts a node with {@code roles} at {@code host:port}, joining {@code seeds}; {@code die} kills the
     * JVM (cluster faults).
     *
     * @throws InvalidInputException when the port cannot be bound
     * @throws IllegalStateException when it did not join within {@code formTimeout}
     */
    public static NodeProcess start(Set<String> roles, String host, int port, List<String> seeds, Duration formTimeout,
                                    Runnable die) {
        AtomicBoolean asked = new AtomicBoolean();
        @SuppressWarnings("unchecked")
        ActorSystem<EmulatorRunner.Request>[] holder = new ActorSystem[1];
        ActorSystem<EmulatorRunner.Request> system;
        try {
            system = ActorSystem.create(EmulatorRunner.guardian(roles.contains(ClusterNode.CLOUD),
                    roles.contains(ClusterNode.EDGE), true, die, () -> {
                        asked.set(true);
                        new Thread(() -> ClusterNode.terminate(holder[0]), "cfqnn-node-shutdown").start();
                    }), "cfqnn", ClusterNode.config(roles, host, port, seeds));
        } catch (RuntimeException e) {
            throw new InvalidInputException("--port", port, "cannot start the node at " + host + ":" + port + ": "
                    + rootMessage(e));
        }
        holder[0] = system;
        if (!ClusterNode.awaitUp(system, formTimeout)) {
            ClusterNode.terminate(system);
            throw new IllegalStateException("could not join the cluster at " + seeds + " within "
                    + formTimeout.toSeconds() + " s (cluster.form-timeout)");
        }
        return new NodeProcess(system, asked);
    }

    /**
     * A cloud or edge node: hosts runs until the world node says the scenario is done.
     *
     * @throws IllegalStateException when the node left the cluster before that (the world node is gone, or
     *                               this node was downed)
     */
    public void serve() {
        system.getWhenTerminated().toCompletableFuture().join();
        if (!asked.get()) {
            throw new IllegalStateException("this node left the cluster before the run was over (the world node "
                    + "is gone, or this node was downed)");
        }
    }

    /** World node: waits for one cloud node and {@code edgeNodes} edge nodes; one line per node says what it runs. */
    public List<String> discover(int edgeNodes, Duration timeout, int nAp) {
        topology = ClusterNode.discover(system, edgeNodes, timeout);
        return topology.describe(nAp);
    }

    /** World node, after {@link #discover}: runs every point and protocol on the cluster. */
    public EmulatorRunner.Report run(List<EmulatorRunner.Point> points, EmulatorRunner.Outputs out,
                                     ProgressListener.Factory progress) {
        return EmulatorRunner.run(points, out, progress, system, topology);
    }

    /** Stops the other nodes (world node) and leaves the cluster. */
    @Override
    public void close() {
        ClusterNode.shutdown(system, topology, Duration.ofSeconds(15));
    }

    private static String rootMessage(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.toString() : c.getMessage();
    }
}
