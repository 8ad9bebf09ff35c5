package org.cfqnn.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cfqnn.baseline.AssignmentMethod;
import org.cfqnn.baseline.AssignmentProblem;
import org.cfqnn.baseline.GreedyMaxMin;
import org.cfqnn.baseline.OptimumBaseline;
import org.cfqnn.baseline.RandomBaseline;
import org.cfqnn.baseline.SearchBaseline;
import org.cfqnn.qnn.Deployment;
import org.cfqnn.qnn.TrainedQnn;
import org.cfqnn.qnn.cloud.CloudSample;
import org.cfqnn.qnn.edge.EdgeWorker;
import org.cfqnn.qnn.train.SystemTrainer;
import org.cfqnn.radio.ChannelModel;
import org.cfqnn.radio.MrTable;
import org.cfqnn.radio.Precoders;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.radio.RateReport;
import org.cfqnn.radio.Rates;
import org.cfqnn.radio.Realization;
import org.cfqnn.report.Progress;
import org.cfqnn.rng.Seed;

/**
 * The paper's Section V experiment (Fig. 4: rates versus the interference factor mu_d), with every
 * method on the same channels: trial t is realization {@code reproduce/t} at every mu_d (common random
 * numbers), so differences between methods and between mu_d are not channel noise. QNN systems are
 * evaluated trained and, as an ablation, with their initial parameters (untrained cloud, trained
 * edges), so that quality visibly comes from training.
 */
public final class ReproduceExperiment {

    /** Methods in the order tables and plots list them. */
    public static final String OPTIMUM = "optimum";
    public static final String GREEDY = "greedy-maxmin";
    public static final String SEARCH = "search";
    public static final String RANDOM = "random";
    public static final String QNN_IMPROVED = "qnn-improved";
    public static final String QNN_IMPROVED_SAMPLED = "qnn-improved-sampled";
    public static final String QNN_IMPROVED_UNTRAINED = "qnn-improved-untrained";
    public static final String QNN_PAPER = "qnn-paper";
    public static final String QNN_PAPER_UNTRAINED = "qnn-paper-untrained";
    public static final String QNN_PAPER_CHARITABLE = "qnn-paper-charitable";

    private final RadioModel radio;
    private final SystemTrainer.Run paper;
    private final SystemTrainer.Run improved;
    private final TrainedQnn paperCharitable;
    private final Seed seed;
    private final long optimumLimit;

    /** {@code paperCharitable}: the paper's cloud read charitably, with the paper system's edges (null: left out). */
    public ReproduceExperiment(RadioModel radio, SystemTrainer.Run paper, SystemTrainer.Run improved,
                               TrainedQnn paperCharitable, Seed seed, long optimumLimit) {
        this.radio = radio;
        this.paper = paper;
        this.improved = improved;
        this.paperCharitable = paperCharitable;
        this.seed = seed;
        this.optimumLimit = optimumLimit;
    }

    /** Per-trial results of one method at one mu. */
    public record Series(double[] minRate, double[] sumRate, double[] ratio, int[] unserved, double[] precoderQuality) {
        static Series of(int trials) {
            double[] q = new double[trials];
            java.util.Arrays.fill(q, Double.NaN);
            return new Series(new double[trials], new double[trials], new double[trials], new int[trials], q);
        }
    }

    /** Results per mu (in sweep order), then per method. */
    public record Result(double[] mus, List<Map<String, Series>> byMu, int trials) {
    }

    public Result run(double[] mus, int trials, Progress progress) {
        List<Map<String, Series>> byMu = new ArrayList<>();
        TrainedQnn paperUntrained = withInitialCloud(paper);
        TrainedQnn improvedUntrained = withInitialCloud(improved);
        TrainedQnn improvedSampled = withDecoding(improved.qnn(), "sampled");
        TrainedQnn improvedDirect = withDecoding(improved.qnn(), "direct");
        Map<String, Deployment> qnns = new LinkedHashMap<>();
        qnns.put(QNN_IMPROVED, new Deployment(improvedDirect));
        qnns.put(QNN_IMPROVED_SAMPLED, new Deployment(improvedSampled));
        qnns.put(QNN_IMPROVED_UNTRAINED, new Deployment(improvedUntrained));
        qnns.put(QNN_PAPER, new Deployment(paper.qnn()));
        qnns.put(QNN_PAPER_UNTRAINED, new Deployment(paperUntrained));
        if (paperCharitable != null) {
            qnns.put(QNN_PAPER_CHARITABLE, new Deployment(paperCharitable));
        }
        Map<String, AssignmentMethod> classical = new LinkedHashMap<>();
        classical.put(OPTIMUM, new OptimumBaseline(optimumLimit));
        classical.put(GREEDY, new GreedyMaxMin());
        classical.put(SEARCH, new SearchBaseline());
        classical.put(RANDOM, new RandomBaseline());
        for (double mu : mus) {
            RadioModel model = radio.withMu(mu);
            ChannelModel channels = new ChannelModel(model);
            Map<String, Series> series = new LinkedHashMap<>();
            classical.keySet().forEach(n -> series.put(n, Series.of(trials)));
            qnns.keySet().forEach(n -> series.put(n, Series.of(trials)));
            for (int t = 0; t < trials; t++) {
                Seed trialSeed = seed.split("reproduce", t);
                Realization r = channels.draw(trialSeed);
                AssignmentProblem problem = AssignmentProblem.of(r.estimate(), model.rho(), mu);
                MrTable onTruth = MrTable.of(r.truth(), r.estimate());
                double optimumMin = Double.NaN;
                for (Map.Entry<String, AssignmentMethod> e : classical.entrySet()) {
                    int[] a = e.getValue().assign(problem, trialSeed.split("method", e.getKey().hashCode()).random());
                    RateReport rates = onTruth.rates(a, model.rho(), mu);
                    if (e.getKey().equals(OPTIMUM)) {
                        optimumMin = rates.minRate();
                    }
                    record(series.get(e.getKey()), t, rates, optimumMin, Double.NaN);
                }
                for (Map.Entry<String, Deployment> e : qnns.entrySet()) {
                    Deployment d = e.getValue();
                    SplittableRandom rng = trialSeed.split("method", e.getKey().hashCode()).random();
                    int[] a = d.assign(r.estimate(), model.rho(), mu, rng);
                    Precoders v = d.precode(r.estimate(), a);
                    RateReport rates = Rates.evaluate(r.truth(), a, v, model.rho(), mu);
                    record(series.get(e.getKey()), t, rates, optimumMin,
                            PrecoderQuality.of(r.truth(), r.estimate(), a, v, model.rho(), mu));
                }
                progress.step();
            }
            byMu.add(series);
        }
        return new Result(mus.clone(), byMu, trials);
    }

    private static void record(Series s, int t, RateReport rates, double optimumMin, double quality) {
        s.minRate()[t] = rates.minRate();
        s.sumRate()[t] = rates.sumRate();
        s.ratio()[t] = rates.minRate() / optimumMin;
        s.unserved()[t] = rates.unserved();
        s.precoderQuality()[t] = quality;
    }

    private static TrainedQnn withInitialCloud(SystemTrainer.Run run) {
        TrainedQnn q = run.qnn();
        return new TrainedQnn(q.nAp(), q.nUser(), q.nTx(), q.cloud(), run.cloudInitial(), q.decoding(), q.candidates(),
                q.cloudTraining(), q.edge(), q.edgeParams(), q.edgeTraining(), q.seed());
    }

    private static TrainedQnn withDecoding(TrainedQnn q, String decoding) {
        return new TrainedQnn(q.nAp(), q.nUser(), q.nTx(), q.cloud(), q.cloudParams(), decoding, q.candidates(),
                q.cloudTraining(), q.edge(), q.edgeParams(), q.edgeTraining(), q.seed());
    }

    /**
     * The edge headline statistics of Sec. V (Fig. 6). {@code firstEpisodeDrop}: how much lower the mean
     * training loss of episode 1 is than the loss of the initial parameters on the same samples;
     * {@code variationEpisodes2to10}: (max - min) / mean of the per-episode mean loss over episodes 2-10.
     */
    public record EdgeHeadline(double initialLoss, double firstEpisodeLoss, double firstEpisodeDrop,
                               double variationEpisodes2to10) {
    }

    /** Evaluates the initial edge parameters on episode 1's samples (same channels and assignments). */
    public static EdgeHeadline edgeHeadline(SystemTrainer.Run run, RadioModel radio) {
        TrainedQnn q = run.qnn();
        var settings = q.edgeTraining();
        Seed root = new Seed(q.seed());
        ChannelModel channels = new ChannelModel(radio);
        EdgeWorker edge = q.edge().worker();
        var cloud = q.cloud().worker();
        double initial = 0;
        for (int i = 0; i < settings.nData(); i++) {
            Realization r = channels.draw(root.split("edge-train", 0, i));
            int[] a = cloud.assign(new CloudSample(r.estimate(), radio.rho(), radio.mu()), q.cloudParams());
            for (int m = 0; m < q.nAp(); m++) {
                initial += edge.objective(r.estimate(), m, a[m], radio.rho()).loss(run.edgeInitial()[m]);
            }
        }
        initial /= settings.nData() * q.nAp();
        double[] epochs = run.edgeLoss().perEpoch();
        double first = epochs[0];
        double variation = Double.NaN;
        if (epochs.length >= 10) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double mean = 0;
            for (int e = 1; e < 10; e++) {
                min = Math.min(min, epochs[e]);
                max = Math.max(max, epochs[e]);
                mean += epochs[e] / 9;
            }
            variation = (max - min) / mean;
        }
        return new EdgeHeadline(initial, first, (initial - first) / initial, variation);
    }
}
