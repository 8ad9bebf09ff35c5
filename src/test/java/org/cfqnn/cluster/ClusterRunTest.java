package org.cfqnn.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Subscribe;
import org.apache.pekko.cluster.typed.Leave;
import org.cfqnn.emulator.EmulatorRunner;
import org.cfqnn.emulator.EmulatorTestSupport;
import org.cfqnn.emulator.Topology;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.io.JsonNodes;
import org.cfqnn.report.EmulatorReport;
import org.cfqnn.scenario.ScenarioSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A cluster of three actor systems in this JVM: world, cloud, edge. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterRunTest {

    private TestCluster cluster;

    @TempDir
    Path dir;

    @BeforeAll
    void form() {
        cluster = new TestCluster(Set.of(ClusterNode.WORLD), Set.of(ClusterNode.CLOUD), Set.of(ClusterNode.EDGE));
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    @Test
    @Order(1)
    void theWorldNodeFindsTheCloudAndEdgeHostsThroughTheReceptionist() {
        Topology t = ClusterNode.discover(cluster.node(0), 1, Duration.ofSeconds(20));
        assertThat(t.worldNode()).isEqualTo("world");
        assertThat(t.slots()).extracting(Topology.Slot::node).containsExactly("cloud", "edge-0");
        assertThat(t.slots().get(0).cloud()).isTrue();
        assertThat(t.slots().get(1).edgeIndex()).isZero();
        assertThat(t.describe(4)).containsExactly("world: world, users, network, recorder", "cloud: cloud",
                "edge-0: ap-0..3 with edges");
    }

    @Test
    @Order(2)
    void aRunAcrossNodesGivesTheSameResultsAsInOneJvm() throws Exception {
        ScenarioSettings s = EmulatorTestSupport.small("emulator.steps=8",
                "emulator.protocols=[non-centralized, centralized, greedy-maxmin]", "emulator.links.fronthaul.loss=0.05");
        Path single = Files.createDirectory(dir.resolve("single"));
        Path multi = Files.createDirectory(dir.resolve("cluster"));
        ObjectNode one = EmulatorReport.summary(EmulatorTestSupport.run(s, single), "x", "");
        Topology t = ClusterNode.discover(cluster.node(0), 1, Duration.ofSeconds(20));
        EmulatorRunner.Report report = EmulatorRunner.run(List.of(new EmulatorRunner.Point("", s)),
                EmulatorRunner.Outputs.in(multi), org.cfqnn.progress.ProgressListener.Factory.NONE, cluster.node(0), t);
        ObjectNode three = EmulatorReport.summary(report, "x", "");
        assertThat(three.at("/performance/runs/0/hopsUs/crossNode/count").asLong()).isPositive();
        one.remove("performance");
        three.remove("performance");
        assertThat(three.toPrettyString()).isEqualTo(one.toPrettyString());
        assertThat(Files.readString(multi.resolve("steps.csv"))).isEqualTo(Files.readString(single.resolve("steps.csv")));

        List<String> a = Files.readAllLines(single.resolve("trace.jsonl"));
        List<String> b = Files.readAllLines(multi.resolve("trace.jsonl"));
        assertThat(b).hasSameSizeAs(a);
        int crossing = 0;
        for (int i = 0; i < a.size(); i++) {
            ObjectNode x = (ObjectNode) JsonNodes.MAPPER.readTree(a.get(i));
            ObjectNode y = (ObjectNode) JsonNodes.MAPPER.readTree(b.get(i));
            assertThat(x.get("crossNode").asBoolean()).isFalse();
            if (y.get("crossNode").asBoolean()) {
                crossing++;
                assertThat(y.get("fromNode").asText()).isNotEqualTo(y.get("toNode").asText());
            }
            if (y.get("type").asText().equals("Csi") && y.get("to").asText().equals("cloud")) {
                assertThat(y.get("fromNode").asText()).isEqualTo("edge-0");
                assertThat(y.get("toNode").asText()).isEqualTo("cloud");
            }
            for (String volatileKey : List.of("wall", "fromNode", "toNode", "crossNode")) {
                x.remove(volatileKey);
                y.remove(volatileKey);
            }
            assertThat((JsonNode) y).isEqualTo(x);
        }
        assertThat(crossing).isGreaterThan(a.size() / 2);
    }

    private static final int ROUND_STEPS = 60;

    /**
     * The rounds of windowed synchronization on this placement (that of {@code tools/cluster-local --nodes 3}):
     * a step's chain crosses nodes three times (pilots to the APs, CSI to the cloud, assignments back), and
     * the APs' transmissions and the world's next step ride at the end of the windows before them, so a step
     * takes four rounds, one of them on the world node alone; the results stay those of one JVM.
     */
    @Test
    @Order(3)
    void aStepOfDenseTakesFourRoundsAcrossThreeNodes() throws Exception {
        List<String> sets = List.of("emulator.steps=" + ROUND_STEPS, "emulator.qnn-variants=[]",
                "emulator.protocols=[non-centralized, centralized, search]", "cloud.training.n-data=20",
                "cloud.training.n-epoch=1", "edge.training.n-data=10", "edge.training.n-epoch=1",
                "cluster.edge-nodes=1");
        JsonNode summary = ClusterScenarioTest.acrossNodesEqualsOneJvm(cluster, 1, "dense.conf", sets,
                Files.createDirectories(dir.resolve("four-rounds")));
        JsonNode runs = summary.at("/performance/runs");
        assertThat(runs).hasSize(3);
        for (JsonNode run : runs) {
            // 4 per step, and a few to start (the world's first step) and to end (the last receptions)
            assertThat(run.get("syncRoundsPerStep").asDouble()).as(run.get("run").asText())
                    .isBetween(4.0, 4.0 + 4.0 / ROUND_STEPS);
        }
    }

    /**
     * Instants that events on two nodes share: the CSI reaches the cloud exactly at the next step's start,
     * or exactly at the APs' transmit instant (1 ns of the arrival is the serialization of 408 bytes at
     * 1e15 bit/s, rounded up). The first wave at that instant then has members on both nodes, so no node may
     * deliver it alone at the end of its window, and the trace keeps one JVM's order.
     */
    @ParameterizedTest
    @Order(3)
    @CsvSource({"4999999 ns, 4 ms", "100 us, 100001 ns"})
    void instantsSharedAcrossNodesKeepOneJvmsOrder(String fronthaul, String deadline) throws Exception {
        List<String> sets = List.of("emulator.steps=20", "emulator.qnn-variants=[]",
                "emulator.protocols=[greedy-maxmin]", "emulator.links.fronthaul.latency=" + fronthaul,
                "emulator.links.fronthaul.jitter=0 us", "emulator.links.fronthaul.bandwidth=1e15",
                "emulator.deadline=" + deadline, "cluster.edge-nodes=1");
        ClusterScenarioTest.acrossNodesEqualsOneJvm(cluster, 1, "dense.conf", sets,
                Files.createDirectories(dir.resolve("shared-" + deadline.replace(' ', '-'))));
    }

    /**
     * In virtual time a link between the cloud and the APs on different nodes is what gives the nodes their
     * lookahead; with no latency every message would need a round, so such a placement is refused, naming
     * the key, the value and what is allowed.
     */
    @ParameterizedTest
    @Order(3)
    @CsvSource({"fronthaul", "cloud-edge"})
    void aPlacementThatCutsALinkWithoutLatencyIsRefused(String link) {
        ScenarioSettings s = EmulatorTestSupport.small("emulator.steps=4", "emulator.protocols=[greedy-maxmin]",
                "emulator.links." + link + ".latency=0 us");
        Topology t = ClusterNode.discover(cluster.node(0), 1, Duration.ofSeconds(20));
        assertThatThrownBy(() -> EmulatorRunner.run(List.of(new EmulatorRunner.Point("", s)),
                EmulatorRunner.Outputs.in(Files.createDirectories(dir.resolve("cut-" + link))),
                org.cfqnn.progress.ProgressListener.Factory.NONE, cluster.node(0), t))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("emulator.links." + link + ".latency")
                .hasMessageContaining("0 us")
                .hasMessageContaining("must be > 0 in a cluster run whose cloud and APs are on different nodes");
    }

    @Test
    @Order(4)
    void aNodeThatLeavesIsRemovedAndNoLongerDiscovered() {
        Cluster edge = Cluster.get(cluster.node(2));
        Cluster world = Cluster.get(cluster.node(0));
        var removed = org.apache.pekko.actor.testkit.typed.javadsl.TestProbe.<ClusterEvent.MemberRemoved>create(
                cluster.node(0));
        world.subscriptions().tell(Subscribe.create(removed.ref(), ClusterEvent.MemberRemoved.class));
        edge.manager().tell(Leave.create(edge.selfMember().address()));
        removed.fishForMessage(Duration.ofSeconds(20), e -> e.member().address().equals(edge.selfMember().address())
                ? org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes.complete()
                : org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes.continueAndIgnore());
        assertThat(countUp(world)).isEqualTo(2);
        assertThat(cluster.node(2).getWhenTerminated().toCompletableFuture()).succeedsWithin(Duration.ofSeconds(20));
    }

    private static long countUp(Cluster c) {
        long n = 0;
        for (var m : c.state().getMembers()) {
            n += m.status() == MemberStatus.up() ? 1 : 0;
        }
        return n;
    }
}
