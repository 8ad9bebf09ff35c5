package org.cfqnn.baseline;

import org.cfqnn.radio.Channel;
import org.cfqnn.radio.MrTable;

/**
 * What an assignment method sees: the estimated channel, the SNR and interference factor, and the
 * MR coupling table built from the estimate once.
 */
public record AssignmentProblem(Channel estimate, double rho, double mu, MrTable table) {

    public static AssignmentProblem of(Channel estimate, double rho, double mu) {
        return new AssignmentProblem(estimate, rho, mu, MrTable.of(estimate));
    }

    public int nAp() {
        return estimate.nAp();
    }

    public int nUser() {
        return estimate.nUser();
    }
}
