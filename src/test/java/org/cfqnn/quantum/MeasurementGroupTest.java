package org.cfqnn.quantum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementGroupTest {

    private static Pauli[] parse(int n, String... s) {
        Pauli[] p = new Pauli[s.length];
        for (int i = 0; i < s.length; i++) {
            p[i] = Pauli.parse(s[i], n);
        }
        return p;
    }

    @Test
    void firstFitJoinsTheFirstGroupThatAgreesOnEverySharedQubit() {
        List<MeasurementGroup> g = MeasurementGroup.firstFit(parse(2, "Z0", "X1", "Z0Z1", "X0", "X0X1"));
        assertThat(g).hasSize(3);
        assertThat(g.get(0).members()).containsExactly(0, 1); // Z0, X1
        assertThat(g.get(1).members()).containsExactly(2); // Z0Z1: X1 in group 0 reads qubit 1 in X
        assertThat(g.get(2).members()).containsExactly(3, 4); // X0, X0X1
        assertThat(g.get(0).zQubits()).isEqualTo(0b01);
        assertThat(g.get(0).xQubits()).isEqualTo(0b10);
        assertThat(g.get(2).xQubits()).isEqualTo(0b11);
    }

    @Test
    void theEdgeReadoutNeedsTwoGroupsAndTheCloudReadoutOne() {
        assertThat(MeasurementGroup.firstFit(parse(3, "X0", "Y0", "X1", "Y1", "X2", "Y2"))).hasSize(2);
        assertThat(MeasurementGroup.firstFit(parse(4, "Z0", "Z1", "Z2", "Z3"))).hasSize(1);
        assertThat(MeasurementGroup.firstFit(parse(2, "Y0Y1", "Y0", "Y1"))).hasSize(1);
    }
}
