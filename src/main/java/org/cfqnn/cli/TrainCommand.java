package org.cfqnn.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cfqnn.qnn.ModelFiles;
import org.cfqnn.qnn.train.LossCurve;
import org.cfqnn.qnn.train.SystemTrainer;
import org.cfqnn.io.OutputDir;
import org.cfqnn.report.CsvWriter;
import org.cfqnn.report.Plots;
import org.cfqnn.scenario.Models;
import org.cfqnn.scenario.ScenarioSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cfqnn train}: trains the cloud QNN, then the edge QNNs on its assignments, and writes the models. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the scenario's cloud QNN (Algorithm 2), then its edge QNNs on the cloud's assignments "
                + "(Algorithm 3).", "Writes DIR/cloud.json, DIR/edge-<m>.json (model files), DIR/{cloud,edge}-loss.csv and "
                + "DIR/{cloud,edge}-loss.png."})
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions scenario;

    @Mixin
    ProgressOption progress;

    @Mixin
    KeepPartialOption keep;

    @Mixin
    PlotFormatOption plots;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the model files.")
    Path out;

    @Override
    public Integer call() {
        ScenarioSettings s = scenario.settings().requireQnnFits();
        SystemTrainer.Run run = SystemTrainer.train(s.radio(), Models.cloud(s.cloud(), s.radio()),
                s.cloud().training(), s.cloud().decoding(), s.cloud().candidates(), Models.edge(s.edge(), s.radio()),
                s.edge().training(), s.seed(), org.cfqnn.report.Progress.factory(progress.mode()));
        try (OutputDir dir = OutputDir.create(out, "cfqnn train", keep.keepPartial)) {
            ModelFiles.write(run.qnn(), run.cloudLoss().perEpoch(), run.edgeLoss().perEpoch(), dir.staging());
            writeCurve(run.cloudLoss(), dir.file("cloud-loss.csv"), dir.file("cloud-loss.png"),
                    "Cloud QNN (" + run.qnn().cloud().ansatz() + ") training loss", plots.formats());
            writeCurve(run.edgeLoss(), dir.file("edge-loss.csv"), dir.file("edge-loss.png"),
                    "Edge QNN (" + run.qnn().edge().ansatz() + ") training loss, mean over APs", plots.formats());
            dir.commit();
        }
        PrintWriter w = spec.commandLine().getOut();
        double[] c = run.cloudLoss().perEpoch();
        double[] e = run.edgeLoss().perEpoch();
        w.printf("cloud %s: %d iterations in %.1f s, loss %.4g (epoch 1) -> %.4g (epoch %d)%n", run.qnn().cloud().ansatz(),
                run.cloudLoss().perIteration().length, run.cloudSeconds(), c[0], c[c.length - 1], c.length);
        w.printf("edge %s: %d iterations in %.1f s, loss %.4g (epoch 1) -> %.4g (epoch %d)%n", run.qnn().edge().ansatz(),
                run.edgeLoss().perIteration().length, run.edgeSeconds(), e[0], e[e.length - 1], e.length);
        var radio = s.radio();
        var training = s.cloud().training();
        long circuits = run.qnn().cloud().circuitsPerInference(radio.nAp(), radio.nUser());
        w.printf("cloud %s: %d circuit%s of %d qubits per decision at M=%d K=%d (trained on %s)%n", run.qnn().cloud().ansatz(),
                circuits, circuits == 1 ? "" : "s", run.qnn().cloud().qubits(), radio.nAp(),
                radio.nUser(), training.transfers() ? training.trainAps() + " x " + training.trainUsers() + " networks"
                        : "this network");
        w.printf("models in %s%n", out);
        return 0;
    }

    static void writeCurve(LossCurve curve, Path csv, Path png, String title, java.util.Set<Plots.Format> formats) {
        double[] it = curve.perIteration();
        try (CsvWriter writer = new CsvWriter(csv, List.of("iteration", "epoch", "loss"))) {
            for (int i = 0; i < it.length; i++) {
                writer.row(i, i / curve.nData(), it[i]);
            }
        }
        double[] epochs = curve.perEpoch();
        double[] x = new double[epochs.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("mean loss per epoch", epochs);
        Plots.save(Plots.lines(title, "epoch", "loss", x, series), png, formats);
    }
}
