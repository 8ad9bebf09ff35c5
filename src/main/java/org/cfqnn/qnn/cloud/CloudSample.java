package org.cfqnn.qnn.cloud;

import org.cfqnn.baseline.AssignmentProblem;
import org.cfqnn.baseline.Operations;
import org.cfqnn.radio.CapacityTargets;
import org.cfqnn.radio.Channel;
import org.cfqnn.radio.MrTable;

/**
 * What the cloud sees of one channel realization: the estimate, the SNR and interference factor,
 * with the MR coupling table and Phi_assign computed once and reused by every loss evaluation, and the
 * classical work a decision on it counted ({@link #operations()}: the table's {@code M K K N}
 * multiply-adds once built, and the cloud's encoding and decoding steps), which the emulator charges.
 */
public final class CloudSample {

    private final AssignmentProblem problem; // the estimate, rho, mu, the table and the work counted on it
    private double phi = Double.NaN;

    public CloudSample(Channel estimate, double rho, double mu) {
        this.problem = AssignmentProblem.of(estimate, rho, mu);
    }

    public Channel estimate() {
        return problem.estimate();
    }

    public double rho() {
        return problem.rho();
    }

    public double mu() {
        return problem.mu();
    }

    public int nAp() {
        return problem.nAp();
    }

    public int nUser() {
        return problem.nUser();
    }

    public MrTable table() {
        return problem.table();
    }

    /** The classical work counted on this sample so far. */
    public Operations operations() {
        return problem.operations();
    }

    /** {@code Phi_assign} of Eq. 13 (negative). */
    public double phiAssign() {
        if (Double.isNaN(phi)) {
            phi = CapacityTargets.phiAssign(estimate(), rho());
        }
        return phi;
    }
}
