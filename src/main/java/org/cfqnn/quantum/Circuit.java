package org.cfqnn.quantum;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable circuit description on {@code n} qubits (qubit 0 is the least significant bit of a
 * basis index). Angles are not part of the circuit: parametric gates name a slot of the angle array
 * passed when the circuit runs, so one circuit runs any number of times with no allocation.
 */
public final class Circuit {

    private final int nQubits;
    private final Op[] ops;
    private final int nSlots;
    private volatile Program program;

    private Circuit(int nQubits, Op[] ops, int nSlots) {
        this.nQubits = nQubits;
        this.ops = ops;
        this.nSlots = nSlots;
    }

    public static Builder builder(int nQubits) {
        return new Builder(nQubits);
    }

    public int qubits() {
        return nQubits;
    }

    /** Size of the angle array the circuit runs with (1 + largest slot used). */
    public int slots() {
        return nSlots;
    }

    public int size() {
        return ops.length;
    }

    public Op op(int i) {
        return ops[i];
    }

    public List<Op> ops() {
        return List.of(ops);
    }

    /** The compiled form the simulator executes (fused single-qubit runs), built once. */
    Program program() {
        Program p = program;
        if (p == null) {
            p = Program.compile(this);
            program = p;
        }
        return p;
    }

    /** Adds gates; slots are chosen by the caller or numbered in order with {@link #next}. */
    public static final class Builder {
        private final int n;
        private final List<Op> ops = new ArrayList<>();
        private int maxSlot = -1;
        private int nextSlot;

        Builder(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("a circuit needs at least one qubit, got " + n);
            }
            this.n = n;
        }

        /** The next unused slot, for circuits whose every parametric gate has its own angle. */
        public int next() {
            return nextSlot++;
        }

        public Builder gate(GateKind kind, int q0, int q1, int slot) {
            check(q0);
            if (kind.arity() == 2) {
                check(q1);
                if (q0 == q1) {
                    throw new IllegalArgumentException(kind + " needs two distinct qubits, got " + q0 + " twice");
                }
            } else if (q1 != -1) {
                throw new IllegalArgumentException(kind + " acts on one qubit");
            }
            if (kind.parametric() != (slot >= 0)) {
                throw new IllegalArgumentException(kind + (kind.parametric() ? " needs" : " takes no") + " angle slot");
            }
            ops.add(new Op(kind, q0, q1, slot));
            maxSlot = Math.max(maxSlot, slot);
            nextSlot = Math.max(nextSlot, slot + 1);
            return this;
        }

        public Builder gate(GateKind kind, int q) {
            return gate(kind, q, -1, -1);
        }

        public Builder h(int q) {
            return gate(GateKind.H, q);
        }

        public Builder rx(int q, int slot) {
            return gate(GateKind.RX, q, -1, slot);
        }

        public Builder ry(int q, int slot) {
            return gate(GateKind.RY, q, -1, slot);
        }

        public Builder rz(int q, int slot) {
            return gate(GateKind.RZ, q, -1, slot);
        }

        public Builder cx(int control, int target) {
            return gate(GateKind.CX, control, target, -1);
        }

        public Builder cz(int a, int b) {
            return gate(GateKind.CZ, a, b, -1);
        }

        public Circuit build() {
            return new Circuit(n, ops.toArray(new Op[0]), maxSlot + 1);
        }

        private void check(int q) {
            if (q < 0 || q >= n) {
                throw new IllegalArgumentException("qubit " + q + " outside 0.." + (n - 1));
            }
        }
    }
}
