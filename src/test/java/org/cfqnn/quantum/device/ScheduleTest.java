package org.cfqnn.quantum.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.quantum.Circuit;
import org.cfqnn.quantum.GateKind;
import org.cfqnn.quantum.Pauli;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    /** 1q 10 ns, 2q 100 ns, readout 1000 ns, reset 5000 ns: every sum below is exact in integers. */
    private static DeviceModel device(boolean virtualRz, boolean sequential, boolean parallel, int qubits) {
        return new DeviceModel("test", 10, 100, 1000, 5000, virtualRz, sequential, 0, qubits, parallel, 1, 1000);
    }

    private static final DeviceModel DEVICE = device(false, false, false, 8);

    @Test
    void gatesOnDisjointQubitsShareALayerThatLastsAsLongAsItsLongestGate() {
        // layer 0: H q0, H q1, CZ(q2, q3) -> 100; layer 1: CX(q0, q1) -> 100; layer 2: RY q1, RY q3 -> 10
        Circuit c = Circuit.builder(4).h(0).h(1).cz(2, 3).cx(0, 1).ry(1, 0).ry(3, 1).build();
        Schedule s = DEVICE.schedule(c);
        assertThat(s.layerNanos()).containsExactly(100, 100, 10);
        assertThat(s.shotNanos()).isEqualTo(210 + 1000 + 5000);
    }

    @Test
    void aGateWaitsForTheLastLayerOfEitherQubit() {
        // q0: H H H (layers 0-2); CX(q0, q1) must follow layer 2 although q1 is idle
        Circuit c = Circuit.builder(2).h(0).h(0).h(0).cx(0, 1).h(1).build();
        assertThat(DEVICE.schedule(c).layerNanos()).containsExactly(10, 10, 10, 100, 10);
    }

    @Test
    void virtualRzTakesNoTimeAndNoLayer() {
        // q0: RZ then RY; q1: RY. Virtual: RY q0 and RY q1 share layer 0. Physical: RZ takes a layer.
        Circuit c = Circuit.builder(2).rz(0, 0).ry(0, 1).ry(1, 2).gate(GateKind.S, 1).build();
        assertThat(device(true, false, false, 8).schedule(c).layerNanos()).containsExactly(10);
        assertThat(DEVICE.schedule(c).layerNanos()).containsExactly(10, 10);
        assertThat(device(true, false, false, 8).schedule(c).shotNanos()).isEqualTo(10 + 6000);
    }

    @Test
    void sequentialDevicesRunOneGateALayer() {
        Circuit c = Circuit.builder(4).h(0).h(1).cz(2, 3).build();
        assertThat(device(false, true, false, 8).schedule(c).layerNanos()).containsExactly(10, 10, 100);
    }

    @Test
    void twoQubitGatesCostTheirNativeTwoQubitCount() {
        Circuit c = Circuit.builder(2).gate(GateKind.SWAP, 0, 1, -1).gate(GateKind.CRY, 0, 1, 0).build();
        assertThat(DEVICE.schedule(c).layerNanos()).containsExactly(300, 200);
    }

    @Test
    void anExecutionCostsGroupsTimesShotsTimesShotTime() {
        Circuit c = Circuit.builder(2).h(0).cx(0, 1).build();
        Pauli[] obs = {Pauli.z(0), Pauli.z(1), Pauli.x(0)}; // {Z0, Z1}, {X0}: 2 groups
        long shot = 10 + 100 + 1000 + 5000;
        assertThat(DEVICE.executionNanos(c, obs, 300)).isEqualTo(2 * 300 * shot);
        assertThat(DEVICE.executionNanos(c, obs, 0)).as("exact values charged as exact-shots").isEqualTo(2 * 1000 * shot);
    }

    @Test
    void theIdealDeviceChargesTodaysFlatTwentyMicrosecondsPerCircuit() {
        Circuit c = Circuit.builder(3).h(0).cx(0, 1).cx(1, 2).build();
        DeviceModel ideal = DeviceModel.ideal();
        assertThat(ideal.executionNanos(c, new Pauli[] {Pauli.z(0), Pauli.x(1)}, 5000)).isEqualTo(20_000);
        assertThat(ideal.packedNanos(DeviceModel.repeat(new DeviceModel.Execution(3, 20_000), 24)))
                .as("24 link circuits, serial: circuits x 20 us").isEqualTo(24 * 20_000);
    }

    @Test
    void parallelDevicesPackIndependentCircuitsWhileTheirQubitsFit() {
        DeviceModel packing = device(false, false, true, 10);
        // widths 4, 4, 4, 3, 2 on 10 qubits, first fit: {4, 4, 2} and {4, 3}
        List<DeviceModel.Execution> e = List.of(new DeviceModel.Execution(4, 700), new DeviceModel.Execution(4, 500),
                new DeviceModel.Execution(4, 400), new DeviceModel.Execution(3, 900), new DeviceModel.Execution(2, 800));
        assertThat(packing.packedNanos(e)).isEqualTo(800 + 900);
        assertThat(DEVICE.packedNanos(e)).isEqualTo(700 + 500 + 400 + 900 + 800);
        // 12 identical 4-qubit circuits, 2 per batch: 6 batches
        assertThat(packing.packedNanos(DeviceModel.repeat(new DeviceModel.Execution(4, 100), 12))).isEqualTo(600);
    }

    @Test
    void aCircuitWiderThanTheDeviceIsRefusedNamingTheKey() {
        DeviceModel small = device(false, false, true, 3);
        assertThatThrownBy(() -> small.requireFits(4)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("quantum.device.qubits = 3").hasMessageContaining("needs 4 qubits");
        assertThatThrownBy(() -> small.packedNanos(List.of(new DeviceModel.Execution(5, 1))))
                .isInstanceOf(InvalidInputException.class);
    }
}
