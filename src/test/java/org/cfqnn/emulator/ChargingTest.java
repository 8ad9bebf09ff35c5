package org.cfqnn.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cfqnn.protocol.Charges;
import org.cfqnn.quantum.Circuit;
import org.cfqnn.quantum.Pauli;
import org.cfqnn.quantum.device.DeviceModel;
import org.cfqnn.scenario.Calibration;
import org.cfqnn.scenario.ClassicalMode;
import org.cfqnn.scenario.ComputeMode;
import org.cfqnn.scenario.ComputeSettings;
import org.junit.jupiter.api.Test;

/** The emulator's charges against hand-derived figures. */
class ChargingTest {

    /** H q0, CX(q0, q1), read <Z0>, <Z1> (one measurement group). */
    private static final DeviceModel.Stage BELL = new DeviceModel.Stage(Circuit.builder(2).h(0).cx(0, 1).build(),
            new Pauli[] {Pauli.z(0), Pauli.z(1)}, 3);

    private static final DeviceModel SUPERCONDUCTING = new DeviceModel("superconducting", 32, 68, 1560, 250_000, true,
            false, 0, 133, false, 1, 1000);

    private static final Calibration CAL = new Calibration(
            Map.of("search", 2.0, "greedy-maxmin", 0.5, "random", 1.0, "optimum", 1.0, "mr-table", 4.0, "mr-precoder", 3.0),
            Map.of("search", 1000.0, "greedy-maxmin", 0.0, "random", 0.0, "optimum", 0.0, "mr-table", 0.0, "mr-precoder", 0.0));

    private static Charging charging(ComputeMode mode, ClassicalMode classical, DeviceModel device, int shots) {
        return new Charging(new ComputeSettings(mode, classical, 20_000, CAL), device, shots);
    }

    @Test
    void theIdealDeviceChargesTwentyMicrosecondsPerCircuitAsBefore() {
        Charging c = charging(ComputeMode.CHARGED, ClassicalMode.COUNTED, DeviceModel.ideal(), 0);
        assertThat(c.device(List.of(BELL))).isEqualTo(3 * 20_000);
        assertThat(c.device(List.of())).isZero();
        assertThat(c.quantum(60_000, 999)).isEqualTo(60_000);
    }

    @Test
    void aRealDeviceChargesGroupsTimesShotsTimesTheShot() {
        // one shot: H (32 ns), then CX (68 ns), readout 1560 ns, repetition delay 250 us = 251 660 ns;
        // one group (Z0 and Z1 commute qubit-wise), 100 shots, three circuits one after another
        Charging c = charging(ComputeMode.CHARGED, ClassicalMode.COUNTED, SUPERCONDUCTING, 100);
        assertThat(c.device(List.of(BELL))).isEqualTo(3 * 100 * 251_660L);
        // exact values are charged exact-shots (1000)
        assertThat(charging(ComputeMode.CHARGED, ClassicalMode.COUNTED, SUPERCONDUCTING, 0).device(List.of(BELL)))
                .isEqualTo(3 * 1000 * 251_660L);
    }

    @Test
    void countedClassicalWorkIsTheFixedPartPlusOperationsTimesTheirCost() {
        Charging c = charging(ComputeMode.CHARGED, ClassicalMode.COUNTED, DeviceModel.ideal(), 0);
        // 1000 + 500 x 2.0 + 100 table multiply-adds x 4.0
        assertThat(c.classical("search", 500, 100, 77)).isEqualTo(2_400);
        assertThat(c.classical(Charges.MR_PRECODER, 4, 0, 77)).isEqualTo(12);
    }

    @Test
    void flatAndMeasuredModesKeepTheOldChargesOrTheWallTime() {
        Charging flat = charging(ComputeMode.CHARGED, ClassicalMode.FLAT, DeviceModel.ideal(), 0);
        assertThat(flat.classical("greedy-maxmin", 1_000_000, 100, 77)).isEqualTo(20_000);
        assertThat(flat.classical(Charges.MR_PRECODER, 4, 0, 77)).isZero(); // MR precoders were free
        Charging classicalMeasured = charging(ComputeMode.CHARGED, ClassicalMode.MEASURED, DeviceModel.ideal(), 0);
        assertThat(classicalMeasured.classical("search", 500, 100, 77)).isEqualTo(77);
        assertThat(classicalMeasured.quantum(60_000, 77)).isEqualTo(60_000); // circuits still charged
        Charging measured = charging(ComputeMode.MEASURED, ClassicalMode.COUNTED, DeviceModel.ideal(), 0);
        assertThat(measured.quantum(60_000, 77)).isEqualTo(77);
        assertThat(measured.classical("search", 500, 100, 78)).isEqualTo(78);
    }
}
