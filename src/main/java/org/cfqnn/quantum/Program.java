package org.cfqnn.quantum;

import java.util.ArrayList;
import java.util.List;

/**
 * A circuit compiled for execution. Consecutive single-qubit gates on a qubit (up to the next
 * multi-qubit gate touching it) are fused into one step whose 2x2 matrix is formed at run time from
 * the angles; gates on different qubits commute, so this reorders nothing that matters. Each fused
 * step is classified for the cheapest kernel: diagonal, real, a lone H or X, or general complex.
 * Immutable and shared; per-run caches live in the {@link Simulator}.
 */
final class Program {

    static final int GENERIC = 0;
    static final int REAL = 1;
    static final int DIAG = 2;
    static final int HADAMARD = 3;
    static final int PAULI_X = 4;
    static final int CX = 5;
    static final int CZ = 6;
    static final int SWAP = 7;
    static final int CONTROLLED = 8;

    final Circuit circuit;
    final int nQubits;
    final int[] type;
    final int[] qa;
    final int[] qb;
    /** Circuit op indices of each step, in application order. */
    final int[][] members;
    /** For each circuit op, the step it belongs to. */
    final int[] stepOfOp;
    /** Whether a step's matrix depends on angles (and must be checked against the cache). */
    final boolean[] parametric;

    private Program(Circuit circuit, List<int[]> steps, List<int[]> memberList) {
        this.circuit = circuit;
        this.nQubits = circuit.qubits();
        int n = steps.size();
        type = new int[n];
        qa = new int[n];
        qb = new int[n];
        members = new int[n][];
        parametric = new boolean[n];
        stepOfOp = new int[circuit.size()];
        for (int s = 0; s < n; s++) {
            type[s] = steps.get(s)[0];
            qa[s] = steps.get(s)[1];
            qb[s] = steps.get(s)[2];
            members[s] = memberList.get(s);
            for (int i : members[s]) {
                stepOfOp[i] = s;
                parametric[s] |= circuit.op(i).parametric();
            }
        }
    }

    int steps() {
        return type.length;
    }

    static Program compile(Circuit c) {
        int n = c.qubits();
        List<List<Integer>> pending = new ArrayList<>();
        for (int q = 0; q < n; q++) {
            pending.add(new ArrayList<>());
        }
        List<int[]> steps = new ArrayList<>();
        List<int[]> members = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            Op op = c.op(i);
            if (op.kind().arity() == 1) {
                pending.get(op.q0()).add(i);
                continue;
            }
            flush(c, op.q0(), pending, steps, members);
            flush(c, op.q1(), pending, steps, members);
            int t = switch (op.kind()) {
                case CX -> CX;
                case CZ -> CZ;
                case SWAP -> SWAP;
                default -> CONTROLLED;
            };
            steps.add(new int[] {t, op.q0(), op.q1()});
            members.add(new int[] {i});
        }
        for (int q = 0; q < n; q++) {
            flush(c, q, pending, steps, members);
        }
        return new Program(c, steps, members);
    }

    private static void flush(Circuit c, int q, List<List<Integer>> pending, List<int[]> steps, List<int[]> members) {
        List<Integer> ops = pending.get(q);
        if (ops.isEmpty()) {
            return;
        }
        int[] idx = ops.stream().mapToInt(Integer::intValue).toArray();
        ops.clear();
        boolean diagonal = true;
        boolean real = true;
        for (int i : idx) {
            diagonal &= c.op(i).kind().diagonal();
            real &= c.op(i).kind().real();
        }
        int t;
        if (idx.length == 1 && c.op(idx[0]).kind() == GateKind.H) {
            t = HADAMARD;
        } else if (idx.length == 1 && c.op(idx[0]).kind() == GateKind.X) {
            t = PAULI_X;
        } else if (diagonal) {
            t = DIAG;
        } else if (real) {
            t = REAL;
        } else {
            t = GENERIC;
        }
        steps.add(new int[] {t, q, -1});
        members.add(idx);
    }
}
