package org.cfqnn.emulator;

import java.util.List;
import org.cfqnn.protocol.Charges;
import org.cfqnn.quantum.device.DeviceModel;
import org.cfqnn.scenario.Calibration;
import org.cfqnn.scenario.ClassicalMode;
import org.cfqnn.scenario.ComputeMode;
import org.cfqnn.scenario.ComputeSettings;
import org.cfqnn.scenario.ScenarioSettings;

/**
 * The emulator's charges for compute ({@code emulator.compute}, {@code quantum.device}). Charged
 * (deterministic): a decision's circuits take the device model's time with the run's shots
 * ({@link DeviceModel#decisionNanos}; the {@code ideal} preset's flat 20 us per circuit is cfqnn's charge
 * before the device model), classical work its counted operations x the calibrated ns per operation
 * ({@code counted}), a flat time per assignment decision with MR precoders free ({@code flat}, the charge
 * before), or its wall time ({@code measured}). Measured: the wall time of everything on this machine.
 */
record Charging(ComputeSettings compute, DeviceModel deviceModel, int shots) implements Charges {

    static Charging of(ScenarioSettings s) {
        return new Charging(s.emulator().compute(), s.quantum().device(), s.shots());
    }

    @Override
    public long device(List<DeviceModel.Stage> stages) {
        return stages.isEmpty() ? 0 : deviceModel.decisionNanos(stages, shots);
    }

    @Override
    public long quantum(long deviceNanos, long measuredNanos) {
        return compute.mode() == ComputeMode.MEASURED ? measuredNanos : deviceNanos;
    }

    @Override
    public long classical(String work, long operations, long tableOperations, long measuredNanos) {
        if (compute.mode() == ComputeMode.MEASURED) {
            return measuredNanos;
        }
        return switch (compute.classicalMode()) {
            case COUNTED -> counted(compute.calibration(), work, operations, tableOperations);
            case FLAT -> work.equals(MR_PRECODER) ? 0 : compute.classicalFlat();
            case MEASURED -> measuredNanos;
        };
    }

    /** {@code nsPerDecision(work) + operations x nsPerOperation(work) + tableOperations x nsPerOperation(mr-table)}. */
    static long counted(Calibration c, String work, long operations, long tableOperations) {
        return Math.round(c.perDecision(work) + operations * c.perOperation(work)
                + tableOperations * c.perOperation(MR_TABLE));
    }

    @Override
    public int qpus() {
        return deviceModel.qpus();
    }
}
