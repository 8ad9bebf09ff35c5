package org.cfqnn.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.cfqnn.rng.Seed;
import org.junit.jupiter.api.Test;

class IdIndexTest {

    @Test
    void agreesWithAHashMapOnIdsLikeTheEmulatorsThroughGrowth() {
        SplittableRandom rnd = new Seed(7).split("ids").random();
        IdIndex index = new IdIndex(4);
        Map<Long, Integer> reference = new HashMap<>();
        for (int row = 0; row < 50_000; row++) {
            // entity bits high, a counter low, as the emulator builds ids; some repeats and negatives
            long id = rnd.nextInt(10) == 0 ? -rnd.nextInt(100) : ((long) rnd.nextInt(12) << 40) | rnd.nextInt(30_000);
            index.putIfAbsent(id, row);
            reference.putIfAbsent(id, row);
        }
        reference.forEach((id, row) -> assertThat(index.get(id)).as("id %d", id).isEqualTo(row));
        for (int i = 0; i < 1000; i++) {
            long absent = (13L << 40) + i;
            assertThat(index.get(absent)).isEqualTo(-1);
        }
        assertThat(index.get(Long.MIN_VALUE)).isEqualTo(-1);
    }
}
