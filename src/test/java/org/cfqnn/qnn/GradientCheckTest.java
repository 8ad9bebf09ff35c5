package org.cfqnn.qnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.cfqnn.qnn.cloud.CloudSample;
import org.cfqnn.qnn.cloud.GraphCloud;
import org.cfqnn.qnn.cloud.Teacher;
import org.cfqnn.qnn.edge.AmplitudeEdge;
import org.cfqnn.qnn.edge.EdgeModel;
import org.cfqnn.qnn.edge.PaperEdge;
import org.cfqnn.qnn.edge.PrecoderMath;
import org.cfqnn.radio.ChannelModel;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.radio.Realization;
import org.cfqnn.rng.Seed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every model's analytic gradient against central finite differences of its own loss. */
class GradientCheckTest {

    private static final double H = 1e-5;
    /** Central differences with h = 1e-5 are accurate to about h^2 times the third derivative. */
    private static final double RELATIVE = 1e-5;

    private static void check(Objective o, double[] params) {
        double[] grad = new double[params.length];
        double value = o.lossAndGradient(params, grad);
        assertThat(value).isCloseTo(o.loss(params), within(1e-9 * Math.max(1, Math.abs(value))));
        for (int i = 0; i < params.length; i++) {
            double[] up = params.clone();
            double[] dn = params.clone();
            up[i] += H;
            dn[i] -= H;
            double fd = (o.loss(up) - o.loss(dn)) / (2 * H);
            assertThat(grad[i]).as("parameter %d", i).isCloseTo(fd, within(RELATIVE * Math.max(1, Math.abs(fd)) + 1e-7));
        }
    }

    private static Realization channel(int nAp, int nUser, int nTx, long seed) {
        return new ChannelModel(new RadioModel(nAp, nUser, nTx, 3, 2.3, 0.05, 10, 0.2, 0.1)).draw(new Seed(seed));
    }

    @ParameterizedTest
    @EnumSource(GradientMethod.class)
    void graphCloudImitationGradient(GradientMethod method) {
        GraphCloud model = new GraphCloud(3, 2, 2, GraphCloud.IMITATION, new Teacher(0.1, 100_000), -10, method, Math.PI / 2);
        Realization r = channel(4, 3, 2, 1);
        CloudSample s = new CloudSample(r.estimate(), 10, 0.2);
        check(model.worker().objective(s, new SplittableRandom(1)), model.initialParameters(new Seed(2)));
    }

    @Test
    void graphCloudOneRoundAndOtherShapes() {
        GraphCloud model = new GraphCloud(2, 1, 1, GraphCloud.IMITATION, new Teacher(0.3, 100_000), -10,
                GradientMethod.ADJOINT, Math.PI / 2);
        Realization r = channel(5, 2, 3, 4);
        check(model.worker().objective(new CloudSample(r.estimate(), 10, 0.2), new SplittableRandom(1)),
                model.initialParameters(new Seed(5)));
    }

    @Test
    void charitablePaperCloudImitationGradient() {
        var model = new org.cfqnn.qnn.cloud.CharitablePaperCloud(4, 3, 2, 100_000);
        Realization r = channel(4, 3, 2, 6);
        double[] p = model.initialParameters(new Seed(3));
        p[1] = 0.7; // encoding weights away from their initial 1
        check(model.worker().objective(new CloudSample(r.estimate(), 10, 0.2), new SplittableRandom(1)), p);
    }

    @ParameterizedTest
    @EnumSource(GradientMethod.class)
    void edgeGradients(GradientMethod method) {
        Realization r = channel(4, 3, 2, 3);
        EdgeModel[] models = {new PaperEdge(3, 2, 2, method, Math.PI / 2), new AmplitudeEdge(2, method, Math.PI / 2),
            new PaperEdge(2, 4, 1, method, 0.7), new AmplitudeEdge(4, method, 0.7)};
        for (EdgeModel model : models) {
            Realization rr = model.qubits() >= 4 ? channel(4, 2, 4, 9) : r;
            check(model.worker().objective(rr.estimate(), 1, 1, 10), model.initialParameters(new Seed(7)));
        }
    }

    @Test
    void precoderRateGradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] hRe = {0.3, -1.2, 0.7};
        double[] hIm = {1.1, 0.4, -0.2};
        double[] uRe = {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
        double[] uIm = {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
        double[] gRe = new double[3];
        double[] gIm = new double[3];
        PrecoderMath.rate(hRe, hIm, uRe, uIm, 10, gRe, gIm);
        for (int j = 0; j < 3; j++) {
            double[] up = uRe.clone();
            double[] dn = uRe.clone();
            up[j] += H;
            dn[j] -= H;
            double fd = (PrecoderMath.rate(hRe, hIm, up, uIm, 10, null, null)
                    - PrecoderMath.rate(hRe, hIm, dn, uIm, 10, null, null)) / (2 * H);
            assertThat(gRe[j]).isCloseTo(fd, within(1e-7));
            up = uIm.clone();
            dn = uIm.clone();
            up[j] += H;
            dn[j] -= H;
            fd = (PrecoderMath.rate(hRe, hIm, uRe, up, 10, null, null)
                    - PrecoderMath.rate(hRe, hIm, uRe, dn, 10, null, null)) / (2 * H);
            assertThat(gIm[j]).isCloseTo(fd, within(1e-7));
        }
        // the MR direction u = conj(h) maximizes the rate: log2(1 + rho ||h||^2) and zero gradient
        double[] mrIm = {-hIm[0], -hIm[1], -hIm[2]};
        double r = PrecoderMath.rate(hRe, hIm, hRe, mrIm, 10, gRe, gIm);
        double norm2 = 0;
        for (int j = 0; j < 3; j++) {
            norm2 += hRe[j] * hRe[j] + hIm[j] * hIm[j];
        }
        assertThat(r).isCloseTo(Math.log1p(10 * norm2) / Math.log(2), within(1e-12));
        for (int j = 0; j < 3; j++) {
            assertThat(gRe[j]).isCloseTo(0, within(1e-12));
            assertThat(gIm[j]).isCloseTo(0, within(1e-12));
        }
    }
}
