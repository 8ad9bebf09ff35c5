package org.cfqnn.quantum;

import java.util.Locale;

/**
 * OpenQASM 2.0 text of a circuit with its angles bound. Qubit 0 of cfqnn is {@code q[0]}, the least
 * significant bit, as in Qiskit. qelib1's {@code rz} may differ from RZ(t) = diag(e^{-it/2}, e^{it/2})
 * by a global phase, which changes no expectation value.
 */
public final class QasmExporter {

    private QasmExporter() {
    }

    public static String export(Circuit c, double[] angles, Pauli[] observables) {
        StringBuilder sb = new StringBuilder("OPENQASM 2.0;\ninclude \"qelib1.inc\";\n");
        if (observables != null && observables.length > 0) {
            sb.append("// observables:");
            for (Pauli p : observables) {
                sb.append(' ').append(p);
            }
            sb.append('\n');
        }
        sb.append("qreg q[").append(c.qubits()).append("];\n");
        for (Op op : c.ops()) {
            sb.append(op.kind().name().toLowerCase(Locale.ROOT));
            if (op.parametric()) {
                sb.append('(').append(angles[op.slot()]).append(')');
            }
            sb.append(" q[").append(op.q0()).append(']');
            if (op.q1() >= 0) {
                sb.append(",q[").append(op.q1()).append(']');
            }
            sb.append(";\n");
        }
        return sb.toString();
    }
}
