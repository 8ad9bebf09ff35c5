package org.cfqnn.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.cfqnn.emulator.EmulatorRunner;

/**
 * Actor systems forming a cluster inside the test JVM, on loopback with free ports, every message
 * serialized (also between actors of one system), and failure detection tuned to take about two seconds.
 * {@link #crash} ends a node the way a killed process ends: without leaving the cluster.
 */
final class TestCluster implements AutoCloseable {

    final List<ActorSystem<EmulatorRunner.Request>> nodes = new ArrayList<>();

    /**
     * One node per role set, e.g. {@code Set.of("world"), Set.of("cloud"), Set.of("edge")}; the first is the
     * seed. Nodes with the worker role get a worker.
     */
    @SafeVarargs
    TestCluster(Set<String>... roles) {
        for (Set<String> r : roles) {
            int index = nodes.size();
            boolean host = r.contains(ClusterNode.CLOUD) || r.contains(ClusterNode.EDGE) || r.contains(ClusterNode.WORKER);
            nodes.add(ActorSystem.create(EmulatorRunner.guardian(host, r.contains(ClusterNode.CLOUD),
                    r.contains(ClusterNode.EDGE), () -> crash(index), () -> { }), "cfqnn", config(r)));
        }
        var seed = Cluster.get(nodes.get(0)).selfMember().address();
        for (ActorSystem<?> n : nodes) {
            Cluster.get(n).manager().tell(Join.create(seed));
        }
        for (ActorSystem<?> n : nodes) {
            if (!ClusterNode.awaitUp(n, Duration.ofSeconds(30))) {
                throw new IllegalStateException("node " + Cluster.get(n).selfMember() + " did not come up");
            }
        }
        for (int i = 0; i < roles.length; i++) {
            if (roles[i].contains(ClusterNode.WORKER)) {
                Work.startWorker(nodes.get(i));
            }
        }
    }

    static Config config(Set<String> roles) {
        return ConfigFactory.parseString("""
                pekko.actor.serialize-messages = on
                pekko.actor.serialize-creators = off
                pekko.loglevel = ERROR
                pekko.coordinated-shutdown.run-by-actor-system-terminate = off
                pekko.cluster.failure-detector.heartbeat-interval = 200 ms
                pekko.cluster.failure-detector.acceptable-heartbeat-pause = 1 s
                pekko.cluster.split-brain-resolver.stable-after = 1 s
                """).withFallback(ClusterNode.config(roles, "127.0.0.1", 0, List.of()));
    }

    ActorSystem<EmulatorRunner.Request> node(int i) {
        return nodes.get(i);
    }

    /** Node i stops at once: no leaving, its transport simply closes (run-by-actor-system-terminate = off). */
    void crash(int i) {
        nodes.get(i).terminate();
    }

    @Override
    public void close() {
        for (ActorSystem<?> n : nodes) {
            n.terminate();
        }
        for (ActorSystem<?> n : nodes) {
            try {
                n.getWhenTerminated().toCompletableFuture().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                // best effort
            }
        }
    }
}
