package org.cfqnn.baseline;

import org.cfqnn.radio.Channel;
import org.cfqnn.radio.MrTable;

/**
 * What an assignment method sees: the estimated channel, the SNR and interference factor, the MR
 * coupling table built from the estimate once, and the counter of the decision's work
 * ({@link Operations}; building the table counts {@code M K K N} complex multiply-adds).
 */
public record AssignmentProblem(Channel estimate, double rho, double mu, MrTable table, Operations operations) {

    public static AssignmentProblem of(Channel estimate, double rho, double mu) {
        Operations ops = new Operations();
        ops.addTable((long) estimate.nAp() * estimate.nUser() * estimate.nUser() * estimate.nTx());
        return new AssignmentProblem(estimate, rho, mu, MrTable.of(estimate), ops);
    }

    /** A problem on a table already built, with a fresh counter. */
    public AssignmentProblem(Channel estimate, double rho, double mu, MrTable table) {
        this(estimate, rho, mu, table, new Operations());
    }

    public int nAp() {
        return estimate.nAp();
    }

    public int nUser() {
        return estimate.nUser();
    }
}
