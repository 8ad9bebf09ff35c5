package org.cfqnn.quantum;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text drawing of a circuit, one line per qubit, gates packed into the earliest column where
 * every wire they span is free:
 * <pre>
 * q0: -H--*----------
 *         |
 * q1: ----X--RY(0.30)
 * </pre>
 * Controls are {@code *}, CZ {@code *} on both wires, SWAP {@code x} on both, and the target of a
 * controlled gate shows its base gate ({@code X} for CX).
 */
public final class CircuitDrawer {

    private CircuitDrawer() {
    }

    /** One column: a label per wire (null = plain wire) and the wires joined to the one below. */
    private record Column(String[] label, boolean[] joinBelow) {
        Column(int n) {
            this(new String[n], new boolean[n]);
        }
    }

    public static String draw(Circuit c, double[] angles) {
        int n = c.qubits();
        List<Column> columns = new ArrayList<>();
        int[] free = new int[n]; // first free column of each wire
        for (Op op : c.ops()) {
            int lo = op.q1() < 0 ? op.q0() : Math.min(op.q0(), op.q1());
            int hi = op.q1() < 0 ? op.q0() : Math.max(op.q0(), op.q1());
            int col = 0;
            for (int q = lo; q <= hi; q++) {
                col = Math.max(col, free[q]);
            }
            while (columns.size() <= col) {
                columns.add(new Column(n));
            }
            Column column = columns.get(col);
            String label = op.kind().base().name() + (op.parametric() ? String.format("(%.2f)", angles[op.slot()]) : "");
            if (op.q1() < 0) {
                column.label()[op.q0()] = label;
            } else {
                for (int q = lo; q < hi; q++) {
                    column.joinBelow()[q] = true;
                    if (q > lo) {
                        column.label()[q] = "|";
                    }
                }
                column.label()[op.q0()] = op.kind() == GateKind.SWAP ? "x" : "*";
                column.label()[op.q1()] = switch (op.kind()) {
                    case CZ -> "*";
                    case SWAP -> "x";
                    default -> label;
                };
            }
            for (int q = lo; q <= hi; q++) {
                free[q] = col + 1;
            }
        }
        int prefix = ("q" + (n - 1) + ": ").length();
        StringBuilder[] wire = new StringBuilder[n];
        StringBuilder[] below = new StringBuilder[n];
        for (int q = 0; q < n; q++) {
            wire[q] = new StringBuilder(String.format("%-" + prefix + "s", "q" + q + ":")).append('-');
            below[q] = new StringBuilder(" ".repeat(prefix + 1));
        }
        for (Column column : columns) {
            int width = 1;
            for (String s : column.label()) {
                width = Math.max(width, s == null ? 0 : s.length());
            }
            for (int q = 0; q < n; q++) {
                String s = column.label()[q] == null ? "" : column.label()[q];
                int left = (width - s.length()) / 2;
                wire[q].append("-".repeat(left)).append(s).append("-".repeat(width - s.length() - left)).append("--");
                String gap = " ".repeat(width + 2);
                if (column.joinBelow()[q]) {
                    gap = " ".repeat((width - 1) / 2) + "|" + " ".repeat(width + 2 - 1 - (width - 1) / 2);
                }
                below[q].append(gap);
            }
        }
        StringBuilder out = new StringBuilder();
        for (int q = 0; q < n; q++) {
            out.append(wire[q]).append('\n');
            if (q < n - 1 && !below[q].toString().isBlank()) {
                out.append(below[q].toString().stripTrailing()).append('\n');
            }
        }
        return out.toString();
    }
}
