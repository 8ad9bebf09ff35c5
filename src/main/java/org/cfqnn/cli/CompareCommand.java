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
import org.cfqnn.experiment.CompareExperiment.Certificates;
import org.cfqnn.experiment.CompareExperiment.Series;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.input.Require;
import org.cfqnn.io.AtomicFiles;
import org.cfqnn.io.JsonNodes;
import org.cfqnn.io.OutputDir;
import org.cfqnn.qnn.ModelFiles;
import org.cfqnn.qnn.QnnAssignment;
import org.cfqnn.qnn.TrainedQnn;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.report.CsvWriter;
import org.cfqnn.report.Plots;
import org.cfqnn.report.Progress;
import org.cfqnn.report.Stats;
import org.cfqnn.report.TextTable;
import org.cfqnn.rng.Seed;
import org.cfqnn.scenario.BaselineSettings;
import org.cfqnn.scenario.Defaults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cfqnn compare}: Monte-Carlo comparison of assignment methods, trained cloud QNNs among them. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Monte-Carlo comparison of assignment methods (MR precoders) on fresh channels,",
                "trained cloud QNNs among them with --model.",
                "Writes DIR/trials.csv, DIR/summary.json and DIR/min-rate-cdf.png; prints a table",
                "with each method's mean decision time. The optimum enumerates up to",
                "baselines.optimum-limit assignments K^M; beyond, CP-SAT searches within the time",
                "limit and each trial reports a proven upper bound on the min rate and the gap.",
                "Every method's min rate on the estimate is then also given as a ratio to it."})
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
            description = "Method the ratios are taken to (default: optimum; greedy-maxmin for networks too large for it).")
    String reference = OptimumBaseline.NAME;

    @Option(names = "--layout", paramLabel = "random|fixed", description = "random (default): every trial drops "
            + "APs and users anew; fixed: one layout for the run, fresh fading and CSI error per trial, exactly as "
            + "'cfqnn run' draws its deployment steps with the same seed (trial t = step t).")
    String layout = "random";

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the results.")
    Path out;

    @Option(names = "--model", paramLabel = "DIR", description = "Trained models (cfqnn train) whose cloud QNN "
            + "is compared too, named qnn-<cloud ansatz> (the directory's name when two clash); repeatable. A "
            + "size-free cloud trained on another network size decodes this one.")
    List<Path> models = List.of();

    @Option(names = "--optimum-time-limit", paramLabel = "SECONDS",
            description = "Time the CP-SAT optimum may take per trial (default: baselines.optimum-time-limit).")
    Double optimumTimeLimit;

    @Override
    public Integer call() {
        Require.inRange("--trials", trials, 1, 10_000_000);
        RadioModel model = radio.resolve();
        BaselineSettings baselines = baselineSettings(optimumTimeLimit);
        AssignmentMethod ref = method("--reference", reference, baselines);
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
                AssignmentMethod m = method("--methods", name, baselines);
                if (m instanceof OptimumBaseline opt) {
                    try {
                        opt.checkSize(model.nAp(), model.nUser());
                    } catch (InvalidInputException e) {
                        throw new InvalidInputException("--methods", "optimum", e.value() + ": " + e.allowed());
                    }
                }
                compared.add(m);
            }
        }
        compared.addAll(qnnMethods(model));
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
            AtomicFiles.writeString(dir.file("summary.json"), summary(result, model, runSeed, baselines).toPrettyString() + "\n");
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

    /** The baselines block of application.conf, with the time limit given on the command line. */
    static BaselineSettings baselineSettings(Double optimumTimeLimit) {
        BaselineSettings b = BaselineSettings.defaults();
        if (optimumTimeLimit == null) {
            return b;
        }
        try {
            return b.withOptimumTimeLimit(optimumTimeLimit);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("--optimum-time-limit", optimumTimeLimit, "must be a number of seconds > 0, at most "
                    + (long) BaselineSettings.MAX_TIME_LIMIT);
        }
    }

    /** One method per --model directory, resized to the compared network. */
    private List<AssignmentMethod> qnnMethods(RadioModel model) {
        List<AssignmentMethod> out = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>(methods);
        names.add(reference);
        for (Path dir : models) {
            TrainedQnn q = ModelFiles.read(dir).resized(model.nAp(), model.nUser(), model.nTx(), "--model");
            String name = QnnAssignment.defaultName(q);
            if (!names.add(name)) {
                name = dir.toAbsolutePath().normalize().getFileName().toString();
                if (!names.add(name)) {
                    throw new InvalidInputException("--model", dir, "names a method already compared (" + name
                            + "); give each model directory its own name");
                }
            }
            out.add(new QnnAssignment(name, q));
        }
        return out;
    }

    private static AssignmentMethod method(String flag, String name, BaselineSettings b) {
        try {
            return Baselines.byName(name, b.optimumLimit(), b.optimumTimeLimit());
        } catch (InvalidInputException e) {
            throw e.renamed(Map.of("method", flag));
        }
    }

    static String table(CompareExperiment.Result r) {
        double[] refMin = r.series().get(r.reference()).minRate();
        Certificates c = r.certificates();
        List<String> header = new ArrayList<>(List.of("method", "mean min rate", "mean sum rate",
                "mean ratio to " + r.reference(), "ratio of means", "p10 min rate", "unserved/trial"));
        if (c != null) {
            header.add("mean ratio to bound");
        }
        header.add("ms/decision");
        TextTable t = new TextTable(header.toArray(String[]::new));
        r.series().forEach((name, s) -> {
            List<Object> row = new ArrayList<>(List.of(name, Stats.mean(s.minRate()), Stats.mean(s.sumRate()),
                    Stats.mean(s.ratioToReference()), Stats.mean(s.minRate()) / Stats.mean(refMin),
                    Stats.percentile(s.minRate(), 10), meanInt(s.unserved())));
            if (c != null) {
                row.add(Stats.mean(s.ratioToBound()));
            }
            row.add(milliseconds(Stats.mean(s.decisionMs())));
            t.row(row.toArray());
        });
        String text = t.toString();
        if (c != null) {
            text += String.format("optimum: proven optimal on %d of %d trials; gap to the bound mean %.2f %%, max %.2f %%"
                    + " (bound and ratio to bound: min rate on the estimate)%n", c.provenCount(), r.trials(),
                    100 * Stats.mean(c.gap()), 100 * max(c.gap()));
        }
        return text;
    }

    private static String milliseconds(double ms) {
        return ms >= 100 ? String.format("%.0f", ms) : ms >= 1 ? String.format("%.2f", ms) : String.format("%.4f", ms);
    }

    private static double max(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static ObjectNode summary(CompareExperiment.Result r, RadioModel model, long seed, BaselineSettings b) {
        ObjectNode root = JsonNodes.MAPPER.createObjectNode();
        root.put("trials", r.trials());
        root.put("seed", seed);
        root.put("reference", r.reference());
        root.set("model", JsonNodes.MAPPER.valueToTree(model));
        root.put("optimumLimit", b.optimumLimit());
        root.put("optimumTimeLimitSeconds", b.optimumTimeLimit());
        ObjectNode methods = root.putObject("methods");
        double refMean = Stats.mean(r.series().get(r.reference()).minRate());
        Certificates c = r.certificates();
        r.series().forEach((name, s) -> {
            ObjectNode m = methods.putObject(name);
            m.put("meanMinRate", Stats.mean(s.minRate()));
            m.put("meanSumRate", Stats.mean(s.sumRate()));
            m.put("meanRatioToReference", Stats.mean(s.ratioToReference()));
            m.put("ratioOfMeans", Stats.mean(s.minRate()) / refMean);
            m.put("p10MinRate", Stats.percentile(s.minRate(), 10));
            m.put("p50MinRate", Stats.percentile(s.minRate(), 50));
            m.put("meanUnserved", meanInt(s.unserved()));
            if (c != null) {
                m.put("meanRatioToBound", Stats.mean(s.ratioToBound()));
            }
        });
        if (c != null) {
            ObjectNode o = root.putObject("optimumBound");
            o.put("provenTrials", c.provenCount());
            o.put("meanBound", Stats.mean(c.bound()));
            o.put("meanGap", Stats.mean(c.gap()));
            o.put("maxGap", max(c.gap()));
        }
        // wall-clock measurements: the only part that differs between two runs with one seed
        ObjectNode performance = root.putObject("performance");
        r.series().forEach((name, s) -> {
            ObjectNode m = performance.putObject(name);
            m.put("meanDecisionMs", Stats.mean(s.decisionMs()));
            m.put("p50DecisionMs", Stats.percentile(s.decisionMs(), 50));
            m.put("maxDecisionMs", max(s.decisionMs()));
        });
        return root;
    }

    private static void writeCsv(CompareExperiment.Result r, Path file) {
        Certificates c = r.certificates();
        try (CsvWriter csv = new CsvWriter(file, List.of("trial", "method", "minRate", "sumRate", "unserved",
                "ratioToReference", "ratioToBound", "bound", "gap", "proven"))) {
            for (int t = 0; t < r.trials(); t++) {
                for (Map.Entry<String, Series> e : r.series().entrySet()) {
                    Series s = e.getValue();
                    boolean proof = c != null && e.getKey().equals(r.reference());
                    csv.row(t, e.getKey(), s.minRate()[t], s.sumRate()[t], s.unserved()[t], s.ratioToReference()[t],
                            c != null ? s.ratioToBound()[t] : null, proof ? c.bound()[t] : null,
                            proof ? c.gap()[t] : null, proof ? c.proven()[t] : null);
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
