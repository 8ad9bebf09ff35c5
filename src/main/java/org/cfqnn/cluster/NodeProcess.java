package org.cfqnn.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.cfqnn.emulator.EmulatorRunner;
import org.cfqnn.emulator.Host;
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
    private List<ActorRef<Work.WorkerCommand>> workers = List.of();

    private NodeProcess(ActorSystem<EmulatorRunner.Request> system, AtomicBoolean asked) {
        this.system = system;
        this.asked = asked;
    }

    /**
     * Starts a node with {@code roles} at {@code host:port}, joining {@code seeds}; {@code die} kills the
     * JVM (cluster faults). A node with the worker role runs whole units of sweeps and replications
     * ({@link Work}), as worker nodes do, and the world node does when the run has workers.
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
        boolean worker = roles.contains(ClusterNode.WORKER);
        try {
            boolean cloud = roles.contains(ClusterNode.CLOUD);
            boolean edge = roles.contains(ClusterNode.EDGE);
            system = ActorSystem.create(EmulatorRunner.guardian(cloud || edge || worker, cloud, edge, die, () -> {
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
        if (worker) {
            Work.startWorker(system);
        }
        return new NodeProcess(system, asked);
    }

    /** World node with workers: waits for {@code workers} worker nodes; one line per node. */
    public List<String> discoverWorkers(int workers, Duration timeout) {
        this.workers = Work.awaitWorkers(system, workers + 1, timeout); // + this node's own
        return List.of("world: world, pool of units, worker", workers + " worker nodes");
    }

    /** World node, after {@link #discoverWorkers}: runs the scenario's units on the workers, this node's included. */
    public EmulatorRunner.Report runOnWorkers(List<EmulatorRunner.Point> points, EmulatorRunner.Outputs out,
                                              ProgressListener.Factory progress) {
        return Distributed.run(system, points, out, progress, null);
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
        if (topology == null && workers.isEmpty()) {
            ClusterNode.terminate(system); // nobody was found, nobody to stop
            return;
        }
        ClusterNode.shutdown(system, () -> {
            if (topology != null) {
                topology.slots().stream().filter(s -> !s.ref().path().address().hasLocalScope())
                        .forEach(s -> s.ref().tell(new Host.Shutdown()));
            }
            workers.stream().filter(w -> !w.path().address().hasLocalScope()).forEach(w -> w.tell(new Work.Stop()));
        }, Duration.ofSeconds(15));
    }

    private static String rootMessage(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.toString() : c.getMessage();
    }
}
