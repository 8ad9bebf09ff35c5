package org.cfqnn.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.radio.Channel;
import org.cfqnn.radio.ChannelModel;
import org.cfqnn.radio.Precoders;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.radio.RateReport;
import org.cfqnn.radio.Rates;
import org.cfqnn.radio.Realization;
import org.cfqnn.radio.TestChannels;
import org.cfqnn.rng.Seed;
import org.junit.jupiter.api.Test;

class BaselinesTest {

    private static AssignmentProblem problem(Channel h, double rho, double mu) {
        return AssignmentProblem.of(h, rho, mu);
    }

    @Test
    void searchFollowsAlgorithm4OnAHandTracedCase() {
        // N = 1, so every MR coupling |h_nk v|^2 is the gain g[n][k] whatever the served user.
        // g: AP0 (5, 6), AP1 (4, 1), AP2 (1, 3), AP3 (2, 2). The denominator is the same for every
        // candidate AP, so each turn takes the unused AP with the largest gain to the current user:
        // round 1: user 0 takes AP0 (5); user 1 takes AP2 (3 of 1, 3, 2);
        // round 2: user 0 takes AP1 (4 of 4, 2); user 1 takes AP3. AP0 would serve user 1 better,
        // but user 0 had the first turn: that order is the method.
        Channel h = TestChannels.singleAntenna(new double[][] {{5, 6}, {4, 1}, {1, 3}, {2, 2}});
        assertThat(new SearchBaseline().assign(problem(h, 1, 1), null)).containsExactly(0, 0, 1, 1);
    }

    @Test
    void searchBreaksTiesByLowestApIndex() {
        Channel h = TestChannels.singleAntenna(new double[][] {{2, 2}, {2, 2}, {2, 2}});
        assertThat(new SearchBaseline().assign(problem(h, 1, 0.1), null)).containsExactly(0, 1, 0);
    }

    @Test
    void optimumMatchesAnIndependentBruteForce() {
        RadioModel model = new RadioModel(5, 3, 2, 3, 2.3, 0.05, 10, 0.3, 0);
        ChannelModel cm = new ChannelModel(model);
        for (int t = 0; t < 20; t++) {
            Channel h = cm.draw(new Seed(t)).truth();
            int[] opt = new OptimumBaseline().assign(problem(h, model.rho(), model.mu()), null);
            // brute force through the vector rate path (Precoders + Rates), not the MR table
            double bestMin = Double.NEGATIVE_INFINITY;
            int[] a = new int[5];
            for (int code = 0; code < 243; code++) {
                for (int m = 4, c = code; m >= 0; m--, c /= 3) {
                    a[m] = c % 3;
                }
                if (!AssignmentMethod.isFeasible(a, 3)) {
                    continue;
                }
                bestMin = Math.max(bestMin, Rates.evaluate(h, a, Precoders.maxRatio(h, a), model.rho(), model.mu()).minRate());
            }
            RateReport r = Rates.evaluate(h, opt, Precoders.maxRatio(h, opt), model.rho(), model.mu());
            assertThat(AssignmentMethod.isFeasible(opt, 3)).isTrue();
            assertThat(r.minRate()).isEqualTo(bestMin);
        }
    }

    @Test
    void optimumBreaksMinRateTiesByLargerSumRate() {
        // mu = 0, N = 1, rho = 1, user rate log2(1 + sum of its APs' gains).
        // gains user 0: AP0 1, AP1 0, AP2 0; user 1: AP0 0, AP1 5, AP2 3.
        // User 0 needs AP0 for a nonzero rate and gets rate 1 with {AP0}, {AP0,AP1} or {AP0,AP2};
        // user 1 then gets log2(9), log2(4) or log2(6): the min is 1 in all three, the sums differ,
        // and the largest sum is [0, 1, 1] although [0, 0, 1] comes first lexicographically.
        Channel h = TestChannels.singleAntenna(new double[][] {{1, 0}, {0, 5}, {0, 3}});
        assertThat(new OptimumBaseline().assign(problem(h, 1, 0), null)).containsExactly(0, 1, 1);
    }

    @Test
    void optimumBreaksFullTiesLexicographically() {
        // all gains 1, mu = 0: every feasible assignment has rates {log2 3, 1}: the smallest is [0, 0, 1]
        Channel h = TestChannels.singleAntenna(new double[][] {{1, 1}, {1, 1}, {1, 1}});
        assertThat(new OptimumBaseline().assign(problem(h, 1, 0), null)).containsExactly(0, 0, 1);
    }

    @Test
    void randomIsUniformOverFeasibleAssignments() {
        // M = 4, K = 3: 3^4 - 3*2^4 + 3 = 36 surjections. 36000 draws, 1000 expected each; chi-square
        // with 35 degrees of freedom stays below 66.6 with probability 0.999.
        SplittableRandom rng = new Seed(11).random();
        Map<String, Integer> counts = new HashMap<>();
        int n = 36_000;
        for (int i = 0; i < n; i++) {
            int[] a = RandomBaseline.uniformFeasible(4, 3, rng);
            assertThat(AssignmentMethod.isFeasible(a, 3)).isTrue();
            counts.merge(java.util.Arrays.toString(a), 1, Integer::sum);
        }
        assertThat(counts).hasSize(36);
        double chi2 = 0;
        for (int c : counts.values()) {
            chi2 += (c - 1000.0) * (c - 1000.0) / 1000.0;
        }
        assertThat(chi2).isLessThan(66.6);
    }

    @Test
    void randomHandlesMEqualsKWithoutRejection() {
        int[] a = RandomBaseline.uniformFeasible(40, 40, new Seed(2).random());
        assertThat(AssignmentMethod.isFeasible(a, 40)).isTrue();
    }

    @Test
    void greedyIsFeasibleNeverAboveOptimumAndBeatsRandomOnAverage() {
        RadioModel model = RadioModel.paper();
        ChannelModel cm = new ChannelModel(model);
        double greedy = 0;
        double random = 0;
        for (int t = 0; t < 200; t++) {
            Realization r = cm.draw(new Seed(7).split("trial", t));
            AssignmentProblem p = problem(r.estimate(), model.rho(), model.mu());
            int[] g = new GreedyMaxMin().assign(p, null);
            int[] x = new RandomBaseline().assign(p, new Seed(t).random());
            int[] o = new OptimumBaseline().assign(p, null);
            assertThat(AssignmentMethod.isFeasible(g, 3)).isTrue();
            double gMin = p.table().rates(g, model.rho(), model.mu()).minRate();
            assertThat(gMin).isLessThanOrEqualTo(p.table().rates(o, model.rho(), model.mu()).minRate() + 1e-12);
            greedy += gMin;
            random += p.table().rates(x, model.rho(), model.mu()).minRate();
        }
        assertThat(greedy).isGreaterThan(random);
    }

    @Test
    void greedyIsFeasibleOnDenseNetworks() {
        RadioModel model = new RadioModel(16, 6, 4, 3, 2.3, 0.05, 10, 0.1, 0.1);
        Realization r = new ChannelModel(model).draw(new Seed(3));
        int[] g = new GreedyMaxMin().assign(problem(r.estimate(), model.rho(), model.mu()), null);
        assertThat(AssignmentMethod.isFeasible(g, 6)).isTrue();
    }

    @Test
    void unknownMethodNamesTheChoices() {
        assertThatThrownBy(() -> Baselines.byName("best", 10))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("method = best: must be one of optimum, search, greedy-maxmin, random");
    }
}
