package org.cfqnn.qnn.train;

import org.cfqnn.progress.ProgressListener;
import java.util.SplittableRandom;
import org.cfqnn.qnn.cloud.CloudModel;
import org.cfqnn.qnn.cloud.CloudSample;
import org.cfqnn.qnn.cloud.CloudWorker;
import org.cfqnn.radio.ChannelModel;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.rng.Seed;

/**
 * Algorithm 2: the cloud trains its QNN on fresh channels, sample {@code (epoch, i)} drawn from stream
 * {@code cloud-train/epoch/i} of the run's seed, so training is reproducible and independent of the
 * channels any evaluation uses. With {@code batch > 1} the gradients of that many consecutive samples
 * are averaged per update; with a training network ({@link TrainingSettings#transfers()}) the channels
 * have that size instead of the scenario's.
 */
public final class CloudTrainer {

    private final CloudModel model;
    private final RadioModel radio;
    private final TrainingSettings settings;
    private final Seed seed;

    public CloudTrainer(CloudModel model, RadioModel radio, TrainingSettings settings, Seed seed) {
        this.model = model;
        this.radio = radio;
        this.settings = settings;
        this.seed = seed;
    }

    /** The sample of iteration {@code (epoch, i)}: a fresh channel, and mu drawn from the training range. */
    public CloudSample sample(ChannelModel channels, int epoch, int i) {
        Seed s = seed.split("cloud-train", epoch, i);
        double mu = settings.muLow() == settings.muHigh() ? radio.mu()
                : s.split("mu").random().nextDouble(settings.muLow(), settings.muHigh());
        return new CloudSample(channels.draw(s).estimate(), channels.model().rho(), mu);
    }

    /** Trains {@code params} in place; returns the loss of every iteration. */
    public LossCurve train(double[] params, ProgressListener progress) {
        CloudWorker worker = model.worker();
        ChannelModel channels = new ChannelModel(settings.trainingRadio(radio));
        Optimizer optimizer = settings.newOptimizer(params.length);
        double[] grad = new double[params.length];
        double[] sum = new double[params.length];
        double[] losses = new double[settings.iterations()];
        SplittableRandom rng = seed.split("cloud-train-policy").random();
        for (int e = 0; e < settings.nEpoch(); e++) {
            int inBatch = 0;
            for (int i = 0; i < settings.nData(); i++) {
                var objective = worker.objective(sample(channels, e, i), rng);
                if (settings.batch() == 1) {
                    losses[e * settings.nData() + i] = Steps.update(objective, params, grad, optimizer, e, settings.shift());
                } else {
                    losses[e * settings.nData() + i] = Steps.gradient(objective, params, grad, settings.shift());
                    for (int j = 0; j < grad.length; j++) {
                        sum[j] += grad[j];
                    }
                    if (++inBatch == settings.batch() || i == settings.nData() - 1) {
                        for (int j = 0; j < sum.length; j++) {
                            sum[j] /= inBatch;
                        }
                        optimizer.step(params, sum, e);
                        java.util.Arrays.fill(sum, 0.0);
                        inBatch = 0;
                    }
                }
                progress.step();
            }
        }
        return new LossCurve(losses, settings.nData());
    }
}
