package org.cfqnn.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Rates on channels small enough to work out by hand (derivations in the comments). */
class RatesTest {

    private static final double EXACT = 1e-12;

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void singleLinkMaximumRatio() {
        // h = 3 + 4i, v = conj(h)/5, h^T v = |h| = 5, S = rho * 25 = 25 -> R = log2(26)
        Channel h = TestChannels.of(new double[][][][] {{{{3, 4}}}});
        int[] a = {0};
        RateReport r = Rates.evaluate(h, a, Precoders.maxRatio(h, a), 1.0, 0.1);
        assertThat(r.rates()[0]).isCloseTo(log2(26), within(EXACT));
        assertThat(r.minRate()).isCloseTo(log2(26), within(EXACT));
        assertThat(r.unserved()).isZero();
    }

    @Test
    void twoApsInterfereWithWeightMu() {
        // N = 1: h00 = 1, h01 = 2i, h10 = 1+i, h11 = 3; a = [0, 1]; v0 = v1 = 1 (MR of real positive h)
        // c00 = 1, c01 = |2i|^2 = 4, c10 = |1+i|^2 = 2, c11 = 9; rho = 2, mu = 0.5
        // user 0: S = 2*1 = 2, I = 2*0.5*c10 = 2 -> log2(1 + 2/3) = log2(5/3)
        // user 1: S = 2*9 = 18, I = 2*0.5*c01 = 4 -> log2(1 + 18/5) = log2(23/5)
        Channel h = TestChannels.of(new double[][][][] {{{{1, 0}}, {{0, 2}}}, {{{1, 1}}, {{3, 0}}}});
        int[] a = {0, 1};
        RateReport r = Rates.evaluate(h, a, Precoders.maxRatio(h, a), 2.0, 0.5);
        assertThat(r.rates()[0]).isCloseTo(log2(5.0 / 3), within(EXACT));
        assertThat(r.rates()[1]).isCloseTo(log2(23.0 / 5), within(EXACT));
        assertThat(r.minRate()).isCloseTo(log2(5.0 / 3), within(EXACT));
        assertThat(r.sumRate()).isCloseTo(log2(23.0 / 3), within(EXACT));
    }

    /**
     * Three APs, two users, two antennas; AP 0 and AP 2 both serve user 0 (non-coherent sum).
     * h00=(1, i), h01=(1, 0); h10=(0, 2), h11=(1, 1); h20=(1, 0), h21=(0, i); a = [0, 1, 0].
     * v0 = (1, -i)/sqrt2, v1 = (1, 1)/sqrt2, v2 = (1, 0).
     * c00 = |(1 + i(-i))/sqrt2|^2 = 2 (a Hermitian product would give 0), c01 = 1/2,
     * c10 = |2/sqrt2|^2 = 2, c11 = 2, c20 = 1, c21 = 0. rho = 10, mu = 0.1:
     * user 0: S = 10 (2 + 1) = 30, I = 10*0.1*c10 = 2 -> log2(11);
     * user 1: S = 20, I = 1 (c01 + c21) = 0.5 -> log2(1 + 40/3) = log2(43/3).
     */
    private static final double[][][][] THREE_APS = {
        {{{1, 0}, {0, 1}}, {{1, 0}, {0, 0}}},
        {{{0, 0}, {2, 0}}, {{1, 0}, {1, 0}}},
        {{{1, 0}, {0, 0}}, {{0, 0}, {0, 1}}}};

    @Test
    void cooperatingApsAddAndTransposeIsNotHermitian() {
        Channel h = TestChannels.of(THREE_APS);
        int[] a = {0, 1, 0};
        Precoders v = Precoders.maxRatio(h, a);
        assertThat(v.coupling(h, 0, 0)).isCloseTo(2, within(EXACT));
        assertThat(v.coupling(h, 0, 1)).isCloseTo(0.5, within(EXACT));
        assertThat(v.coupling(h, 2, 1)).isCloseTo(0, within(EXACT));
        RateReport r = Rates.evaluate(h, a, v, 10, 0.1);
        assertThat(r.rates()[0]).isCloseTo(log2(11), within(EXACT));
        assertThat(r.rates()[1]).isCloseTo(log2(43.0 / 3), within(EXACT));
        assertThat(r.minRate()).isCloseTo(log2(11), within(EXACT));
        assertThat(r.sumRate()).isCloseTo(log2(11 * 43.0 / 3), within(EXACT));
    }

    @Test
    void perApRateOfEquation4CountsEveryOtherAp() {
        // R_{0->0}: signal rho c00 = 20, interference rho mu (c10 + c20) = 3 -> log2(1 + 20/4) = log2(6)
        Channel h = TestChannels.of(THREE_APS);
        int[] a = {0, 1, 0};
        double[] c = Rates.couplings(h, Precoders.maxRatio(h, a));
        assertThat(Rates.apRate(c, 3, 2, 0, 0, 10, 0.1)).isCloseTo(log2(6), within(EXACT));
    }

    @Test
    void unservedUserReportsZeroAndTrainingSeesThePenalty() {
        // a = [0, 0, 0]: user 1 unserved. User 0: S = 10 (c00 + c10' + c20) with every AP toward user 0.
        Channel h = TestChannels.of(THREE_APS);
        int[] a = {0, 0, 0};
        RateReport r = Rates.evaluate(h, a, Precoders.maxRatio(h, a), 10, 0.1);
        // MR toward user 0 gives c_n0 = ||h_n0||^2 = 2, 4, 1 -> S = 70, I = 0
        assertThat(r.rates()[0]).isCloseTo(log2(71), within(EXACT));
        assertThat(r.unserved()).isEqualTo(1);
        assertThat(r.served()).containsExactly(true, false);
        assertThat(r.minRate()).isZero();
        assertThat(r.sumRate()).isCloseTo(log2(71), within(EXACT));
        assertThat(r.minRateWithPenalty(-10)).isEqualTo(-10);
    }

    @Test
    void aSilentApServesNoOneAndInterferesWithNoOne() {
        // a = [0, 1, -1]: AP 2 lost. User 0: S = 10 c00 = 20, I = 10*0.1*c10 = 2 -> log2(1 + 20/3);
        // user 1: S = 10 c11 = 20, I = 1 * c01 = 0.5 -> log2(43/3). AP 2's precoder does not matter.
        Channel h = TestChannels.of(THREE_APS);
        double[] c = Rates.couplings(h, Precoders.maxRatio(h, new int[] {0, 1, 0}));
        RateReport r = Rates.fromCouplings(c, 3, 2, new int[] {0, 1, -1}, 10, 0.1);
        assertThat(r.rates()[0]).isCloseTo(log2(23.0 / 3), within(EXACT));
        assertThat(r.rates()[1]).isCloseTo(log2(43.0 / 3), within(EXACT));
        assertThat(r.unserved()).isZero();
    }

    @Test
    void mrTableAgreesWithDirectEvaluation() {
        Channel h = TestChannels.of(THREE_APS);
        MrTable t = MrTable.of(h);
        for (int[] a : new int[][] {{0, 1, 0}, {1, 1, 0}, {0, 0, 0}, {1, 0, 1}}) {
            RateReport direct = Rates.evaluate(h, a, Precoders.maxRatio(h, a), 10, 0.1);
            RateReport viaTable = t.rates(a, 10, 0.1);
            assertThat(viaTable.rates()).containsExactly(direct.rates(), within(EXACT));
            double[] rates = new double[2];
            double min = t.minRate(a, 10, 0.1, 0, rates, new double[6]);
            assertThat(min).isCloseTo(direct.minRate(), within(EXACT));
        }
    }

    @Test
    void precodersAboveUnitNormAreRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> Precoders.of(1, 2, new double[] {1, 0.1}, new double[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("norm");
    }
}
