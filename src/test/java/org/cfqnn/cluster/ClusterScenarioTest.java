package org.cfqnn.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cfqnn.cli.RunCommand;
import org.cfqnn.emulator.EmulatorRunner;
import org.cfqnn.emulator.EmulatorTestSupport;
import org.cfqnn.emulator.Topology;
import org.cfqnn.io.JsonNodes;
import org.cfqnn.progress.ProgressListener;
import org.cfqnn.report.EmulatorReport;
import org.cfqnn.scenario.Scenario;
import org.cfqnn.scenario.ScenarioSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped scenarios, shortened, on four in-JVM nodes (world | cloud | edge | edge, every message
 * serialized) under windowed synchronization: the same summary, steps and trace as one JVM.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterScenarioTest {

    private TestCluster cluster;

    @TempDir
    Path dir;

    @BeforeAll
    void form() {
        cluster = new TestCluster(Set.of(ClusterNode.WORLD), Set.of(ClusterNode.CLOUD), Set.of(ClusterNode.EDGE),
                Set.of(ClusterNode.EDGE));
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    /** Short training everywhere; the scenario's radio, links, protocols, clock and sweep stay. */
    private static final List<String> SHORT = List.of("emulator.steps=15", "emulator.qnn-variants=[]",
            "cloud.training.n-data=20", "cloud.training.n-epoch=1", "edge.training.n-data=10",
            "edge.training.n-epoch=1", "cluster.edge-nodes=2");

    @ParameterizedTest
    @ValueSource(strings = {"paper.conf", "dense.conf", "latency-sweep.conf"})
    void aShippedScenarioAcrossNodesEqualsOneJvm(String name) throws Exception {
        List<String> sets = new ArrayList<>(SHORT);
        if (name.equals("latency-sweep.conf")) {
            sets.add("emulator.sweep.values=[50 us, 500 us, 2 ms]");
        }
        ObjectNode b = acrossNodesEqualsOneJvm(cluster, 2, name, sets, dir);
        assertThat(b.at("/performance/runs/0/syncRoundsPerStep").asDouble()).isPositive();
    }

    /**
     * Runs scenario {@code name} with {@code sets} in one JVM and on {@code cluster} (node 0 the world, with
     * {@code edgeNodes} edge nodes), asserts the same summary, steps and trace, and returns the cluster's summary.
     */
    static ObjectNode acrossNodesEqualsOneJvm(TestCluster cluster, int edgeNodes, String name, List<String> sets,
                                              Path dir) throws Exception {
        Config config = Scenario.load(Path.of("scenarios", name), sets);
        ScenarioSettings base = ScenarioSettings.of(config);
        List<EmulatorRunner.Point> points = RunCommand.points(config, base);
        Path single = Files.createDirectories(dir.resolve(name + "-single"));
        Path multi = Files.createDirectories(dir.resolve(name + "-cluster"));
        EmulatorRunner.Report one = EmulatorRunner.run(points, EmulatorRunner.Outputs.in(single),
                ProgressListener.Factory.NONE, EmulatorTestSupport.actorConfig());
        Topology t = ClusterNode.discover(cluster.node(0), edgeNodes, Duration.ofSeconds(20));
        EmulatorRunner.Report many = EmulatorRunner.run(points, EmulatorRunner.Outputs.in(multi),
                ProgressListener.Factory.NONE, cluster.node(0), t);

        ObjectNode a = EmulatorReport.summary(one, name, "");
        ObjectNode b = EmulatorReport.summary(many, name, "");
        ObjectNode withPerformance = b.deepCopy();
        a.remove("performance");
        b.remove("performance");
        assertThat(b.toPrettyString()).isEqualTo(a.toPrettyString());
        assertThat(Files.readString(multi.resolve("steps.csv"))).isEqualTo(Files.readString(single.resolve("steps.csv")));
        List<String> x = Files.readAllLines(single.resolve("trace.jsonl"));
        List<String> y = Files.readAllLines(multi.resolve("trace.jsonl"));
        assertThat(y).hasSameSizeAs(x).isNotEmpty();
        for (int i = 0; i < x.size(); i++) {
            ObjectNode p = (ObjectNode) JsonNodes.MAPPER.readTree(x.get(i));
            ObjectNode q = (ObjectNode) JsonNodes.MAPPER.readTree(y.get(i));
            for (String placementKey : List.of("wall", "fromNode", "toNode", "crossNode")) {
                p.remove(placementKey);
                q.remove(placementKey);
            }
            assertThat(q).as("%s trace line %d", name, i).isEqualTo(p);
        }
        return withPerformance;
    }

    /**
     * On the real clock messages between nodes go straight from node to node: the run ends, every step is
     * recorded, and the cross-node hops are measured.
     */
    @Test
    void aRealClockRunAcrossNodesEndsWithEveryStepRecorded() throws Exception {
        List<String> sets = new ArrayList<>(SHORT);
        sets.addAll(List.of("emulator.clock=real", "emulator.steps=40", "emulator.step-period=20 ms",
                "emulator.deadline=15 ms", "emulator.protocols=[search, non-centralized]"));
        Config config = Scenario.load(Path.of("scenarios", "dense.conf"), sets);
        List<EmulatorRunner.Point> points = RunCommand.points(config, ScenarioSettings.of(config));
        Path multi = Files.createDirectories(dir.resolve("real-cluster"));
        Topology t = ClusterNode.discover(cluster.node(0), 2, Duration.ofSeconds(20));
        EmulatorRunner.Report r = java.util.concurrent.CompletableFuture.supplyAsync(() -> EmulatorRunner.run(points,
                EmulatorRunner.Outputs.in(multi), ProgressListener.Factory.NONE, cluster.node(0), t))
                .get(90, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(r.outcomes()).hasSize(2).allSatisfy(o -> {
            assertThat(o.failure()).isNull();
            assertThat(o.results().steps()).isEqualTo(40);
        });
        ObjectNode s = EmulatorReport.summary(r, "dense.conf", "");
        assertThat(s.at("/performance/runs/0/hopsUs/crossNode/count").asLong()).isPositive();
    }
}
