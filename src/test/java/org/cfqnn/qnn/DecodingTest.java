package org.cfqnn.qnn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.cfqnn.baseline.AssignmentMethod;
import org.cfqnn.qnn.cloud.CloudSample;
import org.cfqnn.qnn.cloud.CoverageDecoder;
import org.cfqnn.qnn.cloud.PaperCloud;
import org.cfqnn.quantum.GateKind;
import org.cfqnn.quantum.Op;
import org.cfqnn.radio.ChannelModel;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.rng.Seed;
import org.junit.jupiter.api.Test;

class DecodingTest {

    @Test
    void coverageDecodingIsTheMostProbableFeasibleAssignment() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int rep = 0; rep < 200; rep++) {
            int nAp = 3 + rng.nextInt(3);
            int nUser = 2 + rng.nextInt(nAp - 1);
            double[][] s = new double[nAp][nUser];
            for (double[] row : s) {
                for (int k = 0; k < nUser; k++) {
                    row[k] = rng.nextGaussian() * 2;
                }
            }
            int[] a = CoverageDecoder.decode(s);
            assertThat(AssignmentMethod.isFeasible(a, nUser)).isTrue();
            // brute force over every feasible assignment
            double best = Double.NEGATIVE_INFINITY;
            int[] x = new int[nAp];
            for (int code = 0; code < Math.pow(nUser, nAp); code++) {
                for (int m = nAp - 1, c = code; m >= 0; m--, c /= nUser) {
                    x[m] = c % nUser;
                }
                if (AssignmentMethod.isFeasible(x, nUser)) {
                    double v = 0;
                    for (int m = 0; m < nAp; m++) {
                        v += s[m][x[m]];
                    }
                    best = Math.max(best, v);
                }
            }
            double got = 0;
            for (int m = 0; m < nAp; m++) {
                got += s[m][a[m]];
            }
            assertThat(got).isCloseTo(best, org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    @Test
    void paperCloudCircuitFollowsTheLiteralReading() {
        PaperCloud pc = new PaperCloud(4, 3, 2, -10, Math.PI / 2);
        assertThat(pc.qubits()).isEqualTo(8);
        assertThat(pc.parameterCount()).isEqualTo(8);
        long rz = pc.circuit().ops().stream().filter(o -> o.kind() == GateKind.RZ).count();
        long cx = pc.circuit().ops().stream().filter(o -> o.kind() == GateKind.CX).count();
        long cz = pc.circuit().ops().stream().filter(o -> o.kind() == GateKind.CZ).count();
        assertThat(rz).isEqualTo(12); // K RZ per AP on layer 0
        assertThat(cx).isEqualTo(1); // q(0, M-1) -> q(1, 0)
        assertThat(cz).isEqualTo(3); // chain on layer 0
        Op link = pc.circuit().ops().stream().filter(o -> o.kind() == GateKind.CX).findFirst().orElseThrow();
        assertThat(link.q0()).isEqualTo(3);
        assertThat(link.q1()).isEqualTo(4);
    }

    @Test
    void paperCloudDecodesByFlooringTheLastLayer() {
        // Last-layer qubits 1..3 see only their RY: RY(0) keeps |0> (o = 0, user 0); RY(pi) gives |1>
        // (o = 1, user min(floor(K), K-1) = K-1); RY(pi/2) gives o = 1/2 -> floor(1.5) = user 1.
        PaperCloud pc = new PaperCloud(4, 3, 2, -10, Math.PI / 2);
        var s = new CloudSample(new ChannelModel(RadioModel.paper()).draw(new Seed(1)).estimate(), 10, 0.1);
        double[] p = {0, 0, 0, 0, 0, 0, Math.PI, Math.PI / 2};
        int[] a = pc.worker().assign(s, p);
        assertThat(a[1]).isEqualTo(0);
        assertThat(a[2]).isEqualTo(2);
        assertThat(a[3]).isEqualTo(1);
    }

    @Test
    void charitablePaperCloudLinksEveryNeuronToTheNextLayerAndServesEveryUser() {
        var pc = new org.cfqnn.qnn.cloud.CharitablePaperCloud(4, 3, 3, 100_000);
        assertThat(pc.qubits()).isEqualTo(12);
        assertThat(pc.parameterCount()).isEqualTo(3 + 12); // K encoding weights, L x M RY angles
        var ops = pc.circuit().ops();
        assertThat(ops.stream().filter(o -> o.kind() == GateKind.CX)).hasSize(8); // M per layer link, L - 1 links
        assertThat(ops.stream().filter(o -> o.kind() == GateKind.CZ)).hasSize(6); // M - 1 per layer but the last
        assertThat(ops.stream().filter(o -> o.kind() == GateKind.CX).map(o -> o.q1() - o.q0())).containsOnly(4);
        var w = pc.worker();
        double[] p = pc.initialParameters(new Seed(2));
        for (int t = 0; t < 20; t++) {
            var s = new CloudSample(new ChannelModel(RadioModel.paper()).draw(new Seed(30 + t)).estimate(), 10, 0.1);
            assertThat(AssignmentMethod.isFeasible(w.assign(s, p), 3)).isTrue();
        }
    }
}
