package org.cfqnn.baseline;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearConstraintProto;
import com.google.ortools.sat.Literal;
import org.cfqnn.radio.MrRows;

/**
 * CP-SAT model of the question "is there an assignment in which every user's SINR is at least gamma?"
 * for MR precoders, with binary {@code x[m][u]} (AP m serves user u):
 * <pre>
 *   sum_u x[m][u] = 1 for every AP,   sum_m x[m][k] >= 1 for every user (paper Eq. 6c),
 *   SINR_k >= gamma  <=>  sum_m x[m][k] T[m][k][k] - gamma mu sum_m sum_{u != k} x[m][u] T[m][u][k] >= gamma / rho,
 * </pre>
 * linear for a fixed gamma because MR couplings {@code T[m][u][k]} depend only on the (AP, user) pair.
 *
 * <p><b>Integers.</b> CP-SAT solves in integers, exactly. Row k is multiplied by
 * {@code sigma_k = 2^P / max_m T[m][k][k]}, every coefficient is rounded up ({@link #ceilUp}) and the
 * right-hand side down ({@link #floorDown}). For binary x this is a relaxation: any x meeting the real
 * constraint meets the rounded one, since {@code sum ceil(c_j) x_j >= sum c_j x_j >= r >= floor(r)}; so
 * "infeasible" from the solver proves that no assignment reaches gamma (for the couplings as given, in
 * exact arithmetic). A rounded row admits at most M + 1 units of slack, so a solution it accepts has
 * SINR above gamma up to a relative error of about (M + 1) / 2^P; callers re-evaluate every solution's
 * rates in double on the couplings. P is 40, lowered when needed so that the row's largest possible
 * activity stays below 2^62 (no overflow inside the solver).
 *
 * <p>The model is built once; each {@link #threshold} rewrites the K rows' coefficients in place.
 */
final class SinrThresholdModel {

    /** CP-SAT stops a probe (as out of time) rather than grow past this; 256 x 64 peaks near 300 MB. */
    static final long MAX_MEMORY_MB = 4096;
    /**
     * CP-SAT's most thorough symmetry detection: APs or users with equal couplings make many assignments
     * alike, and breaking that sped up proofs of infeasibility 2-3x on 64 x 16 x 4 probes.
     */
    static final int SYMMETRY_LEVEL = 4;
    /** Bits of the largest signal coefficient of a row. */
    static final int SCALE_BITS = 40;
    private static final double ACTIVITY_LIMIT = Math.scalb(1.0, 62);

    private final MrRows rows;
    private final double rho;
    private final double mu;
    private final int nAp;
    private final int nUser;
    private final CpModel model;
    private final BoolVar[] x;
    private final int firstRow;
    private final double[] largestGain;
    private final long[] coefficients;

    SinrThresholdModel(MrRows rows, double rho, double mu) {
        OrTools.load();
        this.rows = rows;
        this.rho = rho;
        this.mu = mu;
        this.nAp = rows.nAp();
        this.nUser = rows.nUser();
        this.model = new CpModel();
        this.x = new BoolVar[nAp * nUser];
        this.coefficients = new long[nAp * nUser];
        for (int m = 0; m < nAp; m++) {
            Literal[] ap = new Literal[nUser];
            for (int u = 0; u < nUser; u++) {
                x[m * nUser + u] = model.newBoolVar("x" + m + "_" + u);
                ap[u] = x[m * nUser + u];
            }
            model.addExactlyOne(ap);
        }
        for (int k = 0; k < nUser; k++) {
            Literal[] servers = new Literal[nAp];
            for (int m = 0; m < nAp; m++) {
                servers[m] = x[m * nUser + k];
            }
            model.addBoolOr(servers);
        }
        this.firstRow = model.getBuilder().getConstraintsCount();
        this.largestGain = new double[nUser];
        for (int k = 0; k < nUser; k++) {
            LinearConstraintProto.Builder row = model.getBuilder().addConstraintsBuilder().getLinearBuilder();
            for (int j = 0; j < x.length; j++) {
                row.addVars(x[j].getIndex());
                row.addCoeffs(0);
            }
            row.addDomain(0).addDomain(Long.MAX_VALUE);
            for (int m = 0; m < nAp; m++) {
                largestGain[k] = Math.max(largestGain[k], rows.gain(m, k));
            }
        }
    }

    /** Number of linear terms the model holds: M K (K + 2). */
    static long terms(int nAp, int nUser) {
        return (long) nAp * nUser * (nUser + 2);
    }

    /** Sets the rows to "every SINR >= gamma". */
    void threshold(double gamma) {
        for (int k = 0; k < nUser; k++) {
            LinearConstraintProto.Builder row = model.getBuilder().getConstraintsBuilder(firstRow + k).getLinearBuilder();
            if (largestGain[k] <= 0) {
                // user k can receive nothing: any gamma > 0 is out of reach, stated as 0 >= 1
                for (int j = 0; j < x.length; j++) {
                    row.setCoeffs(j, 0);
                }
                row.setDomain(0, gamma > 0 ? 1 : 0);
                continue;
            }
            long rhs = 0;
            for (int bits = SCALE_BITS; bits > 0; bits--) {
                double sigma = Math.scalb(1.0, bits) / largestGain[k];
                double activity = 0;
                for (int m = 0; m < nAp; m++) {
                    for (int u = 0; u < nUser; u++) {
                        double t = rows.row(m, u)[k];
                        double c = u == k ? ceilUp(sigma * t) : ceilUp(-(sigma * gamma * mu * t));
                        coefficients[m * nUser + u] = (long) c;
                        activity += Math.abs(c);
                    }
                }
                rhs = (long) floorDown(sigma * gamma / rho);
                if (activity + Math.abs((double) rhs) < ACTIVITY_LIMIT) {
                    break;
                }
            }
            for (int j = 0; j < x.length; j++) {
                row.setCoeffs(j, coefficients[j]);
            }
            row.setDomain(0, rhs);
        }
    }

    /** Whether assignment {@code a} meets the rounded rows as last set by {@link #threshold}. */
    boolean admits(int[] a) {
        for (int k = 0; k < nUser; k++) {
            LinearConstraintProto.Builder row = model.getBuilder().getConstraintsBuilder(firstRow + k).getLinearBuilder();
            long activity = 0;
            for (int m = 0; m < nAp; m++) {
                activity += row.getCoeffs(m * nUser + a[m]);
            }
            if (activity < row.getDomain(0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Fixes every AP not marked {@code free} to its user in {@code a} (the others stay open), so a solve
     * searches only the neighbourhood of {@code a}; {@code free == null} opens every AP again.
     */
    void neighbourhood(int[] a, boolean[] free) {
        for (int m = 0; m < nAp; m++) {
            for (int u = 0; u < nUser; u++) {
                int lowest = free == null || free[m] || a[m] != u ? 0 : 1;
                model.getBuilder().getVariablesBuilder(x[m * nUser + u].getIndex()).setDomain(0, lowest);
            }
        }
    }

    /** Suggests an assignment to start from (CP-SAT repairs it if it misses the threshold). */
    void hint(int[] a) {
        model.clearHints();
        for (int m = 0; m < nAp; m++) {
            for (int u = 0; u < nUser; u++) {
                model.addHint(x[m * nUser + u], a[m] == u);
            }
        }
    }

    /** What one solve found. {@code assignment} is set when {@code status} is FEASIBLE. */
    record Answer(Status status, int[] assignment) {
    }

    enum Status { FEASIBLE, INFEASIBLE, UNKNOWN }

    /**
     * Solves with at most {@code workers} threads, a fixed random seed and a wall-clock limit; without
     * a limit reached, the same model and hint give the same answer.
     */
    Answer solve(double seconds, int workers, int seed) {
        CpSolver solver = new CpSolver();
        solver.getParameters().setNumWorkers(workers).setRandomSeed(seed).setMaxTimeInSeconds(seconds)
                .setMaxMemoryInMb(MAX_MEMORY_MB).setSymmetryLevel(SYMMETRY_LEVEL);
        CpSolverStatus status = solver.solve(model);
        if (status == CpSolverStatus.INFEASIBLE) {
            return new Answer(Status.INFEASIBLE, null);
        }
        if (status != CpSolverStatus.FEASIBLE && status != CpSolverStatus.OPTIMAL) {
            return new Answer(Status.UNKNOWN, null);
        }
        int[] a = new int[nAp];
        for (int m = 0; m < nAp; m++) {
            for (int u = 0; u < nUser; u++) {
                if (solver.booleanValue(x[m * nUser + u])) {
                    a[m] = u;
                }
            }
        }
        return new Answer(Status.FEASIBLE, a);
    }

    /**
     * An integer at or above q. The product that made q carries at most a few roundings of 2^-53
     * relative each; adding 1e-15 |q| covers them, so the result is >= the exact value.
     */
    static double ceilUp(double q) {
        return Math.ceil(q + Math.abs(q) * 1e-15);
    }

    /** An integer at or below q, with the same margin. */
    static double floorDown(double q) {
        return Math.floor(q - Math.abs(q) * 1e-15);
    }
}
