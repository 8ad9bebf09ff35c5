package org.cfqnn.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.apache.pekko.cluster.MemberStatus;
import org.junit.jupiter.api.Test;

/** The world node leaves once the other nodes have left, not when its patience runs out. */
class ClusterShutdownTest {

    @Test
    void aNodeIsGoneOnceItHasLeftNotWhenItIsMerelyUnreachable() {
        assertThat(ClusterNode.gone(MemberStatus.removed(), false)).isTrue();
        assertThat(ClusterNode.gone(MemberStatus.down(), true)).isTrue();
        assertThat(ClusterNode.gone(MemberStatus.exiting(), false)).isTrue();
        assertThat(ClusterNode.gone(MemberStatus.leaving(), true)).isTrue(); // left and stopped its JVM
        assertThat(ClusterNode.gone(MemberStatus.leaving(), false)).isFalse(); // still on its way out
        assertThat(ClusterNode.gone(MemberStatus.up(), true)).isFalse(); // crashed: gone only once downed
        assertThat(ClusterNode.gone(MemberStatus.up(), false)).isFalse();
        assertThat(ClusterNode.gone(MemberStatus.joining(), false)).isFalse();
    }

    @Test
    void theWorldNodeLeavesAsSoonAsTheOthersHaveLeftAndStopped() {
        try (TestCluster c = new TestCluster(Set.of(ClusterNode.WORLD), Set.of(ClusterNode.CLOUD),
                Set.of(ClusterNode.EDGE))) {
            long start = System.nanoTime();
            // as a cloud or edge process does when told to stop: leave the cluster, then the JVM ends
            ClusterNode.shutdown(c.node(0), () -> {
                for (int i = 1; i < 3; i++) {
                    var node = c.node(i);
                    new Thread(() -> ClusterNode.terminate(node)).start();
                }
            }, Duration.ofSeconds(60));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(c.node(0).whenTerminated().isCompleted()).isTrue();
            // leaving takes a few gossip rounds (about a second each); the patience is 60 s
            assertThat(seconds).isLessThan(20);
        }
    }
}
