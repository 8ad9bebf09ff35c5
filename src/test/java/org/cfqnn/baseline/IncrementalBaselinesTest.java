package org.cfqnn.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import org.cfqnn.experiment.CompareExperiment;
import org.cfqnn.radio.ChannelModel;
import org.cfqnn.radio.MrRows;
import org.cfqnn.radio.MrTable;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.radio.RateReport;
import org.cfqnn.radio.Realization;
import org.cfqnn.rng.Seed;
import org.junit.jupiter.api.Test;

/** The incremental greedy and search against the full-table implementations they replaced. */
class IncrementalBaselinesTest {

    private static final int PAPER_TRIALS = 1000;

    private static AssignmentProblem trial(RadioModel model, long seed, int t) {
        Realization r = new ChannelModel(model).draw(CompareExperiment.trialSeed(new Seed(seed), t));
        return AssignmentProblem.of(r.estimate(), model.rho(), model.mu());
    }

    @Test
    void greedyEqualsTheFullTableGreedyOnAThousandPaperTrials() {
        RadioModel model = RadioModel.paper();
        for (int t = 0; t < PAPER_TRIALS; t++) {
            int[] expected = new ReferenceGreedyMaxMin().assign(trial(model, 1, t), null);
            assertThat(new GreedyMaxMin().assign(trial(model, 1, t), null)).as("trial %d", t).containsExactly(expected);
        }
    }

    @Test
    void searchEqualsTheFullTableSearchOnAThousandPaperTrials() {
        RadioModel model = RadioModel.paper();
        for (int t = 0; t < PAPER_TRIALS; t++) {
            int[] expected = new ReferenceSearch().assign(trial(model, 1, t), null);
            assertThat(new SearchBaseline().assign(trial(model, 1, t), null)).as("trial %d", t).containsExactly(expected);
        }
    }

    @Test
    void bothEqualTheFullTableVersionsOnDenseNetworks() {
        RadioModel dense = new RadioModel(16, 6, 4, 3, 2.3, 0.05, 10, 0.1, 0.1);
        for (int t = 0; t < 30; t++) {
            AssignmentProblem p = trial(dense, 5, t);
            assertThat(new GreedyMaxMin().assign(p, null)).as("greedy, trial %d", t)
                    .containsExactly(new ReferenceGreedyMaxMin().assign(p, null));
            assertThat(new SearchBaseline().assign(p, null)).as("search, trial %d", t)
                    .containsExactly(new ReferenceSearch().assign(p, null));
        }
        RadioModel large = new RadioModel(48, 12, 4, 3, 2.3, 0.05, 10, 0.1, 0.1);
        for (int t = 0; t < 2; t++) {
            AssignmentProblem p = trial(large, 5, t);
            assertThat(new GreedyMaxMin().assign(p, null)).as("greedy 48x12, trial %d", t)
                    .containsExactly(new ReferenceGreedyMaxMin().assign(p, null));
        }
    }

    @Test
    void lazyRowsEqualTheFullTableBitForBit() {
        RadioModel model = new RadioModel(6, 4, 3, 3, 2.3, 0.05, 10, 0.2, 0.3);
        Realization r = new ChannelModel(model).draw(new Seed(9));
        MrTable table = MrTable.of(r.truth(), r.estimate());
        MrRows rows = MrRows.of(r.truth(), r.estimate());
        for (int n = 0; n < 6; n++) {
            for (int k = 0; k < 4; k++) {
                assertThat(rows.gain(n, k)).isEqualTo(table.get(n, k, k)); // before the row is built
                for (int kk = 0; kk < 4; kk++) {
                    assertThat(rows.row(n, k)[kk]).isEqualTo(table.get(n, k, kk));
                }
            }
        }
        int[] a = {0, 1, 2, 3, 1, -1};
        RateReport expected = table.rates(a, model.rho(), model.mu());
        RateReport actual = rows.rates(a, model.rho(), model.mu());
        assertThat(actual.rates()).containsExactly(expected.rates());
        assertThat(actual.minRate()).isEqualTo(expected.minRate());
        assertThat(actual.unserved()).isEqualTo(expected.unserved());
    }
}
