package org.cfqnn.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rounds of windowed synchronization on the placement of {@code tools/cluster-local --nodes 3} (world |
 * cloud | APs and edges): a step's chain crosses nodes three times (pilots to the APs, CSI to the cloud,
 * assignments back), and the APs' transmissions and the world's next step ride at the end of the windows
 * before them, so a step takes four rounds, one of them on the world node alone; the results stay those of
 * one JVM.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WindowRoundsTest {

    private static final int STEPS = 60;

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
    void aStepOfDenseTakesFourRoundsAcrossThreeNodes() throws Exception {
        List<String> sets = List.of("emulator.steps=" + STEPS, "emulator.qnn-variants=[]",
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
                    .isBetween(4.0, 4.0 + 4.0 / STEPS);
        }
    }

    /**
     * Instants that events on two nodes share: the CSI reaches the cloud exactly at the next step's start,
     * or exactly at the APs' transmit instant (1 ns of the arrival is the serialization of 408 bytes at
     * 1e15 bit/s, rounded up). The first wave at that instant then has members on both nodes, so no node may
     * deliver it alone at the end of its window, and the trace keeps one JVM's order.
     */
    @ParameterizedTest
    @CsvSource({"4999999 ns, 4 ms", "100 us, 100001 ns"})
    void instantsSharedAcrossNodesKeepOneJvmsOrder(String fronthaul, String deadline) throws Exception {
        List<String> sets = List.of("emulator.steps=20", "emulator.qnn-variants=[]",
                "emulator.protocols=[greedy-maxmin]", "emulator.links.fronthaul.latency=" + fronthaul,
                "emulator.links.fronthaul.jitter=0 us", "emulator.links.fronthaul.bandwidth=1e15",
                "emulator.deadline=" + deadline, "cluster.edge-nodes=1");
        ClusterScenarioTest.acrossNodesEqualsOneJvm(cluster, 1, "dense.conf", sets,
                Files.createDirectories(dir.resolve("shared-" + deadline.replace(' ', '-'))));
    }
}
