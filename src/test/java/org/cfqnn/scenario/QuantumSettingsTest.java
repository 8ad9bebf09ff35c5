package org.cfqnn.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.quantum.device.DeviceModel;
import org.junit.jupiter.api.Test;

class QuantumSettingsTest {

    private static ScenarioSettings settings(String... sets) {
        return ScenarioSettings.of(Scenario.load(null, List.of(sets)));
    }

    @Test
    void theDefaultsAreTodaysExactNoiselessFlatTwentyMicroseconds() {
        QuantumSettings q = settings().quantum();
        assertThat(q.backend().exact()).isTrue();
        assertThat(q.device()).isEqualTo(DeviceModel.ideal());
        assertThat(settings().shots()).isZero();
    }

    @Test
    void presetsGiveTheirFiguresAndSetKeysOverrideThem() {
        DeviceModel sc = settings("quantum.device.preset=superconducting").quantum().device();
        assertThat(sc.gate1qNanos()).isEqualTo(32);
        assertThat(sc.gate2qNanos()).isEqualTo(68);
        assertThat(sc.readoutNanos()).isEqualTo(1560);
        assertThat(sc.resetNanos()).isEqualTo(250_000);
        assertThat(sc.virtualRz()).isTrue();
        assertThat(sc.qubits()).isEqualTo(133);
        DeviceModel ion = settings("quantum.device.preset=trapped-ion", "quantum.device.gate-2q=\"100 us\"",
                "quantum.device.sequential-gates=false", "quantum.device.qpus=3").quantum().device();
        assertThat(ion.gate2qNanos()).isEqualTo(100_000);
        assertThat(ion.gate1qNanos()).isEqualTo(11_000);
        assertThat(ion.sequentialGates()).isFalse();
        assertThat(ion.qpus()).isEqualTo(3);
    }

    @Test
    void qnnCircuitsWiderThanTheDeviceAreRefusedBeforeAnythingStarts() {
        // the paper cloud needs L x M = 3 x 4 = 12 qubits; the trapped-ion preset has 11
        assertThatThrownBy(() -> settings("quantum.device.preset=trapped-ion", "cloud.paper.layers=3"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("quantum.device.qubits = 11: the cloud QNN (cloud.ansatz = paper) needs 12 qubits");
        assertThat(settings("quantum.device.preset=trapped-ion").quantum().device().qubits()).isEqualTo(11);
    }

    @Test
    void noiseAndShotsReachTheBackend() {
        QuantumSettings q = settings("quantum.shots=500", "quantum.noise.depolarizing-2q=0.01",
                "quantum.noise.density-matrix-qubits=4").quantum();
        assertThat(q.backend().shots()).isEqualTo(500);
        assertThat(q.backend().method(4)).isEqualTo("density-matrix");
        assertThat(q.backend().method(5)).isEqualTo("trajectories");
        assertThatThrownBy(() -> settings("quantum.noise.density-matrix-qubits=14"))
                .hasMessageContaining("quantum.noise.density-matrix-qubits = 14");
    }
}
