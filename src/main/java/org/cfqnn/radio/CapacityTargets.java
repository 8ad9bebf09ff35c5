package org.cfqnn.radio;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The target rewards Phi of the paper's training losses (Eq. 13 and Eq. 18): the interference-free
 * capacity of each AP's estimated channel,
 * <pre>
 *   Phi_precode(m) = - sum_{i<N} log2(1 + lambda_i^[m] rho / N),   Phi_assign = sum_m Phi_precode(m),
 * </pre>
 * where {@code lambda^[m]} are the eigenvalues of {@code Hm Hm^H} and {@code Hm} is the N x K matrix
 * whose columns are AP m's estimated channels to every user (docs/model.md section 4).
 *
 * <p>Eigenvalues come from EJML: a Hermitian A = B + iC has the same spectrum, each eigenvalue twice,
 * as the real symmetric {@code [[B, -C], [C, B]]}.
 */
public final class CapacityTargets {

    private static final double LN2 = Math.log(2);

    private CapacityTargets() {
    }

    /** {@code Phi_precode(m)} (negative: a reward target). */
    public static double phiAp(Channel estimate, int m, double rho) {
        double[] lambda = gramEigenvalues(estimate, m);
        int nTx = estimate.nTx();
        double s = 0;
        for (double l : lambda) {
            s += Math.log1p(Math.max(l, 0) * rho / nTx) / LN2;
        }
        return -s;
    }

    /** {@code Phi_assign = sum_m Phi_precode(m)}. */
    public static double phiAssign(Channel estimate, double rho) {
        double s = 0;
        for (int m = 0; m < estimate.nAp(); m++) {
            s += phiAp(estimate, m, rho);
        }
        return s;
    }

    /** Eigenvalues of {@code Hm Hm^H} in ascending order (N of them, all >= 0 up to rounding). */
    public static double[] gramEigenvalues(Channel h, int m) {
        int nTx = h.nTx();
        int nUser = h.nUser();
        // A[i][j] = sum_k h[m][k][i] conj(h[m][k][j])
        double[] aRe = new double[nTx * nTx];
        double[] aIm = new double[nTx * nTx];
        for (int k = 0; k < nUser; k++) {
            for (int i = 0; i < nTx; i++) {
                double xr = h.re(m, k, i);
                double xi = h.im(m, k, i);
                for (int j = 0; j < nTx; j++) {
                    double yr = h.re(m, k, j);
                    double yi = -h.im(m, k, j);
                    aRe[i * nTx + j] += xr * yr - xi * yi;
                    aIm[i * nTx + j] += xr * yi + xi * yr;
                }
            }
        }
        return hermitianEigenvalues(aRe, aIm, nTx);
    }

    /** Ascending eigenvalues of the n x n Hermitian matrix {@code aRe + i aIm} (row-major). */
    public static double[] hermitianEigenvalues(double[] aRe, double[] aIm, int n) {
        DMatrixRMaj real = new DMatrixRMaj(2 * n, 2 * n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double b = aRe[i * n + j];
                double c = aIm[i * n + j];
                real.set(i, j, b);
                real.set(i + n, j + n, b);
                real.set(i, j + n, -c);
                real.set(i + n, j, c);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(2 * n, false, true);
        if (!eig.decompose(real)) {
            throw new ArithmeticException("eigen-decomposition did not converge");
        }
        double[] doubled = new double[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            doubled[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(doubled);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = 0.5 * (doubled[2 * i] + doubled[2 * i + 1]); // each appears twice
        }
        return out;
    }
}
