package org.cfqnn.quantum;

import java.util.ArrayList;
import java.util.List;

/**
 * Observables read from the same shots: they agree on every qubit they share (qubit-wise commuting),
 * so one basis rotation per qubit (H for X, S-dagger then H for Y, nothing for Z) measures them all.
 *
 * <p>Grouping rule ({@link #firstFit}): observables are taken in order, each joining the first group
 * whose bases it agrees with on every shared qubit, else opening a new group. {@code [Z0, X1, Z0Z1,
 * X0]} gives {@code {Z0, X1}, {Z0Z1}, {X0}}: Z0Z1 disagrees with X1 on qubit 1, X0 with Z0 on qubit 0.
 *
 * @param members observable indices, in order
 * @param xQubits qubits read in the X basis (bit q = qubit q)
 * @param yQubits qubits read in the Y basis
 * @param zQubits qubits read in the Z basis
 */
public record MeasurementGroup(int[] members, int xQubits, int yQubits, int zQubits) {

    /** Every qubit the group reads. */
    public int support() {
        return xQubits | yQubits | zQubits;
    }

    /** The first-fit partition of {@code observables} into qubit-wise commuting groups. */
    public static List<MeasurementGroup> firstFit(Pauli[] observables) {
        List<int[]> bases = new ArrayList<>(); // {x, y, z} masks per group
        List<List<Integer>> members = new ArrayList<>();
        for (int o = 0; o < observables.length; o++) {
            int x = observables[o].xMask();
            int z = observables[o].zMask();
            int px = x & ~z;
            int py = x & z;
            int pz = z & ~x;
            int g = 0;
            while (g < bases.size()) {
                int[] b = bases.get(g);
                if ((px & (b[1] | b[2])) == 0 && (py & (b[0] | b[2])) == 0 && (pz & (b[0] | b[1])) == 0) {
                    break;
                }
                g++;
            }
            if (g == bases.size()) {
                bases.add(new int[3]);
                members.add(new ArrayList<>());
            }
            int[] b = bases.get(g);
            b[0] |= px;
            b[1] |= py;
            b[2] |= pz;
            members.get(g).add(o);
        }
        List<MeasurementGroup> out = new ArrayList<>(bases.size());
        for (int g = 0; g < bases.size(); g++) {
            int[] b = bases.get(g);
            out.add(new MeasurementGroup(members.get(g).stream().mapToInt(Integer::intValue).toArray(), b[0], b[1], b[2]));
        }
        return List.copyOf(out);
    }
}
