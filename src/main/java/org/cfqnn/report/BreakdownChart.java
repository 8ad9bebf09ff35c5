package org.cfqnn.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.cfqnn.emulator.Emulation;
import org.cfqnn.emulator.record.BreakdownStats;
import org.knowm.xchart.CategoryChart;

/**
 * Where the protocol latency goes: stacked bars of each part's mean per (step, AP), a bar per run
 * ({@code latency-breakdown.png}); with a sweep one chart per protocol, a bar per sweep value
 * ({@code latency-breakdown-<protocol>.png}). A bar's height is the run's mean protocol latency. Replications
 * of a bar are pooled (each weighted by its samples); parts that are 0 in every bar of a chart are left out.
 */
public final class BreakdownChart {

    private static final String TITLE = "Protocol latency breakdown (CSI at the AP -> precoder at the AP)";
    private static final String Y = "mean per (step, AP) (us)";

    private BreakdownChart() {
    }

    /** One bar: the samples pooled into it and, per part, the sum of mean x samples. */
    private static final class Bar {
        long samples;
        final Map<String, Double> weighted = new LinkedHashMap<>();

        void add(Emulation.Outcome o) {
            long n = o.results().latencySamples();
            samples += n;
            for (BreakdownStats.Part p : o.results().latencyBreakdown()) {
                weighted.merge(p.name(), p.meanUs() * n, Double::sum);
            }
        }

        double mean(String part) {
            return weighted.getOrDefault(part, 0.0) / samples;
        }
    }

    /**
     * The charts by file name (without extension): one, or with a sweep ({@code sweepKey} not empty) one per
     * protocol.
     */
    public static Map<String, CategoryChart> charts(List<Emulation.Outcome> outcomes, String sweepKey) {
        boolean sweep = !sweepKey.isEmpty();
        Map<String, Map<String, Bar>> charts = new LinkedHashMap<>(); // chart -> bar -> pooled runs
        Map<String, String> titles = new LinkedHashMap<>();
        for (Emulation.Outcome o : outcomes) {
            if (o.results() == null || o.results().latencySamples() == 0) {
                continue;
            }
            String protocol = Emulation.label(o.protocol(), o.system(), "");
            String chart = sweep ? "latency-breakdown-" + protocol.replaceAll("[^A-Za-z0-9.-]+", "-") : "latency-breakdown";
            String bar = sweep ? o.sweepValue() : protocol;
            charts.computeIfAbsent(chart, k -> new LinkedHashMap<>()).computeIfAbsent(bar, k -> new Bar()).add(o);
            titles.put(chart, sweep ? TITLE + ": " + protocol : TITLE);
        }
        Map<String, CategoryChart> out = new LinkedHashMap<>();
        charts.forEach((name, bars) -> {
            Map<String, double[]> series = new LinkedHashMap<>();
            List<Bar> b = new ArrayList<>(bars.values());
            for (String part : parts(b)) {
                double[] y = new double[b.size()];
                boolean seen = false;
                for (int i = 0; i < y.length; i++) {
                    y[i] = b.get(i).mean(part);
                    seen |= y[i] != 0;
                }
                if (seen) {
                    series.put(part, y);
                }
            }
            out.put(name, Plots.stackedBars(titles.get(name), sweep ? sweepKey : "run", Y, new ArrayList<>(bars.keySet()),
                    series));
        });
        return out;
    }

    /** Writes the charts ({@code file} maps a file name to its path); returns the PNGs. */
    public static List<Path> write(List<Emulation.Outcome> outcomes, String sweepKey, Function<String, Path> file,
                                   Set<Plots.Format> formats) {
        List<Path> pngs = new ArrayList<>();
        charts(outcomes, sweepKey).forEach((name, chart) -> {
            Path png = file.apply(name + ".png");
            Plots.save(chart, png, formats);
            pngs.add(png);
        });
        return pngs;
    }

    /** Every part named by any bar, in order of first appearance. */
    private static List<String> parts(List<Bar> bars) {
        List<String> out = new ArrayList<>();
        for (Bar b : bars) {
            for (String p : b.weighted.keySet()) {
                if (!out.contains(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }
}
