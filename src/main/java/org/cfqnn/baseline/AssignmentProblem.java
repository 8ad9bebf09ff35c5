package org.cfqnn.baseline;

import org.cfqnn.radio.Channel;
import org.cfqnn.radio.MrRows;
import org.cfqnn.radio.MrTable;

/**
 * What an assignment method sees: the estimated channel, the SNR and interference factor, and the MR
 * couplings of the estimate, computed when first asked for: the full {@link #table()} (M K^2
 * couplings) or {@link #rows()} row by row, for methods that need only part of it.
 *
 * <p>One problem per decision and thread: the lazy couplings are cached without locking.
 */
public final class AssignmentProblem {

    private final Channel estimate;
    private final double rho;
    private final double mu;
    private MrTable table;
    private MrRows rows;

    /** A problem whose full table is already known (it is not rebuilt). */
    public AssignmentProblem(Channel estimate, double rho, double mu, MrTable table) {
        this.estimate = estimate;
        this.rho = rho;
        this.mu = mu;
        this.table = table;
    }

    public static AssignmentProblem of(Channel estimate, double rho, double mu) {
        return new AssignmentProblem(estimate, rho, mu, null);
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

    /** Every MR coupling {@code T[n][u][k]} of the estimate, built on first use in O(M K^2 N). */
    public MrTable table() {
        if (table == null) {
            table = MrTable.of(estimate);
        }
        return table;
    }

    /** The same couplings, row by row on demand. */
    public MrRows rows() {
        if (rows == null) {
            rows = MrRows.of(estimate);
        }
        return rows;
    }

    public int nAp() {
        return estimate.nAp();
    }

    public int nUser() {
        return estimate.nUser();
    }
}
