package org.cfqnn.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.cfqnn.emulator.Emulation;
import org.cfqnn.emulator.EmulatorRunner;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.io.AtomicFiles;
import org.cfqnn.io.OutputDir;
import org.cfqnn.report.EmulatorReport;
import org.cfqnn.report.Plots;
import org.cfqnn.report.Progress;
import org.cfqnn.report.SequenceChart;
import org.cfqnn.report.TextTable;
import org.cfqnn.scenario.Defaults;
import org.cfqnn.scenario.Scenario;
import org.cfqnn.scenario.ScenarioSettings;
import org.cfqnn.scenario.Sweep;
import org.cfqnn.trace.TraceReader;
import org.cfqnn.trace.TraceViewer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cfqnn run}: the emulator, on a scenario file. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Emulate the scenario's protocols with actors (APs, users, edges, the cloud, the air interface) "
                + "on the same channel realizations.", "Writes DIR/summary.json, steps.csv, trace.jsonl, rates-over-time.png, "
                + "latency-cdf.png (and sweep plots), report.html and trace-viewer.html (with the trace on)."})
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions scenario;

    @Mixin
    ProgressOption progress;

    @Mixin
    KeepPartialOption keep;

    @Mixin
    PlotFormatOption plotFormats;

    @Option(names = "--out", paramLabel = "DIR", description = "Directory for the results (default: results/<scenario name>).")
    Path out;

    @Option(names = "--replications", paramLabel = "R", description = "Run every protocol with seeds S..S+R-1 and "
            + "report means with 95%% confidence intervals (overrides emulator.replications).")
    Integer replications;

    @Override
    public Integer call() {
        List<String> sets = scenario.allSets();
        if (replications != null) {
            sets.add("emulator.replications=" + replications);
        }
        Config config = Scenario.load(scenario.scenario, sets);
        ScenarioSettings base = ScenarioSettings.of(config);
        if (!base.cluster().faults().isEmpty()) {
            throw new InvalidInputException("cluster.faults", base.cluster().faults().get(0).node(),
                    "kill cluster nodes: run the scenario on a cluster (tools/cluster-local or cfqnn node), or set "
                    + "cluster.faults = [] (emulator.faults crash actors in one JVM)");
        }
        List<EmulatorRunner.Point> points = points(config, base);
        Path dir = out != null ? out : defaultDir(scenario.scenario);
        Set<Plots.Format> formats = plotFormats.formats();
        EmulatorRunner.Report report = write(dir, "cfqnn run", keep.keepPartial, formats, scenario.scenario, base, points,
                outputs -> EmulatorRunner.run(points, outputs, Progress.factory(progress.mode())));
        print(report, dir, spec.commandLine().getOut());
        return 0;
    }

    /** Runs the emulation into {@code steps.csv} and {@code trace.jsonl} of a staging directory. */
    interface Emulate {
        EmulatorRunner.Report run(EmulatorRunner.Outputs outputs);
    }

    /**
     * Emulates, then writes summary.json, the plots, report.html and the trace viewer beside the streamed CSV
     * and trace; the directory appears only when all of it is there.
     */
    static EmulatorRunner.Report write(Path dir, String command, boolean keepPartial, Set<Plots.Format> formats,
                                       Path scenarioFile, ScenarioSettings base, List<EmulatorRunner.Point> points,
                                       Emulate emulate) {
        EmulatorRunner.Report report;
        try (OutputDir output = OutputDir.create(dir, command, keepPartial)) {
            Path steps = output.file("steps.csv");
            Path trace = output.file("trace.jsonl");
            report = emulate.run(new EmulatorRunner.Outputs(steps, trace, output::track));
            String key = base.emulator().sweepKey();
            ObjectNode summary = EmulatorReport.summary(report, scenarioFile.toString(), key);
            AtomicFiles.writeString(output.file("summary.json"), summary.toPrettyString() + "\n");
            List<Path> plots = new ArrayList<>();
            plots.add(EmulatorReport.ratesOverTime(steps, base.emulator().steps(), output.file("rates-over-time.png"),
                    formats));
            List<Emulation.Outcome> firstPoint = report.outcomes().stream() // the first point, first seed
                    .filter(o -> o.sweepValue().equals(points.get(0).value()) && o.seed() == base.seed()).toList();
            plots.add(EmulatorReport.latencyCdf(firstPoint, output.file("latency-cdf.png"), formats));
            plots.addAll(org.cfqnn.report.BreakdownChart.write(report.outcomes(), key, output::file, formats));
            if (!key.isEmpty()) {
                plots.addAll(org.cfqnn.report.ParetoReport.write(report, base.emulator().sweep(), output::file, formats));
            }
            if (!key.isEmpty() && !base.emulator().sweep().grid()) {
                String file = key.replace('.', '-');
                plots.add(EmulatorReport.sweep(report, key, "minRate", output.file("min-rate-vs-" + file + ".png"), formats));
                plots.add(EmulatorReport.sweep(report, key, "missRate", output.file("misses-vs-" + file + ".png"), formats));
                plots.add(EmulatorReport.sweep(report, key, "latency", output.file("latency-vs-" + file + ".png"), formats));
            }
            Emulation.Outcome chart = firstPoint.get(0);
            String traceSection = SequenceChart.svg(base.emulator().trace().enabled() ? trace : null, chart.label(),
                    base.emulator().sequenceSteps());
            if (base.emulator().trace().enabled() && nonEmpty(trace)) {
                TraceViewer.write(trace, steps, output.file(TraceViewer.FILE_NAME), TraceReader.Corrupt.SKIP);
                traceSection = TraceViewer.linkHtml() + traceSection;
            }
            EmulatorReport.html(report, summary, plots, traceSection, output.file("report.html"));
            output.commit();
        }
        return report;
    }

    private static boolean nonEmpty(Path file) {
        try {
            return java.nio.file.Files.size(file) > 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The console table of a finished run; with replications, means across seeds with 95 % intervals. */
    static void print(EmulatorRunner.Report report, Path dir, PrintWriter w) {
        ScenarioSettings s = report.points().get(0).settings();
        if (s.emulator().replications() > 1) {
            TextTable t = new TextTable("run", "mean min rate", "+- 95% CI", "mean sum rate", "+- 95% CI", "miss rate",
                    "latency p50 us", "+- 95% CI");
            for (EmulatorReport.Aggregate a : EmulatorReport.aggregate(report.outcomes(), o -> EmulatorReport.nAp(report, o))) {
                t.row(a.first().label(), a.minRate().mean(), a.minRate().halfWidth(), a.sumRate().mean(),
                        a.sumRate().halfWidth(), a.missRate().mean(), a.latencyP50Us().mean(), a.latencyP50Us().halfWidth());
            }
            w.print(t);
            w.printf("%d replications (seeds %d..%d) per run%n", s.emulator().replications(), s.seed(),
                    s.seed() + s.emulator().replications() - 1);
        } else {
            TextTable t = new TextTable("run", "mean min rate", "mean sum rate", "misses", "latency p50 us", "p99 us",
                    "msgs/step", "steps/s");
            for (Emulation.Outcome o : report.outcomes()) {
                var r = o.results();
                t.row(o.label(), r.meanMinRate(), r.meanSumRate(), r.fallbacks(), r.latencyP50Us(), r.latencyP99Us(),
                        (double) o.traffic().deployment().messages() / r.steps(), String.format("%.0f", o.stepsPerSecond()));
            }
            w.print(t);
        }
        w.printf("%.1f s wall time; results in %s (open report.html)%n", report.wallSeconds(), dir);
        w.flush();
    }

    /**
     * Every sweep point, validated before anything runs (without a sweep, one point): each value of a
     * one-key sweep, or every combination of a grid's axes, the first axis outermost, labelled
     * {@code name=value name=value ...} (no commas: labels are CSV cells).
     */
    public static List<EmulatorRunner.Point> points(Config config, ScenarioSettings base) {
        Sweep sweep = base.emulator().sweep();
        if (sweep.isEmpty()) {
            return List.of(new EmulatorRunner.Point("", base));
        }
        String where = sweep.grid() ? "emulator.sweep.grid" : "emulator.sweep.key";
        Config defaults = Defaults.config().getConfig("cfqnn");
        for (Sweep.Axis a : sweep.axes()) {
            for (String key : a.keys()) {
                if (!defaults.hasPath(key) || key.startsWith("emulator.sweep")) {
                    throw new InvalidInputException(where, key, "must name a setting of the scenario, e.g. "
                            + "emulator.links.fronthaul.latency or radio.mu");
                }
            }
        }
        List<EmulatorRunner.Point> out = new ArrayList<>();
        int[] at = new int[sweep.axes().size()];
        while (true) {
            Config c = config;
            List<String> coordinates = new ArrayList<>();
            List<String> named = new ArrayList<>();
            for (int i = 0; i < at.length; i++) {
                Sweep.Axis a = sweep.axes().get(i);
                for (int k = 0; k < a.keys().size(); k++) {
                    c = c.withValue(a.keys().get(k), a.values().get(at[i]).get(k));
                }
                coordinates.add(a.label(at[i]));
                named.add(a.name() + "=" + a.label(at[i]));
            }
            String label = sweep.grid() ? String.join(" ", named) : coordinates.get(0);
            try {
                out.add(new EmulatorRunner.Point(label, ScenarioSettings.of(c), List.copyOf(coordinates)));
            } catch (InvalidInputException e) {
                throw new InvalidInputException(sweep.grid() ? where : "emulator.sweep.values", label,
                        "sweep point rejected: " + e.getMessage());
            }
            int i = at.length - 1; // odometer: the last axis moves fastest
            while (i >= 0 && ++at[i] == sweep.axes().get(i).values().size()) {
                at[i--] = 0;
            }
            if (i < 0) {
                return out;
            }
        }
    }

    /** {@code results/<scenario file name without .conf>}. */
    static Path defaultDir(Path scenarioFile) {
        String f = scenarioFile.getFileName().toString();
        return Path.of("results", f.endsWith(".conf") ? f.substring(0, f.length() - 5) : f);
    }
}
