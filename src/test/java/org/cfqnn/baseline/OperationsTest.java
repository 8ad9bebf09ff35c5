package org.cfqnn.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import org.cfqnn.radio.Channel;
import org.cfqnn.radio.ChannelModel;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.rng.Seed;
import org.junit.jupiter.api.Test;

/** The work each method counts, against hand-derived counts for M = 4 APs, K = 3 users, N = 2 antennas. */
class OperationsTest {

    private static final RadioModel RADIO = RadioModel.paper();

    private static AssignmentProblem problem() {
        Channel h = new ChannelModel(RADIO).draw(ChannelModel.trial(new Seed(3), 0)).estimate();
        return AssignmentProblem.of(h, RADIO.rho(), RADIO.mu());
    }

    private static Operations run(AssignmentMethod method) {
        AssignmentProblem p = problem();
        method.assign(p, Baselines.decisionRandom(new Seed(3), method.name()));
        return p.operations();
    }

    @Test
    void theMrTableCostsMKKNMultiplyAddsWhateverTheMethod() {
        assertThat(problem().operations().table()).isEqualTo(4 * 3 * 3 * 2);
        assertThat(run(new SearchBaseline()).table()).isEqualTo(72);
    }

    @Test
    void searchCountsTwoTermsPerApPerTurn() {
        // M = 4 turns (one AP each), each summing M interference terms and comparing M gains
        assertThat(run(new SearchBaseline()).steps()).isEqualTo(4 * 2 * 4);
    }

    @Test
    void theOptimumCountsEveryOdometerStepAndMKTermsPerFeasibleAssignment() {
        // K^M = 81 assignments, of which 3^4 - 3 2^4 + 3 = 36 serve every user, each read in M K = 12 terms
        assertThat(run(new OptimumBaseline(1000)).steps()).isEqualTo(81 + 36 * 12);
    }

    @Test
    void randomCountsItsCompletionTable() {
        assertThat(run(new RandomBaseline()).steps()).isEqualTo(4 * 3);
    }

    @Test
    void greedyCountsItsMatchingBoundAndMKTermsPerRateEvaluation() {
        long steps = run(new GreedyMaxMin()).steps();
        long cover = 12 * 3 * 4; // M K cells x K x ceil(log2(M K + 1)) = 4 bits of 12
        assertThat(steps).isGreaterThan(cover);
        assertThat((steps - cover) % 12).isZero(); // the rest: whole rate evaluations of M K = 12 terms
        // the fill alone evaluates the one AP left against K = 3 users, the polish at least the start
        assertThat((steps - cover) / 12).isGreaterThanOrEqualTo(3 + 1);
    }
}
