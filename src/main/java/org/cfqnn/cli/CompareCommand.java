package org.cfqnn.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cfqnn.baseline.AssignmentMethod;
import org.cfqnn.baseline.Baselines;
import org.cfqnn.baseline.OptimumBaseline;
import org.cfqnn.experiment.CompareExperiment;
import org.cfqnn.experiment.CompareExperiment.Series;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.input.Require;
import org.cfqnn.io.AtomicFiles;
import org.cfqnn.io.JsonNodes;
import org.cfqnn.io.OutputDir;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.report.CsvWriter;
import org.cfqnn.report.Plots;
import org.cfqnn.report.Progress;
import org.cfqnn.report.Stats;
import org.cfqnn.report.TextTable;
import org.cfqnn.rng.Seed;
import org.cfqnn.scenario.Defaults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cfqnn compare}: Monte-Carlo comparison of the classical assignment methods. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Monte-Carlo comparison of assignment methods (MR precoders) on fresh channels.",
                "Writes DIR/trials.csv, DIR/summary.json and DIR/min-rate-cdf.png; prints a table."})
public final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SizeOptions radio;

    @Mixin
    ProgressOption progress;

    @Mixin
    KeepPartialOption keep;

    @Mixin
    PlotFormatOption plots;

    @Option(names = "--trials", required = true, paramLabel = "T", description = "Number of channel realizations.")
    int trials;

    @Option(names = "--seed", paramLabel = "S", description = "Run seed (default: cfqnn.seed).")
    Long seed;

    @Option(names = "--methods", split = ",", paramLabel = "NAME",
            description = "Methods to compare (default: search, greedy-maxmin, random).")
    List<String> methods = List.of("search", "greedy-maxmin", "random");

    @Option(names = "--reference", paramLabel = "NAME",
            description = "Method the ratios are taken to (default: optimum; use greedy-maxmin for networks too large for it).")
    String reference = OptimumBaseline.NAME;

    @Option(names = "--layout", paramLabel = "random|fixed", description = "random (default): every trial drops "
            + "APs and users anew; fixed: one layout for the run, fresh fading and CSI error per trial, exactly as "
            + "'cfqnn run' draws its deployment steps with the same seed (trial t = step t).")
    String layout = "random";

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the results.")
    Path out;

    @Override
    public Integer call() {
        Require.inRange("--trials", trials, 1, 10_000_000);
        RadioModel model = radio.resolve();
        long limit = Defaults.cfqnn().block("baselines").getLong("optimum-limit");
        AssignmentMethod ref = method("--reference", reference, limit);
        if (ref instanceof OptimumBaseline opt) {
            try {
                opt.checkSize(model.nAp(), model.nUser());
            } catch (InvalidInputException e) {
                throw new InvalidInputException("--reference", "optimum", e.value() + ": " + e.allowed()
                        + "; pass --reference greedy-maxmin");
            }
        }
        List<AssignmentMethod> compared = new ArrayList<>();
        for (String name : methods) {
            if (!name.equals(ref.name())) {
                compared.add(method("--methods", name, limit));
            }
        }
        long runSeed = seed != null ? seed : Defaults.cfqnn().getLong("seed");
        CompareExperiment.Layouts layouts = switch (layout) {
            case "random" -> CompareExperiment.Layouts.RANDOM;
            case "fixed" -> CompareExperiment.Layouts.FIXED;
            default -> throw new InvalidInputException("--layout", layout, "must be random or fixed");
        };

        CompareExperiment.Result result;
        try (Progress bar = Progress.start("compare", trials, progress.enabled())) {
            result = new CompareExperiment(model, new Seed(runSeed), compared, ref, layouts).run(trials, bar);
        }
        try (OutputDir dir = OutputDir.create(out, "cfqnn compare", keep.keepPartial)) {
            writeCsv(result, dir.file("trials.csv"));
            AtomicFiles.writeString(dir.file("summary.json"), summary(result, model, runSeed).toPrettyString() + "\n");
            Map<String, double[]> cdf = new LinkedHashMap<>();
            result.series().forEach((name, s) -> cdf.put(name, s.minRate()));
            Plots.save(Plots.cdf(String.format("Min user rate, M=%d K=%d N=%d, rho=%.0f dB, mu=%.2f, %d trials",
                    model.nAp(), model.nUser(), model.nTx(), model.rhoDb(), model.mu(), trials),
                    "min rate (bit/s/Hz)", cdf), dir.file("min-rate-cdf.png"), plots.formats());
            dir.commit();
        }
        PrintWriter w = spec.commandLine().getOut();
        w.print(table(result));
        w.printf("results in %s%n", out);
        return 0;
    }

    private static AssignmentMethod method(String flag, String name, long limit) {
        try {
            return Baselines.byName(name, limit);
        } catch (InvalidInputException e) {
            throw e.renamed(Map.of("method", flag));
        }
    }

    static String table(CompareExperiment.Result r) {
        double[] refMin = r.series().get(r.reference()).minRate();
        TextTable t = new TextTable("method", "mean min rate", "mean sum rate", "mean ratio to " + r.reference(),
                "ratio of means", "p10 min rate", "unserved/trial");
        r.series().forEach((name, s) -> t.row(name, Stats.mean(s.minRate()), Stats.mean(s.sumRate()),
                Stats.mean(s.ratioToReference()), Stats.mean(s.minRate()) / Stats.mean(refMin),
                Stats.percentile(s.minRate(), 10), meanInt(s.unserved())));
        return t.toString();
    }

    private static ObjectNode summary(CompareExperiment.Result r, RadioModel model, long seed) {
        ObjectNode root = JsonNodes.MAPPER.createObjectNode();
        root.put("trials", r.trials());
        root.put("seed", seed);
        root.put("reference", r.reference());
        root.set("model", JsonNodes.MAPPER.valueToTree(model));
        ObjectNode methods = root.putObject("methods");
        double refMean = Stats.mean(r.series().get(r.reference()).minRate());
        r.series().forEach((name, s) -> {
            ObjectNode m = methods.putObject(name);
            m.put("meanMinRate", Stats.mean(s.minRate()));
            m.put("meanSumRate", Stats.mean(s.sumRate()));
            m.put("meanRatioToReference", Stats.mean(s.ratioToReference()));
            m.put("ratioOfMeans", Stats.mean(s.minRate()) / refMean);
            m.put("p10MinRate", Stats.percentile(s.minRate(), 10));
            m.put("p50MinRate", Stats.percentile(s.minRate(), 50));
            m.put("meanUnserved", meanInt(s.unserved()));
        });
        return root;
    }

    private static void writeCsv(CompareExperiment.Result r, Path file) {
        try (CsvWriter csv = new CsvWriter(file, List.of("trial", "method", "minRate", "sumRate", "unserved",
                "ratioToReference"))) {
            for (int t = 0; t < r.trials(); t++) {
                for (Map.Entry<String, Series> e : r.series().entrySet()) {
                    Series s = e.getValue();
                    csv.row(t, e.getKey(), s.minRate()[t], s.sumRate()[t], s.unserved()[t], s.ratioToReference()[t]);
                }
            }
        }
    }

    private static double meanInt(int[] x) {
        double s = 0;
        for (int v : x) {
            s += v;
        }
        return s / x.length;
    }
}
