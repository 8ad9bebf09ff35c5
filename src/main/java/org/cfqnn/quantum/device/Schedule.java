package org.cfqnn.quantum.device;

import java.util.ArrayList;
import java.util.List;
import org.cfqnn.quantum.Circuit;
import org.cfqnn.quantum.Op;

/**
 * The ASAP layering of a circuit on a device: each gate goes to the first layer after the last layer
 * that uses any of its qubits (every gate to a layer of its own when the device runs gates
 * sequentially); a layer lasts as long as its longest gate; one shot lasts the sum of the layers plus
 * the readout and the reset. A virtual RZ (a frame change, {@link DeviceModel#isVirtual}) takes no time
 * and no layer: placing it in a layer would delay the gates after it on its qubit for nothing.
 *
 * @param layerNanos duration of each layer
 * @param shotNanos  {@code sum(layerNanos) + readout + reset}
 */
public record Schedule(long[] layerNanos, long shotNanos) {

    /** Number of layers (the circuit's depth on this device). */
    public int layers() {
        return layerNanos.length;
    }

    public static Schedule of(Circuit c, DeviceModel device) {
        int[] lastLayer = new int[c.qubits()]; // 1 + the last layer using each qubit, 0 = none
        List<Long> layers = new ArrayList<>();
        for (Op op : c.ops()) {
            if (device.isVirtual(op)) {
                continue;
            }
            int layer;
            if (device.sequentialGates()) {
                layer = layers.size();
            } else {
                layer = lastLayer[op.q0()];
                if (op.q1() >= 0) {
                    layer = Math.max(layer, lastLayer[op.q1()]);
                }
            }
            if (layer == layers.size()) {
                layers.add(0L);
            }
            layers.set(layer, Math.max(layers.get(layer), device.gateNanos(op)));
            lastLayer[op.q0()] = layer + 1;
            if (op.q1() >= 0) {
                lastLayer[op.q1()] = layer + 1;
            }
        }
        long[] durations = layers.stream().mapToLong(Long::longValue).toArray();
        long shot = device.readoutNanos() + device.resetNanos();
        for (long d : durations) {
            shot = Math.addExact(shot, d);
        }
        return new Schedule(durations, shot);
    }
}
