package org.cfqnn.bench;

import org.cfqnn.quantum.Circuit;

/** The benchmark circuits, shared by {@code cfqnn bench} and the JMH benchmarks. */
public final class Circuits {

    private Circuits() {
    }

    /**
     * The standard ring circuit: H on every qubit, then 10 layers of [RZ(0.1(q+1)), RY(0.2(q+1)),
     * RZ(0.3(q+1)) on every qubit q, then CX(q, q+1 mod n) for q = 0..n-1]: 41n gates. Every rotation
     * has its own slot; {@link #ringAngles} gives the standard angles.
     */
    public static Circuit ring(int n) {
        Circuit.Builder b = Circuit.builder(n);
        for (int q = 0; q < n; q++) {
            b.h(q);
        }
        for (int layer = 0; layer < 10; layer++) {
            for (int q = 0; q < n; q++) {
                b.rz(q, b.next());
                b.ry(q, b.next());
                b.rz(q, b.next());
            }
            for (int q = 0; q < n; q++) {
                if (n > 1) {
                    b.cx(q, (q + 1) % n);
                }
            }
        }
        return b.build();
    }

    public static double[] ringAngles(int n) {
        double[] a = new double[30 * n];
        int i = 0;
        for (int layer = 0; layer < 10; layer++) {
            for (int q = 0; q < n; q++) {
                a[i++] = 0.1 * (q + 1);
                a[i++] = 0.2 * (q + 1);
                a[i++] = 0.3 * (q + 1);
            }
        }
        return a;
    }

    public static int ringGates(int n) {
        return 41 * n;
    }

    /**
     * The gradient benchmark: n qubits, H on each, then {@code layers} of [RY(theta) on every qubit,
     * CX ring]: n * layers parameters (10 qubits x 4 layers = 40).
     */
    public static Circuit hardwareEfficient(int n, int layers) {
        Circuit.Builder b = Circuit.builder(n);
        for (int q = 0; q < n; q++) {
            b.h(q);
        }
        for (int l = 0; l < layers; l++) {
            for (int q = 0; q < n; q++) {
                b.ry(q, b.next());
            }
            for (int q = 0; q < n; q++) {
                b.cx(q, (q + 1) % n);
            }
        }
        return b.build();
    }
}
