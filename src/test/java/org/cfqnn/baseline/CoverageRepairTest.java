package org.cfqnn.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import org.cfqnn.radio.Channel;
import org.cfqnn.radio.TestChannels;
import org.junit.jupiter.api.Test;

/** Lost APs leave the assignment; the fewest live APs move so every user is served again. */
class CoverageRepairTest {

    // single antenna, gains g[m][k]: AP 3 hears user 2 far better (relative to its best user) than AP 0 does
    private static final Channel H = TestChannels.singleAntenna(new double[][] {
        {1.0, 0.1, 0.2},
        {0.1, 1.0, 0.1},
        {0.1, 0.1, 1.0},
        {1.0, 0.1, 0.9}});

    @Test
    void nothingLostNothingChanges() {
        int[] a = {0, 1, 2, 0};
        assertThat(CoverageRepair.repair(a, new boolean[4], H)).containsExactly(0, 1, 2, 0);
    }

    @Test
    void theOnlyServerOfAUserIsLostAndTheBestPlacedSpareApTakesOver() {
        // user 2 loses AP 2; AP 0 and AP 3 both serve user 0, so either can move without unserving it:
        // AP 3's gain ratio toward user 2 is 0.9, AP 0's is 0.2 -> AP 3 moves, everything else is kept
        int[] a = {0, 1, 2, 0};
        assertThat(CoverageRepair.repair(a, new boolean[] {false, false, true, false}, H)).containsExactly(0, 1, -1, 2);
    }

    @Test
    void aLostApThatLeavesEveryoneServedOnlyDisappears() {
        int[] a = {0, 1, 2, 0};
        assertThat(CoverageRepair.repair(a, new boolean[] {false, false, false, true}, H)).containsExactly(0, 1, 2, -1);
    }

    @Test
    void withFewerApsThanUsersEachLiveApServesADistinctUser() {
        int[] a = {0, 1, 2, 0};
        int[] b = CoverageRepair.repair(a, new boolean[] {true, false, true, false}, H);
        // AP 1 keeps user 1; AP 3 keeps user 0 (a kept choice outweighs any gain)
        assertThat(b).containsExactly(-1, 1, -1, 0);
    }

    @Test
    void everyApLostLeavesNoOneServing() {
        assertThat(CoverageRepair.repair(new int[] {0, 1, 2, 0}, new boolean[] {true, true, true, true}, H))
                .containsExactly(-1, -1, -1, -1);
    }
}
