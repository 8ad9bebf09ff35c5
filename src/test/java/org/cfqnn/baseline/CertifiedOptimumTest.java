package org.cfqnn.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.radio.Channel;
import org.cfqnn.radio.ChannelModel;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.radio.Rates;
import org.cfqnn.radio.TestChannels;
import org.cfqnn.rng.Seed;
import org.junit.jupiter.api.Test;

/** The CP-SAT optimum against the exhaustive one, its bound, its integer model and its input checks. */
class CertifiedOptimumTest {

    /** The tolerance on the min rate of the solver's optimum. */
    private static final double MIN_RATE_TOLERANCE = 1e-9;
    private static final double SOLVER_SECONDS = 30;

    private static AssignmentProblem problem(RadioModel model, long seed) {
        Channel h = new ChannelModel(model).draw(new Seed(seed)).estimate();
        return AssignmentProblem.of(h, model.rho(), model.mu());
    }

    /** limit 1: every network goes to CP-SAT. */
    private static OptimumSolution solver(AssignmentProblem p, double seconds) {
        return new OptimumBaseline(1, seconds).solve(p);
    }

    private static double minRate(AssignmentProblem p, int[] a) {
        return p.table().rates(a, p.rho(), p.mu()).minRate();
    }

    @Test
    void solverFindsTheExhaustiveOptimumOnRandomSmallNetworks() {
        RadioModel[] models = {
            new RadioModel(7, 3, 2, 3, 2.3, 0.05, 10, 0.1, 0.1),
            new RadioModel(8, 3, 2, 3, 2.3, 0.05, 10, 0.3, 0.0),
            new RadioModel(6, 4, 3, 3, 2.3, 0.05, 10, 0.1, 0.2),
            new RadioModel(9, 2, 1, 2, 2.3, 0.05, 3, 1.0, 0.1),
        };
        int n = 0;
        for (RadioModel model : models) {
            for (int t = 0; t < 6; t++) {
                AssignmentProblem p = problem(model, 100 + n++);
                OptimumSolution exhaustive = new OptimumBaseline().solve(p);
                OptimumSolution solved = solver(p, SOLVER_SECONDS);
                assertThat(exhaustive.method()).isEqualTo("exhaustive");
                assertThat(solved.method()).isEqualTo("cp-sat");
                assertThat(AssignmentMethod.isFeasible(solved.assignment(), model.nUser())).isTrue();
                assertThat(solved.proven()).as("network %d proven", n).isTrue();
                assertThat(solved.gap()).isZero();
                assertThat(solved.minRate()).as("network %d", n).isCloseTo(exhaustive.minRate(), within(MIN_RATE_TOLERANCE));
                assertThat(minRate(p, solved.assignment())).isEqualTo(solved.minRate());
            }
        }
    }

    @Test
    void boundIsNeverBelowAnyAssignmentsMinRateEvenWhenTheTimeRunsOut() {
        SplittableRandom rng = new Seed(4).random();
        RadioModel model = new RadioModel(8, 3, 2, 3, 2.3, 0.05, 10, 0.1, 0.1);
        for (int t = 0; t < 6; t++) {
            AssignmentProblem p = problem(model, 200 + t);
            double optimum = new OptimumBaseline().solve(p).minRate();
            // a few milliseconds: the solver stops early, with whatever bound it has proven by then
            for (double seconds : new double[] {1e-3, 0.05, SOLVER_SECONDS}) {
                OptimumSolution s = solver(p, seconds);
                assertThat(s.bound()).as("trial %d, %s s", t, seconds).isGreaterThanOrEqualTo(optimum);
                assertThat(s.minRate()).isLessThanOrEqualTo(optimum);
                assertThat(s.gap()).isBetween(0.0, 1.0);
                if (!s.proven()) {
                    assertThat(s.gap()).isCloseTo((s.bound() - s.minRate()) / s.bound(), within(1e-15));
                }
                for (int i = 0; i < 200; i++) {
                    int[] a = RandomBaseline.uniformFeasible(8, 3, rng);
                    assertThat(minRate(p, a)).isLessThanOrEqualTo(s.bound());
                }
            }
        }
    }

    @Test
    void perUserBoundIsTheSignalOfEveryApOverNoise() {
        // N = 1, every coupling is the gain: user 0 gets at most rho (4 + 1 + 2) = 14, user 1 rho (1 + 3 + 1) = 10
        Channel h = TestChannels.singleAntenna(new double[][] {{4, 1}, {1, 3}, {2, 1}});
        AssignmentProblem p = AssignmentProblem.of(h, 2, 0.5);
        assertThat(CertifiedMaxMin.perUserBound(p.rows(), 2)).isCloseTo(10, within(1e-9));
    }

    @Test
    void lagrangianBoundIsAboveTheOptimumAndBelowThePerUserBound() {
        SplittableRandom rng = new Seed(12).random();
        RadioModel model = new RadioModel(8, 3, 2, 3, 2.3, 0.05, 10, 0.2, 0.1);
        for (int t = 0; t < 10; t++) {
            AssignmentProblem p = problem(model, 300 + t);
            double optimum = CertifiedMaxMin.minSinr(p.rows(), new OptimumBaseline().solve(p).assignment(), p.rho(), p.mu());
            double bound = LagrangianBound.of(p.rows(), p.rho(), p.mu(), Long.MAX_VALUE);
            assertThat(bound).isGreaterThanOrEqualTo(optimum);
            assertThat(bound).isLessThanOrEqualTo(CertifiedMaxMin.perUserBound(p.rows(), p.rho()));
            // no weights can refute a SINR some assignment reaches
            double[] w = {rng.nextDouble(), rng.nextDouble(), rng.nextDouble()};
            assertThat(LagrangianBound.certifies(p.rows(), p.rho(), p.mu(), w, optimum)).isFalse();
        }
    }

    @Test
    void lagrangianWeightOnOneUserGivesThatUsersSignalOverNoise() {
        // N = 1, couplings = gains; w = (0, 1): Phi(gamma) = sum_m max(g[m][1], -gamma mu g[m][1]) = 3 + 1 + 2 = 6,
        // so gamma = rho * 6 = 12 is where Phi = gamma / rho; just above it is refuted, just below it is not
        Channel h = TestChannels.singleAntenna(new double[][] {{4, 3}, {1, 1}, {2, 2}});
        AssignmentProblem p = AssignmentProblem.of(h, 2, 0.5);
        assertThat(LagrangianBound.certifies(p.rows(), 2, 0.5, new double[] {0, 1}, 12 * (1 + 1e-9))).isTrue();
        assertThat(LagrangianBound.certifies(p.rows(), 2, 0.5, new double[] {0, 1}, 12 * (1 - 1e-9))).isFalse();
    }

    @Test
    void integerModelAdmitsEveryAssignmentReachingTheThresholdAndRejectsThoseClearlyBelow() {
        RadioModel model = new RadioModel(7, 3, 2, 3, 2.3, 0.05, 10, 0.2, 0.1);
        AssignmentProblem p = problem(model, 7);
        SinrThresholdModel m = new SinrThresholdModel(p.rows(), p.rho(), p.mu());
        SplittableRandom rng = new Seed(8).random();
        for (int i = 0; i < 300; i++) {
            int[] a = RandomBaseline.uniformFeasible(7, 3, rng);
            double sinr = CertifiedMaxMin.minSinr(p.rows(), a, p.rho(), p.mu());
            // the SINR matches the rate: 2^R - 1
            assertThat(Rates.fromSinr(sinr)).isCloseTo(minRate(p, a), within(1e-12));
            m.threshold(sinr);
            assertThat(m.admits(a)).as("at its own min SINR").isTrue();
            m.threshold(sinr * (1 + 1e-6));
            assertThat(m.admits(a)).as("1e-6 above its min SINR").isFalse();
        }
    }

    @Test
    void aNeighbourhoodKeepsEveryApOutsideItWhereItWas() {
        RadioModel model = new RadioModel(8, 4, 2, 3, 2.3, 0.05, 10, 0.1, 0.1);
        AssignmentProblem p = problem(model, 21);
        SinrThresholdModel m = new SinrThresholdModel(p.rows(), p.rho(), p.mu());
        int[] a = RandomBaseline.uniformFeasible(8, 4, new Seed(22).random());
        boolean[] free = new boolean[8];
        free[2] = true;
        free[5] = true;
        m.neighbourhood(a, free);
        m.threshold(0); // any assignment will do: the fixed APs decide what it can be
        for (int seed = 1; seed <= 5; seed++) {
            SinrThresholdModel.Answer answer = m.solve(5, 1, seed);
            assertThat(answer.status()).isEqualTo(SinrThresholdModel.Status.FEASIBLE);
            for (int ap = 0; ap < 8; ap++) {
                if (!free[ap]) {
                    assertThat(answer.assignment()[ap]).as("AP %d", ap).isEqualTo(a[ap]);
                }
            }
        }
    }

    @Test
    void openingTheNeighbourhoodAgainFreesEveryAp() {
        RadioModel model = new RadioModel(8, 4, 2, 3, 2.3, 0.05, 10, 0.1, 0.1);
        AssignmentProblem p = problem(model, 23);
        SinrThresholdModel m = new SinrThresholdModel(p.rows(), p.rho(), p.mu());
        int[] best = new OptimumBaseline().solve(p).assignment();
        double optimum = CertifiedMaxMin.minSinr(p.rows(), best, p.rho(), p.mu());
        int[] other = RandomBaseline.uniformFeasible(8, 4, new Seed(24).random());
        m.threshold(optimum * (1 - 1e-9));
        m.neighbourhood(other, new boolean[8]); // every AP fixed to a random assignment
        if (CertifiedMaxMin.minSinr(p.rows(), other, p.rho(), p.mu()) < optimum * (1 - 1e-6)) {
            assertThat(m.solve(10, 1, 1).status()).isEqualTo(SinrThresholdModel.Status.INFEASIBLE);
        }
        m.neighbourhood(other, null);
        assertThat(m.solve(10, 1, 1).status()).isEqualTo(SinrThresholdModel.Status.FEASIBLE);
    }

    @Test
    void withTheNeighbourhoodSearchTheBoundStillHoldsAtScale() {
        RadioModel model = new RadioModel(32, 8, 4, 3, 2.3, 0.05, 10, 0.1, 0.1); // 256 links: the search runs
        assertThat((long) model.nAp() * model.nUser()).isGreaterThanOrEqualTo(CertifiedMaxMin.NEIGHBOURHOOD_MIN_LINKS);
        AssignmentProblem p = problem(model, 500);
        OptimumSolution s = solver(p, 3);
        assertThat(AssignmentMethod.isFeasible(s.assignment(), 8)).isTrue();
        assertThat(s.minRate()).isGreaterThanOrEqualTo(minRate(p, new GreedyMaxMin().assign(p, null)));
        assertThat(s.bound()).isGreaterThanOrEqualTo(s.minRate());
        SplittableRandom rng = new Seed(501).random();
        for (int i = 0; i < 500; i++) {
            assertThat(minRate(p, RandomBaseline.uniformFeasible(32, 8, rng))).isLessThanOrEqualTo(s.bound());
        }
    }

    @Test
    void neighbourhoodSearchNeverLosesGroundAndLeavesTheModelWholeAgain() {
        RadioModel model = new RadioModel(8, 4, 2, 3, 2.3, 0.05, 10, 0.1, 0.1);
        SplittableRandom rng = new Seed(31).random();
        for (int t = 0; t < 4; t++) {
            AssignmentProblem p = problem(model, 400 + t);
            SinrThresholdModel m = new SinrThresholdModel(p.rows(), p.rho(), p.mu());
            int[] start = RandomBaseline.uniformFeasible(8, 4, rng);
            double before = CertifiedMaxMin.minSinr(p.rows(), start, p.rho(), p.mu());
            int[] found = NeighbourhoodSearch.improve(p, m, start, System.nanoTime() + 5_000_000_000L);
            assertThat(AssignmentMethod.isFeasible(found, 4)).isTrue();
            assertThat(CertifiedMaxMin.minSinr(p.rows(), found, p.rho(), p.mu())).isGreaterThanOrEqualTo(before);
            // every AP is free again: the whole model reaches the exhaustive optimum
            int[] best = new OptimumBaseline().solve(p).assignment();
            m.threshold(CertifiedMaxMin.minSinr(p.rows(), best, p.rho(), p.mu()) * (1 - 1e-9));
            assertThat(m.solve(10, 1, 1).status()).as("trial %d", t).isEqualTo(SinrThresholdModel.Status.FEASIBLE);
        }
    }

    @Test
    void roundingHelpersNeverRoundTheWrongWay() {
        assertThat(SinrThresholdModel.ceilUp(2.5)).isEqualTo(3);
        assertThat(SinrThresholdModel.ceilUp(-2.5)).isEqualTo(-2);
        assertThat(SinrThresholdModel.ceilUp(3.0)).isGreaterThanOrEqualTo(3);
        assertThat(SinrThresholdModel.floorDown(2.5)).isEqualTo(2);
        assertThat(SinrThresholdModel.floorDown(-2.5)).isEqualTo(-3);
        assertThat(SinrThresholdModel.floorDown(3.0)).isLessThanOrEqualTo(3);
    }

    @Test
    void refusesANonPositiveTimeLimitAndNetworksTooLargeForTheSolver() {
        assertThatThrownBy(() -> new OptimumBaseline(10, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("optimumTimeLimit = 0.0");
        assertThatThrownBy(() -> new OptimumBaseline(10, -1)).isInstanceOf(InvalidInputException.class);
        OptimumBaseline opt = new OptimumBaseline();
        opt.checkSize(256, 64); // fits
        assertThatThrownBy(() -> opt.checkSize(512, 128)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("512 APs x 128 users")
                .hasMessageContaining(String.valueOf(OptimumBaseline.MAX_SOLVER_TERMS))
                .hasMessageContaining("greedy-maxmin");
        assertThatThrownBy(() -> opt.assign(AssignmentProblem.of(
                new ChannelModel(new RadioModel(512, 128, 1, 1, 2.3, 0.05, 10, 0.1, 0)).draw(new Seed(1)).truth(), 10, 0.1),
                null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void enumeratesUpToTheLimitAndSolvesBeyond() {
        AssignmentProblem p = problem(new RadioModel(5, 2, 2, 3, 2.3, 0.05, 10, 0.1, 0.1), 3);
        assertThat(new OptimumBaseline(32, 10).solve(p).method()).isEqualTo("exhaustive");
        assertThat(new OptimumBaseline(31, 10).solve(p).method()).isEqualTo("cp-sat");
    }
}
