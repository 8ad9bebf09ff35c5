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
    void aMethodPaysForTheCouplingsItComputes() {
        AssignmentProblem p = problem();
        assertThat(p.operations().table()).isZero(); // nothing computed yet
        p.table();
        assertThat(p.operations().table()).isEqualTo(4 * 3 * 3 * 2); // the full table: M K K N
        // search: gains of the free APs per turn (4 + 3 + 2, then the last AP's gain is known) at N each,
        // and the rows of the assigned APs as interference is summed (3 rows of K couplings) at N each
        assertThat(run(new SearchBaseline()).table()).isEqualTo((4 + 3 + 2) * 2 + 3 * 3 * 2);
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
    void greedyCountsItsMatchingBoundAndEverySinrAndCouplingTermItReads() {
        long steps = run(new GreedyMaxMin()).steps();
        long cover = 12 * 3 * 4; // M K cells x K x ceil(log2(M K + 1)) = 4 bits of 12
        // the fill loads the 3 covering APs (3 x K terms) and ranks the K users at least
        assertThat(steps).isGreaterThanOrEqualTo(cover + 3 * 3 + 3);

        SinrBook book = new SinrBook(problem().rows(), RADIO.rho(), RADIO.mu());
        book.load(new int[] {0, 1, 2, -1});
        assertThat(book.operations()).isEqualTo(3 * 3); // three APs' rows, K terms each
        book.rank();
        assertThat(book.operations()).isEqualTo(9 + 3); // one SINR per user
        book.change().join(3, 0).minSinrAfter(0);
        assertThat(book.operations()).isEqualTo(12 + 3); // every user's SINR after the change
    }
}
