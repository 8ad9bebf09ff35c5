package org.cfqnn.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.cfqnn.emulator.Emulation;
import org.cfqnn.emulator.EmulatorRunner;
import org.cfqnn.io.AtomicFiles;
import org.cfqnn.io.Csv;
import org.cfqnn.scenario.Sweep;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;

/**
 * Min rate against protocol latency over a sweep: where each protocol meets its deadline and at what
 * rate. With a grid of two or more axes, one plot per value of the first axis ({@code pareto-<name>-<value>.png},
 * e.g. per network size); otherwise one ({@code pareto.png}). In a plot each protocol (with the values of
 * the middle axes) is a series whose points follow the last axis (e.g. shots); x is the median protocol
 * latency (log scale, ms), y the mean min rate, and the deadline is a vertical line: points left of it
 * meet it at the median. A protocol whose series coincide (a classical method on every device) is drawn
 * once. {@code pareto.csv} lists every point with its miss rate.
 */
public final class ParetoReport {

    /** One run (mean over replications) as a point. */
    record Point(String panel, String series, int order, String coordinates, double latencyMs, double p99Ms,
                 double minRate, double missRate, double deadlineMs) {
    }

    private ParetoReport() {
    }

    /** Writes the plots and {@code pareto.csv} through {@code file}; returns the plots' PNG paths. */
    public static List<Path> write(EmulatorRunner.Report report, Sweep sweep, Function<String, Path> file,
                                   Set<Plots.Format> formats) {
        List<Point> points = points(report, sweep);
        List<String> csv = new ArrayList<>();
        csv.add(Csv.line("panel", "run", "coordinates", "latencyP50Ms", "latencyP99Ms", "meanMinRate", "missRate",
                "deadlineMs"));
        Map<String, Map<String, List<Point>>> panels = new LinkedHashMap<>();
        for (Point p : points) {
            panels.computeIfAbsent(p.panel(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(p.series(), k -> new ArrayList<>()).add(p);
            csv.add(Csv.line(p.panel(), p.series(), p.coordinates(), p.latencyMs(), p.p99Ms(), p.minRate(), p.missRate(),
                    p.deadlineMs()));
        }
        AtomicFiles.writeString(file.apply("pareto.csv"), String.join("\n", csv) + "\n");
        List<Path> pngs = new ArrayList<>();
        String first = sweep.axes().get(0).name();
        for (Map.Entry<String, Map<String, List<Point>>> panel : panels.entrySet()) {
            String name = panel.getKey().isEmpty() ? "pareto.png"
                    : "pareto-" + (first + "-" + panel.getKey()).replaceAll("[^A-Za-z0-9.-]+", "-") + ".png";
            Path png = file.apply(name);
            Plots.save(chart(panel.getKey().isEmpty() ? "" : first + " = " + panel.getKey(), sweep, panel.getValue()),
                    png, formats);
            pngs.add(png);
        }
        return pngs;
    }

    static List<Point> points(EmulatorRunner.Report report, Sweep sweep) {
        int axes = sweep.axes().size();
        boolean panels = axes >= 2;
        Sweep.Axis last = sweep.axes().get(axes - 1);
        List<Point> out = new ArrayList<>();
        for (EmulatorReport.Aggregate a : EmulatorReport.aggregate(report.outcomes(),
                o -> EmulatorReport.nAp(report, o))) {
            Emulation.Outcome o = a.first();
            EmulatorRunner.Point point = report.points().stream().filter(p -> p.value().equals(o.sweepValue()))
                    .findFirst().orElseThrow();
            List<String> c = point.coordinates();
            List<String> middle = c.subList(panels ? 1 : 0, axes - 1);
            String series = Emulation.label(o.protocol(), o.system(), "") + (middle.isEmpty() ? "" : ", "
                    + String.join(", ", middle));
            int order = 0;
            while (order < last.values().size() && !last.label(order).equals(c.get(axes - 1))) {
                order++;
            }
            out.add(new Point(panels ? c.get(0) : "", series, order, String.join(" ", c),
                    a.latencyP50Us().mean() / 1e3, o.results().latencyP99Us() / 1e3, a.minRate().mean(),
                    a.missRate().mean(), point.settings().emulator().deadline() / 1e6));
        }
        return out;
    }

    private static XYChart chart(String title, Sweep sweep, Map<String, List<Point>> series) {
        String along = sweep.axes().get(sweep.axes().size() - 1).name();
        XYChart chart = Plots.chart("min rate vs protocol latency" + (title.isEmpty() ? "" : ", " + title)
                + " (points along " + along + ")", "protocol latency p50 (ms, log)", "mean min rate (bit/s/Hz)");
        chart.getStyler().setXAxisLogarithmic(true);
        double top = 0;
        double deadline = 0;
        Map<String, String> drawn = new LinkedHashMap<>(); // a protocol's points -> the series that drew them
        for (Map.Entry<String, List<Point>> e : series.entrySet()) {
            TreeMap<Integer, Point> sorted = new TreeMap<>();
            e.getValue().forEach(p -> sorted.put(p.order(), p));
            double[] x = sorted.values().stream().mapToDouble(p -> Math.max(p.latencyMs(), 1e-6)).toArray();
            double[] y = sorted.values().stream().mapToDouble(Point::minRate).toArray();
            String protocol = e.getKey().split(",")[0];
            String same = protocol + java.util.Arrays.toString(x) + java.util.Arrays.toString(y);
            if (drawn.containsKey(same)) { // e.g. greedy max-min on every device: one series, renamed once
                String first = drawn.get(same);
                if (!first.equals(protocol)) {
                    chart.getSeriesMap().get(first).setLabel(protocol + " (the same on every device)");
                    drawn.put(same, protocol);
                }
                continue;
            }
            drawn.put(same, e.getKey());
            Plots.add(chart, e.getKey(), x, y);
            for (Point p : sorted.values()) {
                top = Math.max(top, p.minRate());
                deadline = p.deadlineMs();
            }
        }
        if (deadline > 0) {
            chart.addAnnotation(new AnnotationLine(deadline, true, false));
            chart.addAnnotation(new AnnotationText("deadline " + deadline + " ms", deadline, top * 1.02, false));
        }
        return chart;
    }
}
