package org.cfqnn.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cfqnn.experiment.AblationExperiment;
import org.cfqnn.experiment.CloudAssignment;
import org.cfqnn.experiment.CompareExperiment;
import org.cfqnn.input.Require;
import org.cfqnn.io.AtomicFiles;
import org.cfqnn.io.JsonNodes;
import org.cfqnn.io.OutputDir;
import org.cfqnn.report.CsvWriter;
import org.cfqnn.report.Progress;
import org.cfqnn.report.Stats;
import org.cfqnn.report.TextTable;
import org.cfqnn.scenario.ScenarioSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cfqnn ablation}: the max-min cloud QNN against its ablations and the classical methods. */
@Command(name = "ablation", mixinStandardHelpOptions = true,
        description = {"Train the scenario's max-min cloud QNN and its ablations (untrained, circuits off, teachers, "
                + "shorter decoders, two rounds, classical scorer, graph QNN, paper ansatz where it fits), then "
                + "evaluate them with search, greedy-maxmin and random on held-out channels (MR precoders).",
                "Writes DIR/ablation.csv, DIR/trials.csv and DIR/summary.json; prints the table."})
public final class AblationCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions scenario;

    @Mixin
    ProgressOption progress;

    @Option(names = "--trials", paramLabel = "T", description = "Held-out channels (default 300).")
    int trials = 300;

    @Option(names = "--eval-seed", paramLabel = "E",
            description = "Seed of the held-out channels: compare's trial streams of this seed (default: run seed + 1).")
    Long evalSeed;

    @Option(names = "--variants", split = ",", paramLabel = "NAME",
            description = "Variants to train (default: all of maxmin, maxmin-untrained, maxmin-priors, maxmin-imitate-greedy, "
                    + "maxmin-imitate-optimum, maxmin-no-polish, maxmin-matching, maxmin-argmax, maxmin-rounds-2, "
                    + "maxmin-classical, graph, paper).")
    List<String> variants = AblationExperiment.VARIANTS;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the results.")
    Path out;

    @Override
    public Integer call() {
        Require.inRange("--trials", trials, 1, 10_000_000);
        ScenarioSettings s = scenario.settings();
        long eval = evalSeed != null ? evalSeed : s.seed() + 1;
        AblationExperiment.Result r;
        try (Progress bar = Progress.start("ablation", trials, progress.enabled())) {
            r = new AblationExperiment(s).run(variants, trials, eval, bar);
        }
        List<Row> rows = rows(r, s);
        try (OutputDir dir = OutputDir.create(out)) {
            try (CsvWriter csv = new CsvWriter(dir.file("ablation.csv"), List.of("method", "meanMinRate", "meanRatio",
                    "p10MinRate", "unservedPerTrial", "circuitsCharged", "circuitsRun", "qubits", "trainSeconds",
                    "trainedOn", "decisionMicros", "decoderMicros"))) {
                rows.forEach(x -> csv.row(x.name, x.mean, x.ratio, x.p10, x.unserved, x.circuits, x.run, x.qubits, x.train,
                        x.trainedOn, x.micros, x.decoder));
            }
            writeTrials(r.compare(), dir.file("trials.csv"));
            AtomicFiles.writeString(dir.file("summary.json"), summary(r, s, eval, rows).toPrettyString() + "\n");
            dir.commit();
        }
        PrintWriter w = spec.commandLine().getOut();
        w.printf("M=%d K=%d N=%d, %d held-out channels (seed %d), ratios to %s:%n", s.radio().nAp(), s.radio().nUser(),
                s.radio().nTx(), trials, eval, r.compare().reference());
        w.print(table(rows, r.compare().reference()));
        w.printf("results in %s%n", out);
        return 0;
    }

    /** One line of the table. */
    private record Row(String name, double mean, double ratio, double p10, double unserved, String circuits, String run,
                       String qubits, String train, String trainedOn, String micros, String decoder) {
    }

    private static List<Row> rows(AblationExperiment.Result r, ScenarioSettings s) {
        Map<String, AblationExperiment.Variant> byName = new LinkedHashMap<>();
        r.variants().forEach(v -> byName.put(v.name(), v));
        List<Row> rows = new ArrayList<>();
        r.compare().series().forEach((name, x) -> {
            AblationExperiment.Variant v = byName.get(name);
            CloudAssignment c = v == null ? null : (CloudAssignment) v.method();
            rows.add(new Row(name, Stats.mean(x.minRate()), Stats.mean(x.ratioToReference()), Stats.percentile(x.minRate(), 10),
                    meanInt(x.unserved()), v == null ? "-" : Long.toString(v.circuitsCharged()),
                    c == null || Double.isNaN(c.circuitsRun()) ? "-" : String.format("%.1f", c.circuitsRun()),
                    v == null ? "-" : Integer.toString(v.qubits()), v == null ? "-" : String.format("%.1f", v.trainSeconds()),
                    v == null ? "-" : v.trainedOn(), c == null ? "-" : String.format("%.0f", c.microsPerDecision()),
                    c == null || Double.isNaN(c.decoderMicros()) ? "-" : String.format("%.0f", c.decoderMicros())));
        });
        return rows;
    }

    static String table(List<Row> rows, String reference) {
        TextTable t = new TextTable("method", "mean min rate", "mean ratio to " + reference, "p10 min rate",
                "unserved/trial", "circuits/decision (charged)", "circuits run", "qubits", "train s", "trained on",
                "decision us (this JVM)", "decoder us");
        rows.forEach(x -> t.row(x.name, String.format("%.3f", x.mean), String.format("%.3f", x.ratio),
                String.format("%.3f", x.p10), String.format("%.3f", x.unserved), x.circuits, x.run, x.qubits, x.train,
                x.trainedOn, x.micros, x.decoder));
        return t.toString();
    }

    private static void writeTrials(CompareExperiment.Result r, Path file) {
        try (CsvWriter csv = new CsvWriter(file, List.of("trial", "method", "minRate", "sumRate", "unserved",
                "ratioToReference"))) {
            for (int t = 0; t < r.trials(); t++) {
                for (Map.Entry<String, CompareExperiment.Series> e : r.series().entrySet()) {
                    CompareExperiment.Series s = e.getValue();
                    csv.row(t, e.getKey(), s.minRate()[t], s.sumRate()[t], s.unserved()[t], s.ratioToReference()[t]);
                }
            }
        }
    }

    private static ObjectNode summary(AblationExperiment.Result r, ScenarioSettings s, long eval, List<Row> rows) {
        ObjectNode root = JsonNodes.MAPPER.createObjectNode();
        root.put("trials", r.compare().trials());
        root.put("seed", s.seed());
        root.put("evalSeed", eval);
        root.put("reference", r.compare().reference());
        root.set("model", JsonNodes.MAPPER.valueToTree(s.radio()));
        ObjectNode methods = root.putObject("methods");
        for (Row x : rows) {
            ObjectNode m = methods.putObject(x.name);
            m.put("meanMinRate", x.mean);
            m.put("meanRatioToReference", x.ratio);
            m.put("p10MinRate", x.p10);
            m.put("meanUnserved", x.unserved);
            m.put("circuitsCharged", x.circuits);
            m.put("circuitsRun", x.run);
            m.put("qubits", x.qubits);
            m.put("trainSeconds", x.train);
            m.put("trainedOn", x.trainedOn);
            m.put("decisionMicros", x.micros);
            m.put("decoderMicros", x.decoder);
        }
        return root;
    }

    private static double meanInt(int[] x) {
        double sum = 0;
        for (int v : x) {
            sum += v;
        }
        return sum / x.length;
    }
}
