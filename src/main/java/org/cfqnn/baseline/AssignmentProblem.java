package org.cfqnn.baseline;

import org.cfqnn.radio.Channel;
import org.cfqnn.radio.MrRows;
import org.cfqnn.radio.MrTable;

/**
 * What an assignment method sees: the estimated channel, the SNR and interference factor, and the MR
 * couplings of the estimate, computed when first asked for: the full {@link #table()} (M K^2
 * couplings) or {@link #rows()} row by row, for methods that need only part of it.
 *
 * <p>{@link #operations()} counts the decision's work: the method's own steps, and the complex
 * multiply-adds of the couplings it made the problem compute ({@code M K K N} for the full table, {@code K N}
 * per row, {@code N} per gain). One problem per decision and thread: the lazy couplings are cached without
 * locking.
 */
public final class AssignmentProblem {

    private final Channel estimate;
    private final double rho;
    private final double mu;
    private MrTable table;
    private MrRows rows;
    private boolean tableBuilt;
    private final Operations operations = new Operations(this::couplingWork);

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
            tableBuilt = true;
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

    /** The work of this decision so far. */
    public Operations operations() {
        return operations;
    }

    private long couplingWork() {
        long full = tableBuilt ? (long) estimate.nAp() * estimate.nUser() * estimate.nUser() * estimate.nTx() : 0;
        return full + (rows == null ? 0 : rows.multiplyAdds());
    }

    public int nAp() {
        return estimate.nAp();
    }

    public int nUser() {
        return estimate.nUser();
    }
}
