package org.cfqnn.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.pekko.cluster.typed.Cluster;
import org.cfqnn.emulator.Emulation;
import org.cfqnn.emulator.EmulatorRunner;
import org.cfqnn.emulator.EmulatorTestSupport;
import org.cfqnn.emulator.record.Recorder;
import org.cfqnn.progress.ProgressListener;
import org.cfqnn.emulator.Topology;
import org.cfqnn.scenario.ScenarioSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nodes killed in the middle of a run (without leaving): detected, downed, and the run goes on. */
class ClusterFaultTest {

    @TempDir
    Path dir;

    private static final Set<String> WORLD = Set.of(ClusterNode.WORLD);
    private static final Set<String> CLOUD = Set.of(ClusterNode.CLOUD);
    private static final Set<String> EDGE = Set.of(ClusterNode.EDGE);

    private EmulatorRunner.Report run(TestCluster cluster, int edgeNodes, String... sets) {
        List<String> all = new java.util.ArrayList<>(List.of("radio.n-ap=6", "emulator.steps=30",
                "emulator.protocols=[non-centralized, greedy-maxmin]", "emulator.trace.enabled=false",
                "cluster.edge-nodes=" + edgeNodes));
        all.addAll(List.of(sets));
        ScenarioSettings s = EmulatorTestSupport.small(all.toArray(String[]::new));
        Topology t = ClusterNode.discover(cluster.node(0), edgeNodes, Duration.ofSeconds(20));
        return EmulatorRunner.run(List.of(new EmulatorRunner.Point("", s)), EmulatorRunner.Outputs.in(dir),
                ProgressListener.Factory.NONE, cluster.node(0), t);
    }

    @Test
    void aKilledEdgeNodeIsDownedAndTheCloudReassignsTheRemainingAps() {
        try (TestCluster cluster = new TestCluster(WORLD, CLOUD, EDGE, EDGE)) {
            EmulatorRunner.Report r = run(cluster, 2, "cluster.faults=[{node = edge-1, step = 10}]");
            Emulation.Outcome nc = r.outcomes().get(0);
            assertThat(nc.lostNodes()).containsExactly("edge-1");
            Recorder.Outage o = nc.results().outages().get(0);
            assertThat(o.node()).isEqualTo("edge-1");
            assertThat(o.entities()).containsExactly("ap-3", "ap-4", "ap-5", "edge-3", "edge-4", "edge-5");
            assertThat(o.lostAtStep()).isEqualTo(10);
            assertThat(o.reassignedAtStep()).isBetween(10L, 11L);
            // three APs remain for three users: every user stays served at every step
            assertThat(nc.results().steps()).isEqualTo(30);
            assertThat(nc.results().meanUnserved()).isZero();
            Emulation.NodeLoss loss = nc.nodeLosses().get(0);
            assertThat(loss.node()).isEqualTo("edge-1");
            assertThat(loss.unreachableMicros()).isGreaterThan(loss.dyingMicros());
            assertThat(loss.removedMicros()).isGreaterThan(loss.unreachableMicros());
            // the next protocol runs without the dead node: its APs are lost from the start, users still served
            Emulation.Outcome greedy = r.outcomes().get(1);
            assertThat(greedy.results().outages().get(0).lostAtStep()).isZero();
            assertThat(greedy.results().meanUnserved()).isZero();
            assertThat(Cluster.get(cluster.node(0)).state().getMembers()).hasSize(3);
        }
    }

    @Test
    void withTheCloudNodeKilledTheApsKeepTheLastAssignmentAndFallBack() {
        try (TestCluster cluster = new TestCluster(WORLD, CLOUD, EDGE)) {
            EmulatorRunner.Report r = run(cluster, 1, "cluster.faults=[{node = cloud, step = 10}]",
                    "emulator.protocols=[non-centralized]");
            Emulation.Outcome nc = r.outcomes().get(0);
            assertThat(nc.lostNodes()).containsExactly("cloud");
            Recorder.Outage o = nc.results().outages().get(0);
            assertThat(o.entities()).containsExactly("cloud");
            assertThat(o.reassignedAtStep()).isEqualTo(-1);
            assertThat(o.windowSteps()).isEqualTo(20);
            // from step 10 on no precoder is computed: all six APs fall back at every step
            assertThat(o.fallbacks()).isEqualTo(20 * 6);
            assertThat(nc.results().fallbacks()).isEqualTo(20 * 6);
        }
    }
}
