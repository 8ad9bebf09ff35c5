package org.cfqnn.rng;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedTest {

    @Test
    void childrenOfALabelAreTheSplitWithIndices() {
        Seed s = new Seed(42);
        assertThat(s.split("fading").child(3).child(7)).isEqualTo(s.split("fading", 3, 7));
        assertThat(s.split("fading").child(0)).isEqualTo(s.split("fading", 0)).isNotEqualTo(s.split("fading"));
    }

    @Test
    void splitsAreDeterministicAndDistinct() {
        Seed s = new Seed(42);
        assertThat(s.split("ap", 3)).isEqualTo(s.split("ap", 3));
        Set<Long> values = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            values.add(s.split("ap", i).value());
            values.add(s.split("user", i).value());
            values.add(s.split("ap", i, 0).value());
        }
        assertThat(values).hasSize(3000);
        assertThat(s.split("ap", 1, 2)).isNotEqualTo(s.split("ap", 2, 1));
    }

    @Test
    void generatorsOnTheSameStreamRepeat() {
        Seed s = new Seed(7).split("x", 1);
        assertThat(s.random().nextLong()).isEqualTo(s.random().nextLong());
        assertThat(new Seed(7).random().nextLong()).isNotEqualTo(new Seed(8).random().nextLong());
    }
}
