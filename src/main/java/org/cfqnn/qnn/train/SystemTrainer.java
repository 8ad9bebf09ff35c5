package org.cfqnn.qnn.train;

import org.cfqnn.progress.ProgressListener;
import org.cfqnn.qnn.TrainedQnn;
import org.cfqnn.qnn.cloud.CloudModel;
import org.cfqnn.qnn.edge.EdgeModel;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.rng.Seed;

/**
 * Algorithm 1's training phases: the cloud QNN first (Algorithm 2), then every edge QNN on the trained
 * cloud's assignments (Algorithm 3). Initial parameters come from streams {@code cloud-init} and
 * {@code edge-init/m} of the seed, training samples from {@code cloud-train} and {@code edge-train}.
 */
public final class SystemTrainer {

    private SystemTrainer() {
    }

    /** A finished training: the system, both loss curves, the initial parameters (for ablations) and timings. */
    public record Run(TrainedQnn qnn, LossCurve cloudLoss, LossCurve edgeLoss, double[] cloudInitial,
                      double[][] edgeInitial, double cloudSeconds, double edgeSeconds) {
    }

    /** The system with its initial parameters: what Algorithm 1's emulated training phases start from. */
    public static TrainedQnn initial(RadioModel radio, CloudModel cloud, TrainingSettings cloudTraining, String decoding,
                                     int candidates, EdgeModel edge, TrainingSettings edgeTraining, long seed) {
        Seed root = new Seed(seed);
        double[][] edges = new double[radio.nAp()][];
        for (int m = 0; m < radio.nAp(); m++) {
            edges[m] = edge.initialParameters(root.split("edge-init", m));
        }
        return new TrainedQnn(radio.nAp(), radio.nUser(), radio.nTx(), cloud, cloud.initialParameters(root.split("cloud-init")),
                decoding, candidates, cloudTraining, edge, edges, edgeTraining, seed);
    }

    public static Run train(RadioModel radio, CloudModel cloud, TrainingSettings cloudTraining, String decoding,
                            int candidates, EdgeModel edge, TrainingSettings edgeTraining, long seed, ProgressListener.Factory progress) {
        Seed root = new Seed(seed);
        double[] cloudParams = cloud.initialParameters(root.split("cloud-init"));
        double[] cloudInitial = cloudParams.clone();
        long t0 = System.nanoTime();
        LossCurve cloudLoss;
        try (ProgressListener bar = progress.start("train cloud (" + cloud.ansatz() + ")", cloudTraining.iterations())) {
            cloudLoss = new CloudTrainer(cloud, radio, cloudTraining, root).train(cloudParams, bar);
        }
        double cloudSeconds = (System.nanoTime() - t0) / 1e9;
        double[][] edgeParams = new double[radio.nAp()][];
        double[][] edgeInitial = new double[radio.nAp()][];
        for (int m = 0; m < radio.nAp(); m++) {
            edgeParams[m] = edge.initialParameters(root.split("edge-init", m));
            edgeInitial[m] = edgeParams[m].clone();
        }
        t0 = System.nanoTime();
        LossCurve edgeLoss;
        try (ProgressListener bar = progress.start("train edges (" + edge.ansatz() + ")", edgeTraining.iterations())) {
            edgeLoss = new EdgeTrainer(edge, cloud, cloudParams, radio, edgeTraining, root).train(edgeParams, bar);
        }
        double edgeSeconds = (System.nanoTime() - t0) / 1e9;
        TrainedQnn qnn = new TrainedQnn(radio.nAp(), radio.nUser(), radio.nTx(), cloud, cloudParams, decoding, candidates,
                cloudTraining, edge, edgeParams, edgeTraining, seed);
        return new Run(qnn, cloudLoss, edgeLoss, cloudInitial, edgeInitial, cloudSeconds, edgeSeconds);
    }
}
