package org.cfqnn.quantum;

/**
 * One gate of a circuit: its kind, its qubits ({@code q1 = -1} for single-qubit gates; the control
 * first for controlled gates) and, for a parametric gate, the slot of its angle in the angle array
 * the circuit is run with ({@code -1} otherwise). Several gates may share a slot.
 */
public record Op(GateKind kind, int q0, int q1, int slot) {

    public boolean parametric() {
        return slot >= 0;
    }

    public boolean acts(int q) {
        return q0 == q || q1 == q;
    }
}
