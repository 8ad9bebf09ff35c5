package org.cfqnn.qnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.cfqnn.qnn.cloud.CloudModel;
import org.cfqnn.qnn.cloud.CloudSample;
import org.cfqnn.qnn.cloud.GraphCloud;
import org.cfqnn.qnn.cloud.PaperCloud;
import org.cfqnn.qnn.cloud.Teacher;
import org.cfqnn.qnn.edge.AmplitudeEdge;
import org.cfqnn.qnn.edge.EdgeModel;
import org.cfqnn.qnn.edge.EdgeWorker;
import org.cfqnn.qnn.edge.PaperEdge;
import org.cfqnn.quantum.backend.BackendSpec;
import org.cfqnn.quantum.backend.NoiseModel;
import org.cfqnn.quantum.device.DeviceModel;
import org.cfqnn.radio.Channel;
import org.cfqnn.radio.ChannelModel;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.rng.Seed;
import org.junit.jupiter.api.Test;

/** QNN decisions read through a backend: exact by default, shots and noise when set. */
class DecisionBackendTest {

    private static final double EXACT = 1e-12;
    private static final Channel ESTIMATE = new ChannelModel(RadioModel.paper()).draw(new Seed(3)).estimate();

    private static double[][] precoder(EdgeModel model, BackendSpec spec, double[] params, long seed) {
        EdgeWorker w = model.worker(spec);
        double[] vRe = new double[2];
        double[] vIm = new double[2];
        w.precode(ESTIMATE, 1, 2, params, vRe, vIm, new SplittableRandom(seed));
        return new double[][] {vRe, vIm};
    }

    @Test
    void readoutErrorScalesEveryEdgeOutputAlikeSoThePrecoderIsUnchanged() {
        // u_j = <X_j> - i <Y_j>: each a one-qubit string, all scaled by 1 - 2r; v = u / ||u|| does not move
        BackendSpec noisy = new BackendSpec(0, new NoiseModel(0, 0, 0.2), 10, 10);
        for (EdgeModel m : new EdgeModel[] {new AmplitudeEdge(2, GradientMethod.ADJOINT, Math.PI / 2),
            new PaperEdge(3, 2, 2, GradientMethod.ADJOINT, Math.PI / 2)}) {
            double[] params = m.initialParameters(new Seed(4));
            double[][] exact = precoder(m, BackendSpec.EXACT, params, 1);
            double[][] read = precoder(m, noisy, params, 1);
            assertThat(read[0]).containsExactly(exact[0], within(EXACT));
            assertThat(read[1]).containsExactly(exact[1], within(EXACT));
        }
    }

    @Test
    void aPrecoderFromShotsIsWithinItsStatisticalBoundOfTheExactOne() {
        // a = pi/2, b = 0, c = 1, d = 0: u_j = sin(pi/2 r_j) e^{-i phi_j}, ||u|| >= 1 (the strongest antenna has r = 1).
        // 100,000 shots: each <X_j>, <Y_j> within 5 / sqrt(1e5) = 0.016; v moves at most ~2 sqrt(2) 0.016 / ||u|| < 0.05
        EdgeModel m = new AmplitudeEdge(2, GradientMethod.ADJOINT, Math.PI / 2);
        double[] params = {Math.PI / 2, 0, 1, 0};
        double[][] exact = precoder(m, BackendSpec.EXACT, params, 1);
        BackendSpec shots = new BackendSpec(100_000, NoiseModel.NONE, 10, 10);
        double[][] sampled = precoder(m, shots, params, 11);
        for (int part = 0; part < 2; part++) {
            assertThat(sampled[part]).containsExactly(exact[part], within(0.05));
        }
        assertThat(precoder(m, shots, params, 11)[0]).as("one seed, one precoder").containsExactly(sampled[0], within(0.0));
    }

    @Test
    void shotsWithoutASeededStreamAreRefused() {
        GraphCloud g = new GraphCloud(2, 1, 1, GraphCloud.IMITATION, new Teacher(0.1, 100_000), -10,
                GradientMethod.ADJOINT, Math.PI / 2);
        var worker = g.worker(new BackendSpec(50, NoiseModel.NONE, 10, 10));
        CloudSample s = new CloudSample(ESTIMATE, 10, 0.1);
        double[] params = g.initialParameters(new Seed(1));
        assertThatThrownBy(() -> worker.assign(s, params)).hasMessageContaining("seeded stream");
        assertThat(worker.assign(s, params, new SplittableRandom(9))).containsExactly(
                g.worker(new BackendSpec(50, NoiseModel.NONE, 10, 10)).assign(s, params, new SplittableRandom(9)));
    }

    @Test
    void theStagesCountTheCircuitsChargedTodayAndTheIdealDeviceChargesTheSameTime() {
        DeviceModel ideal = DeviceModel.ideal();
        CloudModel[] clouds = {new PaperCloud(4, 3, 2, -10, Math.PI / 2), new GraphCloud(4, 2, 2, GraphCloud.IMITATION,
            new Teacher(0.1, 100_000), -10, GradientMethod.ADJOINT, Math.PI / 2)};
        for (CloudModel c : clouds) {
            List<DeviceModel.Stage> stages = c.inferenceStages(4, 3);
            assertThat(stages.stream().mapToLong(DeviceModel.Stage::count).sum()).isEqualTo(c.circuitsPerInference(4, 3));
            assertThat(ideal.decisionNanos(stages, 0)).isEqualTo(c.circuitsPerInference(4, 3) * 20_000);
        }
        EdgeModel e = new PaperEdge(3, 2, 2, GradientMethod.ADJOINT, Math.PI / 2);
        assertThat(ideal.decisionNanos(List.of(e.inferenceStage()), 0)).isEqualTo(e.circuitsPerInference() * 20_000);
    }

    @Test
    void onAParallelDeviceTheGraphCloudsLinkCircuitsOfARoundShareTheQpu() {
        // 2 rounds of 12 four-qubit link circuits on 10 qubits: 2 per batch, 6 batches per round
        GraphCloud g = new GraphCloud(4, 2, 2, GraphCloud.IMITATION, new Teacher(0.1, 100_000), -10,
                GradientMethod.ADJOINT, Math.PI / 2);
        DeviceModel serial = new DeviceModel("t", 10, 100, 1000, 0, true, false, 0, 10, false, 1, 100);
        DeviceModel parallel = new DeviceModel("t", 10, 100, 1000, 0, true, false, 0, 10, true, 1, 100);
        long one = serial.executionNanos(g.inferenceStages(4, 3).get(0).circuit(), g.inferenceStages(4, 3).get(0).observables(), 0);
        assertThat(serial.decisionNanos(g.inferenceStages(4, 3), 0)).isEqualTo(24 * one);
        assertThat(parallel.decisionNanos(g.inferenceStages(4, 3), 0)).isEqualTo(12 * one);
    }
}
