package org.cfqnn.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.cfqnn.rng.Seed;
import org.junit.jupiter.api.Test;

class CapacityTargetsTest {

    private static final double TOL = 1e-9;

    @Test
    void twoByTwoHermitianMatchesClosedForm() {
        // A = [[a, b], [conj b, d]]: lambda = (a+d)/2 -/+ sqrt(((a-d)/2)^2 + |b|^2)
        double a = 3;
        double d = 1;
        double bRe = 0.5;
        double bIm = -2;
        double[] l = CapacityTargets.hermitianEigenvalues(new double[] {a, bRe, bRe, d},
                new double[] {0, bIm, -bIm, 0}, 2);
        double r = Math.sqrt((a - d) * (a - d) / 4 + bRe * bRe + bIm * bIm);
        assertThat(l[0]).isCloseTo((a + d) / 2 - r, within(TOL));
        assertThat(l[1]).isCloseTo((a + d) / 2 + r, within(TOL));
    }

    @Test
    void gramEigenvaluesSumToTheTotalGain() {
        Channel h = new ChannelModel(new RadioModel(3, 3, 4, 3, 2.3, 0.05, 10, 0.1, 0)).draw(new Seed(4)).truth();
        for (int m = 0; m < 3; m++) {
            double[] l = CapacityTargets.gramEigenvalues(h, m);
            double trace = 0;
            for (int k = 0; k < 3; k++) {
                trace += h.gain(m, k);
            }
            assertThat(l).hasSize(4);
            assertThat(l[0] + l[1] + l[2] + l[3]).isCloseTo(trace, within(TOL * trace));
            // rank <= K = 3 < N = 4: the smallest eigenvalue is zero
            assertThat(l[0]).isCloseTo(0, within(TOL * trace));
        }
    }

    @Test
    void phiOfASingleUserIsTheSingleLinkCapacity() {
        // K = 1: Hm Hm^H = h h^H has the one nonzero eigenvalue ||h||^2 -> Phi = -log2(1 + ||h||^2 rho / N)
        Channel h = TestChannels.of(new double[][][][] {{{{1, 1}, {2, 0}}}});
        double expected = -Math.log(1 + 6 * 10 / 2.0) / Math.log(2);
        assertThat(CapacityTargets.phiAp(h, 0, 10)).isCloseTo(expected, within(TOL));
        assertThat(CapacityTargets.phiAssign(h, 10)).isCloseTo(expected, within(TOL));
    }
}
