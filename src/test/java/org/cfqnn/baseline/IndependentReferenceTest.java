package org.cfqnn.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.cfqnn.experiment.Outcome;
import org.cfqnn.io.JsonNodes;
import org.cfqnn.io.Snapshot;
import org.cfqnn.io.SnapshotJson;
import org.cfqnn.radio.CapacityTargets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Agreement with an independent implementation: tools/reference/radio_reference.py computes rates,
 * the search baseline, the exhaustive optimum and Phi with numpy from docs/model.md alone, on snapshots it drew
 * itself (with and without CSI error, mu from 0 to 1, N from 1 to 4).
 */
class IndependentReferenceTest {

    /** Both sides are double precision; differences come from summation order only. */
    private static final double TOL = 1e-10;

    static List<JsonNode> cases() throws Exception {
        try (InputStream in = IndependentReferenceTest.class.getResourceAsStream("/reference/radio.json")) {
            JsonNode root = JsonNodes.MAPPER.readTree(in);
            List<JsonNode> out = new ArrayList<>();
            root.get("cases").forEach(out::add);
            return out;
        }
    }

    private static Snapshot snapshot(JsonNode c) {
        return SnapshotJson.parse(JsonNodes.of(c.get("snapshot")));
    }

    private static int[] ints(JsonNode a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asInt();
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void ratesOfArbitraryAssignmentsAgree(JsonNode c) {
        Snapshot s = snapshot(c);
        for (JsonNode e : c.get("evaluations")) {
            int[] a = ints(e.get("assignment"));
            Outcome o = Outcome.maxRatio(s.truth(), s.estimate(), a, s.rho(), s.mu());
            for (int k = 0; k < s.nUser(); k++) {
                double expected = e.get("rates").get(k).asDouble();
                double actual = o.rates().served()[k] ? o.rates().rates()[k] : 0;
                assertThat(actual).isCloseTo(expected, within(TOL));
            }
            assertThat(o.rates().minRate()).isCloseTo(e.get("minRate").asDouble(), within(TOL));
            assertThat(o.rates().sumRate()).isCloseTo(e.get("sumRate").asDouble(), within(TOL));
            assertThat(o.rates().unserved()).isEqualTo(e.get("unserved").asInt());
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void searchAndOptimumChooseTheSameAssignments(JsonNode c) {
        Snapshot s = snapshot(c);
        AssignmentProblem p = AssignmentProblem.of(s.estimate(), s.rho(), s.mu());
        assertThat(new SearchBaseline().assign(p, null)).containsExactly(ints(c.get("search")));
        int[] opt = new OptimumBaseline().assign(p, null);
        assertThat(opt).containsExactly(ints(c.get("optimum")));
        assertThat(Outcome.maxRatio(s.truth(), s.estimate(), opt, s.rho(), s.mu()).rates().minRate())
                .isCloseTo(c.get("optimumOnTruth").asDouble(), within(TOL));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void capacityTargetsAgree(JsonNode c) {
        Snapshot s = snapshot(c);
        for (int m = 0; m < s.nAp(); m++) {
            assertThat(CapacityTargets.phiAp(s.estimate(), m, s.rho()))
                    .isCloseTo(c.get("phiAp").get(m).asDouble(), within(1e-9));
        }
    }
}
