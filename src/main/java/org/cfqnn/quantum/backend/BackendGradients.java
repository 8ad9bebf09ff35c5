package org.cfqnn.quantum.backend;

import java.util.random.RandomGenerator;
import org.cfqnn.quantum.Circuit;
import org.cfqnn.quantum.Pauli;
import org.cfqnn.quantum.ShiftRule;

/** Parameter-shift gradients evaluated through any {@link Backend} (shots, noise), as on hardware. */
public final class BackendGradients {

    private BackendGradients() {
    }

    /**
     * {@code J[o][slot] = d<O_o>/d angles[slot]} by {@link ShiftRule}, every shifted circuit evaluated by
     * {@code backend}; the unshifted values go to {@code values}. Shifting a gate shifts its slot, so
     * every parametric gate must own its slot (as in circuit JSON, where parameters are numbered per gate).
     */
    public static double[][] jacobian(Backend backend, Circuit c, double[] angles, Pauli[] observables, double shift,
                                      RandomGenerator rng, double[] values) {
        boolean[] used = new boolean[c.slots()];
        for (int i = 0; i < c.size(); i++) {
            int slot = c.op(i).slot();
            if (slot >= 0) {
                if (used[slot]) {
                    throw new IllegalArgumentException("slot " + slot + " is shared by several gates: shift them one by one");
                }
                used[slot] = true;
            }
        }
        double[] shifted = angles.clone();
        double[][] jac = ShiftRule.jacobian(c, observables.length, shift, (op, delta, out) -> {
            int slot = c.op(op).slot();
            shifted[slot] = angles[slot] + delta;
            backend.expectations(c, shifted, observables, rng, out);
            shifted[slot] = angles[slot];
        });
        backend.expectations(c, angles, observables, rng, values);
        return jac;
    }
}
