package org.cfqnn.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.typed.ActorRef;
import org.cfqnn.emulator.EmulatorRunner;
import org.cfqnn.emulator.EmulatorTestSupport;
import org.cfqnn.io.JsonNodes;
import org.cfqnn.progress.ProgressListener;
import org.cfqnn.report.EmulatorReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps and replications shared out to worker nodes (three actor systems in this JVM, every message
 * serialized): the same outputs as one JVM, also when a worker dies in the middle of a unit.
 */
class WorkPoolTest {

    @TempDir
    Path dir;

    private static final Set<String> WORKER = Set.of(ClusterNode.WORKER);

    /** Two sweep points with two replications each: four units; each seed's offline model serves two of them. */
    private static List<EmulatorRunner.Point> points() {
        String[] common = {"emulator.steps=16", "emulator.replications=2",
                "emulator.protocols=[non-centralized, greedy-maxmin]", "emulator.links.fronthaul.loss=0.05"};
        List<EmulatorRunner.Point> out = new java.util.ArrayList<>();
        for (String latency : List.of("100 us", "2 ms")) {
            List<String> sets = new java.util.ArrayList<>(List.of(common));
            sets.add("emulator.links.fronthaul.latency=" + latency);
            out.add(new EmulatorRunner.Point(latency, EmulatorTestSupport.small(sets.toArray(String[]::new))));
        }
        return out;
    }

    private record Single(Path dir, EmulatorRunner.Report report) {
    }

    private Single oneJvm() throws IOException {
        Path single = Files.createDirectory(dir.resolve("single"));
        return new Single(single, EmulatorRunner.run(points(), EmulatorRunner.Outputs.in(single),
                ProgressListener.Factory.NONE, EmulatorTestSupport.actorConfig()));
    }

    private static void assertSameOutputs(Path pool, EmulatorRunner.Report poolReport, Single one) throws IOException {
        Path single = one.dir();
        assertThat(Files.readString(pool.resolve("steps.csv"))).isEqualTo(Files.readString(single.resolve("steps.csv")));
        List<String> a = Files.readAllLines(single.resolve("trace.jsonl"));
        List<String> b = Files.readAllLines(pool.resolve("trace.jsonl"));
        assertThat(b).hasSameSizeAs(a).isNotEmpty();
        for (int i = 0; i < a.size(); i++) {
            ObjectNode x = (ObjectNode) JsonNodes.MAPPER.readTree(a.get(i));
            ObjectNode y = (ObjectNode) JsonNodes.MAPPER.readTree(b.get(i));
            x.remove("wall");
            y.remove("wall");
            assertThat(y).as("trace line %d", i).isEqualTo(x);
        }
        ObjectNode s1 = EmulatorReport.summary(one.report(), "x", "");
        ObjectNode s2 = EmulatorReport.summary(poolReport, "x", "");
        s1.remove("performance");
        s2.remove("performance");
        assertThat(s2.toPrettyString()).isEqualTo(s1.toPrettyString());
    }

    @Test
    void unitsSharedOutToWorkersGiveTheSameOutputsAsOneJvm() throws Exception {
        Single single = oneJvm();
        try (TestCluster cluster = new TestCluster(Set.of(ClusterNode.WORLD, ClusterNode.WORKER), WORKER, WORKER)) {
            Work.awaitWorkers(cluster.node(0), 3, java.time.Duration.ofSeconds(20));
            Path pool = Files.createDirectory(dir.resolve("pool"));
            EmulatorRunner.Report r = Distributed.run(cluster.node(0), points(), EmulatorRunner.Outputs.in(pool),
                    ProgressListener.Factory.NONE, null);
            assertThat(r.outcomes()).hasSize(8);
            assertThat(r.nodes().get(0)).isEqualTo("world: pool of 4 units (sweep points x replications)");
            assertThat(r.nodes().size() - 1).as("workers that ran units").isGreaterThanOrEqualTo(2);
            // each seed's model was trained once, on the world node, and shipped with both its units
            assertThat(r.trainings()).hasSize(2).hasSameSizeAs(single.report().trainings());
            assertSameOutputs(pool, r, single);
        }
    }

    @Test
    void aUnitWhoseWorkerDiesIsRunAgainElsewhereWithTheSameResults() throws Exception {
        Single single = oneJvm();
        try (TestCluster cluster = new TestCluster(Set.of(ClusterNode.WORLD), WORKER, WORKER)) {
            Work.awaitWorkers(cluster.node(0), 2, java.time.Duration.ofSeconds(20));
            AtomicBoolean killed = new AtomicBoolean();
            Work.Listener killSecond = new Work.Listener() {
                @Override
                public void assigned(int unit, ActorRef<Work.WorkerCommand> worker) {
                    if (worker.path().address().equals(addressOf(cluster, 2)) && killed.compareAndSet(false, true)) {
                        new Thread(() -> cluster.crash(2)).start(); // in the middle of its first unit
                    }
                }

                @Override
                public void done(int done) {
                }
            };
            Path pool = Files.createDirectory(dir.resolve("pool"));
            EmulatorRunner.Report r = Distributed.run(cluster.node(0), points(), EmulatorRunner.Outputs.in(pool),
                    ProgressListener.Factory.NONE, killSecond);
            assertThat(killed).isTrue();
            assertThat(r.nodes().get(0)).isEqualTo("world: pool of 4 units (sweep points x replications), "
                    + "1 run again after their worker was lost");
            assertThat(r.nodes()).hasSize(2); // only the surviving worker finished units
            assertSameOutputs(pool, r, single);
        }
    }

    private static org.apache.pekko.actor.Address addressOf(TestCluster cluster, int node) {
        return org.apache.pekko.cluster.typed.Cluster.get(cluster.node(node)).selfMember().address();
    }
}
