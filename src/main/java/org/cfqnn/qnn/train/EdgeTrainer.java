package org.cfqnn.qnn.train;

import org.cfqnn.progress.ProgressListener;
import org.cfqnn.qnn.cloud.CloudModel;
import org.cfqnn.qnn.cloud.CloudSample;
import org.cfqnn.qnn.cloud.CloudWorker;
import org.cfqnn.qnn.edge.EdgeModel;
import org.cfqnn.qnn.edge.EdgeWorker;
import org.cfqnn.radio.ChannelModel;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.radio.Realization;
import org.cfqnn.rng.Seed;

/**
 * Algorithm 1, lines 3-8: on each fresh channel ({@code edge-train/epoch/i}) the trained cloud assigns
 * the APs, then every edge m takes one training step on its own channel estimate and the user it was
 * given. Each edge has its own parameters and optimizer.
 */
public final class EdgeTrainer {

    private final EdgeModel model;
    private final CloudModel cloud;
    private final double[] cloudParams;
    private final RadioModel radio;
    private final TrainingSettings settings;
    private final Seed seed;

    public EdgeTrainer(EdgeModel model, CloudModel cloud, double[] cloudParams, RadioModel radio,
                       TrainingSettings settings, Seed seed) {
        this.model = model;
        this.cloud = cloud;
        this.cloudParams = cloudParams;
        this.radio = radio;
        this.settings = settings;
        this.seed = seed;
    }

    /** Trains every edge's parameters ({@code params[m]}) in place; returns the mean loss over edges per iteration. */
    public LossCurve train(double[][] params, ProgressListener progress) {
        int nAp = params.length;
        EdgeWorker worker = model.worker();
        CloudWorker assigner = cloud.worker();
        ChannelModel channels = new ChannelModel(radio);
        Optimizer[] optimizers = new Optimizer[nAp];
        for (int m = 0; m < nAp; m++) {
            optimizers[m] = settings.newOptimizer(params[m].length);
        }
        double[] grad = new double[model.parameterCount()];
        double[] losses = new double[settings.iterations()];
        for (int e = 0; e < settings.nEpoch(); e++) {
            for (int i = 0; i < settings.nData(); i++) {
                Realization r = channels.draw(seed.split("edge-train", e, i));
                int[] a = assigner.assign(new CloudSample(r.estimate(), radio.rho(), radio.mu()), cloudParams);
                double sum = 0;
                for (int m = 0; m < nAp; m++) {
                    var objective = worker.objective(r.estimate(), m, a[m], radio.rho());
                    sum += Steps.update(objective, params[m], grad, optimizers[m], e, settings.shift());
                }
                losses[e * settings.nData() + i] = sum / nAp;
                progress.step();
            }
        }
        return new LossCurve(losses, settings.nData());
    }
}
