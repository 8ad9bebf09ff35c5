package org.cfqnn.emulator;

import org.cfqnn.protocol.Charges;
import org.cfqnn.scenario.ComputeMode;
import org.cfqnn.scenario.EmulatorSettings;

/**
 * The emulator's charges for compute ({@code emulator.compute}): a fixed time per circuit execution and
 * per classical decision ({@code charged}, deterministic), or the wall time the computation took on this
 * machine ({@code measured}).
 */
record Charging(ComputeMode mode, long circuitNanos, long classicalNanos) implements Charges {

    static Charging of(EmulatorSettings e) {
        return new Charging(e.computeMode(), e.circuitTime(), e.classicalTime());
    }

    @Override
    public long quantum(long circuits, long measuredNanos) {
        return mode == ComputeMode.CHARGED ? circuits * circuitNanos : measuredNanos;
    }

    @Override
    public long classical(long measuredNanos) {
        return mode == ComputeMode.CHARGED ? classicalNanos : measuredNanos;
    }
}
