package org.cfqnn.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cfqnn.experiment.ReproduceExperiment;
import org.cfqnn.experiment.ReproduceExperiment.Series;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.input.Require;
import org.cfqnn.io.AtomicFiles;
import org.cfqnn.io.JsonNodes;
import org.cfqnn.io.OutputDir;
import org.cfqnn.qnn.TrainedQnn;
import org.cfqnn.qnn.cloud.CharitablePaperCloud;
import org.cfqnn.qnn.train.CloudTrainer;
import org.cfqnn.qnn.train.LossCurve;
import org.cfqnn.qnn.train.SystemTrainer;
import org.cfqnn.report.CsvWriter;
import org.cfqnn.report.Plots;
import org.cfqnn.report.Progress;
import org.cfqnn.report.Stats;
import org.cfqnn.report.TextTable;
import org.cfqnn.rng.Seed;
import org.cfqnn.scenario.Models;
import org.cfqnn.scenario.Scenario;
import org.cfqnn.scenario.ScenarioSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cfqnn reproduce}: the paper's Section V with Table III's parameters, plus cfqnn's improved QNNs. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Reproduce Section V: train the paper's QNNs (Table III) and cfqnn's improved ones, then sweep "
                + "the interference factor mu_d over the same channels for every method.",
                "Writes rates.csv, trials.csv, summary.json, fig4-sum-rate.png, min-rate.png, ratio-to-optimum.png, "
                        + "fig5-cloud-loss.{csv,png}, fig6-edge-loss.{csv,png}."})
public final class ReproduceCommand implements Callable<Integer> {

    /** The improved system's settings, as --set overrides of the defaults (Table III for everything else). */
    static final List<String> IMPROVED = List.of(
            "cloud.ansatz=maxmin", "cloud.training.optimizer=adam", "cloud.training.learning-rate=0.0005",
            "cloud.training.gradient=adjoint", "cloud.training.n-data=2000", "cloud.training.n-epoch=6",
            "cloud.training.batch=8", "cloud.training.mu-range=[0.0, 0.5]",
            "edge.ansatz=amplitude", "edge.training.optimizer=adam", "edge.training.learning-rate=0.05",
            "edge.training.gradient=adjoint", "edge.training.n-data=100", "edge.training.n-epoch=20");

    @Spec
    CommandSpec spec;

    @Mixin
    ProgressOption progress;

    @Mixin
    KeepPartialOption keep;

    @Mixin
    PlotFormatOption plots;

    @Option(names = "--trials", paramLabel = "T", description = "Channel realizations per mu_d (default 1000, as the paper).")
    int trials = 1000;

    @Option(names = "--mu", split = ",", paramLabel = "MU", description = "Interference factors (default 0,0.1,0.2,0.3,0.4,0.5).")
    double[] mus = {0, 0.1, 0.2, 0.3, 0.4, 0.5};

    @Option(names = "--seed", paramLabel = "S", description = "Run seed (default: cfqnn.seed).")
    Long seed;

    @Option(names = "--paper", paramLabel = "SCENARIO", description = "Overrides for the paper system (default: none, Table III).")
    Path paperScenario;

    @Option(names = "--improved", paramLabel = "SCENARIO",
            description = "Settings of the improved system (default: max-min cloud + amplitude edges, see README).")
    Path improvedScenario;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the results.")
    Path out;

    @Override
    public Integer call() {
        Require.inRange("--trials", trials, 1, 10_000_000);
        for (double mu : mus) {
            if (!(mu >= 0 && mu <= 1)) {
                throw new InvalidInputException("--mu", mu, "must be interference factors in [0, 1]");
            }
        }
        List<String> seedSet = seed == null ? List.of() : List.of("seed=" + seed);
        ScenarioSettings paper = ScenarioSettings.of(Scenario.load(paperScenario, seedSet)).requireQnnFits();
        List<String> improvedSets = new ArrayList<>(improvedScenario == null ? IMPROVED : List.of());
        improvedSets.addAll(seedSet);
        ScenarioSettings improved = ScenarioSettings.of(Scenario.load(improvedScenario, improvedSets)).requireQnnFits();
        if (!paper.radio().equals(improved.radio())) {
            throw new InvalidInputException("--improved", improvedScenario, "must keep the paper system's radio settings");
        }
        long start = System.nanoTime();
        SystemTrainer.Run paperRun = train(paper);
        SystemTrainer.Run improvedRun = train(improved);
        TrainedQnn charitable = charitable(paper, paperRun.qnn());
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        long evalStart = System.nanoTime();
        ReproduceExperiment.Result result;
        try (Progress bar = Progress.start("evaluate", (long) trials * mus.length, progress.enabled())) {
            result = new ReproduceExperiment(paper.radio(), paperRun, improvedRun, charitable, new Seed(paper.seed()),
                    paper.optimumLimit()).run(mus, trials, bar);
        }
        double evalSeconds = (System.nanoTime() - evalStart) / 1e9;
        ReproduceExperiment.EdgeHeadline headline = ReproduceExperiment.edgeHeadline(paperRun, paper.radio());
        ReproduceExperiment.EdgeHeadline improvedHeadline = ReproduceExperiment.edgeHeadline(improvedRun, paper.radio());
        double totalSeconds = (System.nanoTime() - start) / 1e9;

        try (OutputDir dir = OutputDir.create(out, "cfqnn reproduce", keep.keepPartial)) {
            writeRates(result, dir.file("rates.csv"));
            writeTrials(result, dir.file("trials.csv"));
            plotVsMu(result, dir, "sumRate", "fig4-sum-rate.png", "Sum rate vs interference factor (Fig. 4)", "sum rate (bit/s/Hz)");
            plotVsMu(result, dir, "minRate", "min-rate.png", "Min user rate vs interference factor", "min rate (bit/s/Hz)");
            plotVsMu(result, dir, "ratio", "ratio-to-optimum.png", "Mean min rate / optimum", "ratio to optimum");
            writeCloudLoss(paperRun.cloudLoss(), improvedRun.cloudLoss(), dir);
            writeEdgeLoss(paperRun.edgeLoss(), headline.initialLoss(), improvedRun.edgeLoss(), improvedHeadline.initialLoss(), dir);
            ObjectNode summary = summary(result, paperRun, improvedRun, headline, improvedHeadline, paper);
            summary.put("trainSeconds", trainSeconds);
            summary.put("evaluateSeconds", evalSeconds);
            summary.put("totalSeconds", totalSeconds);
            AtomicFiles.writeString(dir.file("summary.json"), summary.toPrettyString() + "\n");
            dir.commit();
        }
        PrintWriter w = spec.commandLine().getOut();
        w.println("Mean min rate / optimum (trained on fresh channels; mu_d sweep, " + trials + " channels each):");
        w.print(table(result, "ratio"));
        w.println();
        w.println("Mean sum rate, bit/s/Hz (Fig. 4):");
        w.print(table(result, "sumRate"));
        w.println();
        w.printf("Edge QNN (paper ansatz), Fig. 6: loss %.2f with initial parameters -> %.2f over episode 1: "
                        + "%.1f%% drop (paper: 71.9%%); episodes 2-10 vary by %.1f%% (paper: 1.9%%)%n",
                headline.initialLoss(), headline.firstEpisodeLoss(), 100 * headline.firstEpisodeDrop(),
                100 * headline.variationEpisodes2to10());
        w.printf("Edge QNN (amplitude ansatz): %.1f%% drop in episode 1, episodes 2-10 vary by %.1f%%%n",
                100 * improvedHeadline.firstEpisodeDrop(), 100 * improvedHeadline.variationEpisodes2to10());
        int mu01 = indexOf(mus, 0.1);
        if (mu01 >= 0) {
            w.printf("At mu_d = 0.1: precoder quality (R_QNN / R_MR) paper edge %.4f, amplitude edge %.4f%n",
                    meanFinite(result.byMu().get(mu01).get(ReproduceExperiment.QNN_PAPER).precoderQuality()),
                    meanFinite(result.byMu().get(mu01).get(ReproduceExperiment.QNN_IMPROVED).precoderQuality()));
        }
        w.printf("Time: training %.1f s, evaluation %.1f s, total %.1f s. Results in %s%n", trainSeconds, evalSeconds,
                totalSeconds, out);
        return 0;
    }

    /**
     * The paper's cloud read charitably ({@link CharitablePaperCloud}), trained on the optimum's assignments
     * over the same mu range as the improved system, with the paper system's trained edges.
     */
    private static TrainedQnn charitable(ScenarioSettings s, TrainedQnn paper) {
        var radio = s.radio();
        var cloud = new CharitablePaperCloud(radio.nAp(), radio.nUser(), s.cloud().paperLayers(), s.optimumLimit());
        Seed root = new Seed(s.seed());
        double[] params = cloud.initialParameters(root.split("cloud-init"));
        new CloudTrainer(cloud, radio, CharitablePaperCloud.TRAINING, root).train(params, Progress.start("", 1, false));
        return new TrainedQnn(paper.nAp(), paper.nUser(), paper.nTx(), cloud, params, "direct", 1,
                CharitablePaperCloud.TRAINING, paper.edge(), paper.edgeParams(), paper.edgeTraining(), paper.seed());
    }

    private SystemTrainer.Run train(ScenarioSettings s) {
        return SystemTrainer.train(s.radio(), Models.cloud(s.cloud(), s.radio()), s.cloud().training(),
                s.cloud().decoding(), s.cloud().candidates(), Models.edge(s.edge(), s.radio()), s.edge().training(),
                s.seed(), org.cfqnn.report.Progress.factory(progress.mode()));
    }

    private static double[] metric(Series s, String metric) {
        return switch (metric) {
            case "sumRate" -> s.sumRate();
            case "minRate" -> s.minRate();
            case "ratio" -> s.ratio();
            default -> throw new IllegalArgumentException(metric);
        };
    }

    static String table(ReproduceExperiment.Result r, String metric) {
        String[] header = new String[r.mus().length + 1];
        header[0] = "method";
        for (int i = 0; i < r.mus().length; i++) {
            header[i + 1] = String.format("mu=%.2f", r.mus()[i]);
        }
        TextTable t = new TextTable(header);
        for (String method : r.byMu().get(0).keySet()) {
            Object[] row = new Object[r.mus().length + 1];
            row[0] = method;
            for (int i = 0; i < r.mus().length; i++) {
                row[i + 1] = String.format("%.3f", Stats.mean(metric(r.byMu().get(i).get(method), metric)));
            }
            t.row(row);
        }
        return t.toString();
    }

    private static void writeRates(ReproduceExperiment.Result r, Path file) {
        try (CsvWriter csv = new CsvWriter(file, List.of("mu", "method", "meanMinRate", "meanSumRate",
                "meanRatioToOptimum", "p10MinRate", "meanUnserved", "meanPrecoderQuality"))) {
            for (int i = 0; i < r.mus().length; i++) {
                for (Map.Entry<String, Series> e : r.byMu().get(i).entrySet()) {
                    Series s = e.getValue();
                    csv.row(r.mus()[i], e.getKey(), Stats.mean(s.minRate()), Stats.mean(s.sumRate()),
                            Stats.mean(s.ratio()), Stats.percentile(s.minRate(), 10), meanInt(s.unserved()),
                            meanFinite(s.precoderQuality()));
                }
            }
        }
    }

    private static void writeTrials(ReproduceExperiment.Result r, Path file) {
        try (CsvWriter csv = new CsvWriter(file, List.of("mu", "trial", "method", "minRate", "sumRate",
                "ratioToOptimum", "unserved", "precoderQuality"))) {
            for (int i = 0; i < r.mus().length; i++) {
                for (int t = 0; t < r.trials(); t++) {
                    for (Map.Entry<String, Series> e : r.byMu().get(i).entrySet()) {
                        Series s = e.getValue();
                        double q = s.precoderQuality()[t];
                        csv.row(r.mus()[i], t, e.getKey(), s.minRate()[t], s.sumRate()[t], s.ratio()[t],
                                s.unserved()[t], Double.isNaN(q) ? "" : q);
                    }
                }
            }
        }
    }

    private void plotVsMu(ReproduceExperiment.Result r, OutputDir dir, String metric, String file, String title,
                                 String yLabel) {
        Map<String, double[]> series = new LinkedHashMap<>();
        for (String method : r.byMu().get(0).keySet()) {
            double[] y = new double[r.mus().length];
            for (int i = 0; i < y.length; i++) {
                y[i] = Stats.mean(metric(r.byMu().get(i).get(method), metric));
            }
            series.put(method, y);
        }
        Plots.save(Plots.lines(title, "interference factor mu_d", yLabel, r.mus(), series), dir.file(file), plots.formats());
    }

    private void writeCloudLoss(LossCurve paper, LossCurve improved, OutputDir dir) {
        try (CsvWriter csv = new CsvWriter(dir.file("fig5-cloud-loss.csv"), List.of("system", "iteration", "epoch", "loss"))) {
            for (int i = 0; i < paper.perIteration().length; i++) {
                csv.row("qnn-paper", i, i / paper.nData(), paper.perIteration()[i]);
            }
            for (int i = 0; i < improved.perIteration().length; i++) {
                csv.row("qnn-improved", i, i / improved.nData(), improved.perIteration()[i]);
            }
        }
        double[] it = paper.perIteration();
        double[] x = new double[it.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
        }
        Plots.save(Plots.noisy("Cloud QNN (paper ansatz) training loss, Eq. 13 (Fig. 5)", "iteration", "loss", x, it,
                paper.nData(), "qnn-paper"), dir.file("fig5-cloud-loss.png"), plots.formats());
    }

    /**
     * Fig. 6 with episode 0, the loss of the initial parameters on episode 1's samples, so that the drop
     * over the first episode shows.
     */
    private void writeEdgeLoss(LossCurve paper, double paperInitial, LossCurve improved, double improvedInitial,
                               OutputDir dir) {
        double[] p = withInitial(paperInitial, paper.perEpoch());
        double[] q = withInitial(improvedInitial, improved.perEpoch());
        try (CsvWriter csv = new CsvWriter(dir.file("fig6-edge-loss.csv"), List.of("system", "episode", "meanLoss"))) {
            for (int e = 0; e < p.length; e++) {
                csv.row("qnn-paper", e, p[e]);
            }
            for (int e = 0; e < q.length; e++) {
                csv.row("qnn-improved", e, q[e]);
            }
        }
        double[] x = new double[p.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("paper edge ansatz", p);
        Plots.save(Plots.lines("Edge QNN training loss per episode, Eq. 17 (Fig. 6; episode 0: initial parameters)",
                "episode", "mean loss", x, series), dir.file("fig6-edge-loss.png"), plots.formats());
    }

    private static double[] withInitial(double initial, double[] perEpoch) {
        double[] out = new double[perEpoch.length + 1];
        out[0] = initial;
        System.arraycopy(perEpoch, 0, out, 1, perEpoch.length);
        return out;
    }

    private static ObjectNode summary(ReproduceExperiment.Result r, SystemTrainer.Run paper, SystemTrainer.Run improved,
                                      ReproduceExperiment.EdgeHeadline h, ReproduceExperiment.EdgeHeadline hi,
                                      ScenarioSettings s) {
        ObjectNode root = JsonNodes.MAPPER.createObjectNode();
        root.put("trials", r.trials());
        root.put("seed", s.seed());
        root.set("model", JsonNodes.MAPPER.valueToTree(s.radio()));
        ObjectNode training = root.putObject("training");
        for (var e : Map.of("paper", paper, "improved", improved).entrySet()) {
            ObjectNode t = training.putObject(e.getKey());
            t.put("cloudAnsatz", e.getValue().qnn().cloud().ansatz());
            t.put("cloudParameters", e.getValue().qnn().cloud().parameterCount());
            t.put("cloudSeconds", e.getValue().cloudSeconds());
            t.put("edgeAnsatz", e.getValue().qnn().edge().ansatz());
            t.put("edgeSeconds", e.getValue().edgeSeconds());
        }
        ObjectNode edge = root.putObject("edgeHeadline");
        edge.put("initialLoss", h.initialLoss());
        edge.put("firstEpisodeLoss", h.firstEpisodeLoss());
        edge.put("firstEpisodeDrop", h.firstEpisodeDrop());
        edge.put("variationEpisodes2to10", h.variationEpisodes2to10());
        edge.put("improvedFirstEpisodeDrop", hi.firstEpisodeDrop());
        ObjectNode byMu = root.putObject("results");
        for (int i = 0; i < r.mus().length; i++) {
            ObjectNode m = byMu.putObject(String.format("%.2f", r.mus()[i]));
            for (Map.Entry<String, Series> e : r.byMu().get(i).entrySet()) {
                ObjectNode x = m.putObject(e.getKey());
                x.put("meanMinRate", Stats.mean(e.getValue().minRate()));
                x.put("meanSumRate", Stats.mean(e.getValue().sumRate()));
                x.put("meanRatioToOptimum", Stats.mean(e.getValue().ratio()));
                x.put("meanUnserved", meanInt(e.getValue().unserved()));
                double q = meanFinite(e.getValue().precoderQuality());
                if (!Double.isNaN(q)) {
                    x.put("meanPrecoderQuality", q);
                }
            }
        }
        return root;
    }

    private static double meanFinite(double[] x) {
        double s = 0;
        int n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    private static double meanInt(int[] x) {
        double s = 0;
        for (int v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static int indexOf(double[] xs, double v) {
        for (int i = 0; i < xs.length; i++) {
            if (Math.abs(xs[i] - v) < 1e-12) {
                return i;
            }
        }
        return -1;
    }
}
