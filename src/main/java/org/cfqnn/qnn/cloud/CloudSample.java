package org.cfqnn.qnn.cloud;

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

    private final Channel estimate;
    private final double rho;
    private final double mu;
    private MrTable table;
    private double phi = Double.NaN;
    private final Operations operations = new Operations(this::tableWork);

    public CloudSample(Channel estimate, double rho, double mu) {
        this.estimate = estimate;
        this.rho = rho;
        this.mu = mu;
    }

    public Channel estimate() {
        return estimate;
    }

    public double rho() {
        return rho;
    }

    public double mu() {
        return mu;
    }

    public int nAp() {
        return estimate.nAp();
    }

    public int nUser() {
        return estimate.nUser();
    }

    public MrTable table() {
        if (table == null) {
            table = MrTable.of(estimate);
        }
        return table;
    }

    private long tableWork() {
        return table == null ? 0 : (long) nAp() * nUser() * nUser() * estimate.nTx();
    }

    /** The classical work counted on this sample so far. */
    public Operations operations() {
        return operations;
    }

    /** {@code Phi_assign} of Eq. 13 (negative). */
    public double phiAssign() {
        if (Double.isNaN(phi)) {
            phi = CapacityTargets.phiAssign(estimate, rho);
        }
        return phi;
    }
}
