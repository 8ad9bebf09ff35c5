package org.cfqnn.qnn;

import static org.assertj.core.api.Assertions.assertThat;

import org.cfqnn.progress.ProgressListener;
import org.cfqnn.experiment.PrecoderQuality;
import org.cfqnn.qnn.cloud.CloudSample;
import org.cfqnn.qnn.cloud.CloudWorker;
import org.cfqnn.qnn.cloud.GraphCloud;
import org.cfqnn.qnn.cloud.Teacher;
import org.cfqnn.qnn.edge.AmplitudeEdge;
import org.cfqnn.qnn.edge.PaperEdge;
import org.cfqnn.qnn.train.SystemTrainer;
import org.cfqnn.qnn.train.TrainingSettings;
import org.cfqnn.radio.ChannelModel;
import org.cfqnn.radio.MrTable;
import org.cfqnn.radio.Precoders;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.radio.Realization;
import org.cfqnn.rng.Seed;
import org.junit.jupiter.api.Test;

/** Seeded training runs, small enough for the test suite, that must improve on their initial parameters. */
class TrainingTest {

    private static final RadioModel RADIO = RadioModel.paper();

    /** Mean min rate (on the truth) of a cloud over fixed evaluation channels. */
    private static double meanMinRate(CloudWorker w, double[] params, int trials) {
        ChannelModel cm = new ChannelModel(RADIO);
        double sum = 0;
        for (int t = 0; t < trials; t++) {
            Realization r = cm.draw(new Seed(404).split("eval", t));
            int[] a = w.assign(new CloudSample(r.estimate(), RADIO.rho(), RADIO.mu()), params);
            sum += MrTable.of(r.truth(), r.estimate()).rates(a, RADIO.rho(), RADIO.mu()).minRate();
        }
        return sum / trials;
    }

    @Test
    void trainingTheGraphCloudLowersItsLossAndRaisesTheMinRate() {
        GraphCloud cloud = new GraphCloud(3, 2, 2, GraphCloud.IMITATION, new Teacher(0.1, 100_000), -10,
                GradientMethod.ADJOINT, Math.PI / 2);
        TrainingSettings t = new TrainingSettings("adam", 0.02, 100, 10, GradientMethod.ADJOINT, Math.PI / 2, 0.1, 0.1);
        SystemTrainer.Run run = SystemTrainer.train(RADIO, cloud, t, "direct", 8, new AmplitudeEdge(2,
                GradientMethod.ADJOINT, Math.PI / 2), new TrainingSettings("adam", 0.05, 20, 5, GradientMethod.ADJOINT,
                Math.PI / 2, 0.1, 0.1), 3, ProgressListener.Factory.NONE);
        double[] epochs = run.cloudLoss().perEpoch();
        assertThat(epochs[epochs.length - 1]).isLessThan(0.95 * epochs[0]);
        CloudWorker w = cloud.worker();
        assertThat(meanMinRate(w, run.qnn().cloudParams(), 150)).isGreaterThan(1.2 * meanMinRate(w, run.cloudInitial(), 150));
    }

    @Test
    void trainedEdgesBeatTheirInitialPrecoders() {
        for (var edge : new org.cfqnn.qnn.edge.EdgeModel[] {new AmplitudeEdge(2, GradientMethod.ADJOINT, Math.PI / 2),
            new PaperEdge(3, 2, 2, GradientMethod.PARAMETER_SHIFT, Math.PI / 2)}) {
            GraphCloud cloud = new GraphCloud(2, 1, 1, GraphCloud.IMITATION, new Teacher(0.1, 100_000), -10,
                    GradientMethod.ADJOINT, Math.PI / 2);
            SystemTrainer.Run run = SystemTrainer.train(RADIO, cloud, new TrainingSettings("adam", 0.02, 20, 2,
                    GradientMethod.ADJOINT, Math.PI / 2, 0.1, 0.1), "direct", 8, edge, new TrainingSettings("adam", 0.05,
                    100, 10, GradientMethod.ADJOINT, Math.PI / 2, 0.1, 0.1), 5, ProgressListener.Factory.NONE);
            double trained = quality(run.qnn(), run.qnn().edgeParams());
            double initial = quality(run.qnn(), run.edgeInitial());
            assertThat(trained).as(edge.ansatz()).isGreaterThan(initial);
            if (edge instanceof AmplitudeEdge) {
                assertThat(trained).isGreaterThan(0.99); // the bar for the improved edge
            }
        }
    }

    private static double quality(TrainedQnn q, double[][] edgeParams) {
        TrainedQnn withParams = new TrainedQnn(q.nAp(), q.nUser(), q.nTx(), q.cloud(), q.cloudParams(), q.decoding(),
                q.candidates(), q.cloudTraining(), q.edge(), edgeParams, q.edgeTraining(), q.seed());
        Deployment d = new Deployment(withParams);
        ChannelModel cm = new ChannelModel(RADIO);
        double sum = 0;
        int n = 100;
        for (int t = 0; t < n; t++) {
            Realization r = cm.draw(new Seed(606).split("eval", t));
            int[] a = d.assign(r.estimate(), RADIO.rho(), RADIO.mu(), null);
            Precoders v = d.precode(r.estimate(), a);
            sum += PrecoderQuality.of(r.truth(), r.estimate(), a, v, RADIO.rho(), RADIO.mu());
        }
        return sum / n;
    }

    @Test
    void trainingIsReproducibleFromTheSeed() {
        GraphCloud cloud = new GraphCloud(2, 1, 1, GraphCloud.IMITATION, new Teacher(0.1, 100_000), -10,
                GradientMethod.ADJOINT, Math.PI / 2);
        TrainingSettings t = new TrainingSettings("adam", 0.02, 20, 2, GradientMethod.ADJOINT, Math.PI / 2, 0.0, 0.5);
        var edge = new AmplitudeEdge(2, GradientMethod.ADJOINT, Math.PI / 2);
        SystemTrainer.Run a = SystemTrainer.train(RADIO, cloud, t, "direct", 8, edge, t, 9, ProgressListener.Factory.NONE);
        SystemTrainer.Run b = SystemTrainer.train(RADIO, cloud, t, "direct", 8, edge, t, 9, ProgressListener.Factory.NONE);
        assertThat(a.qnn().cloudParams()).isEqualTo(b.qnn().cloudParams());
        assertThat(a.qnn().edgeParams()[2]).isEqualTo(b.qnn().edgeParams()[2]);
        assertThat(a.cloudLoss().perIteration()).isEqualTo(b.cloudLoss().perIteration());
    }
}
