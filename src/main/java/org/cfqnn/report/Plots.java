package org.cfqnn.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cfqnn.input.InvalidInputException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Plots with XChart, sized and styled to be read without zooming: every method keeps its look from
 * {@link Palette} in every plot, the legend sits outside the data, and only data points are drawn
 * (no point is added to steer XChart's axis labels).
 */
public final class Plots {

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 600;
    /** Above this many points a line is drawn without markers. */
    private static final int MAX_MARKED_POINTS = 60;

    /** File formats a plot can be written in. */
    public enum Format {
        PNG, SVG, PDF;

        /** {@code "png,svg"} -> {PNG, SVG}; errors name {@code flag}. */
        public static Set<Format> parse(String flag, String list) {
            Set<Format> out = EnumSet.noneOf(Format.class);
            for (String f : list.split(",")) {
                try {
                    out.add(valueOf(f.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(flag, f.trim(), "must be a comma-separated list of png, svg, pdf");
                }
            }
            return out;
        }

        String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Plots() {
    }

    public static XYChart chart(String title, String xLabel, String yLabel) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendBorderColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setMarkerSize(6);
        return chart;
    }

    /**
     * Adds a series drawn in its method's style ({@link Palette}); a second series whose name starts
     * with the same method (another QNN variant of a protocol) gets another dash pattern.
     */
    public static XYSeries add(XYChart chart, String name, double[] x, double[] y) {
        return add(chart, name, x, y, null);
    }

    /** As {@link #add(XYChart, String, double[], double[])}, with error bars of half-width {@code errors} (or none). */
    public static XYSeries add(XYChart chart, String name, double[] x, double[] y, double[] errors) {
        String method = name.toLowerCase(Locale.ROOT).split("[ @\\[(]")[0];
        int variant = 0;
        for (String existing : chart.getSeriesMap().keySet()) {
            variant += existing.toLowerCase(Locale.ROOT).split("[ @\\[(]")[0].equals(method) ? 1 : 0;
        }
        java.util.List<Palette.Style> taken = new java.util.ArrayList<>();
        for (XYSeries other : chart.getSeriesMap().values()) {
            if (other.getLineColor() != null && other.getLineStyle() != null) {
                taken.add(new Palette.Style(other.getLineColor(), other.getMarker(), other.getLineStyle()));
            }
        }
        Palette.Style style = Palette.of(name, variant, taken);
        XYSeries s = chart.addSeries(name, x, y, errors);
        s.setLineColor(style.color());
        s.setMarkerColor(style.color());
        s.setLineStyle(style.stroke());
        s.setMarker(x.length > MAX_MARKED_POINTS ? SeriesMarkers.NONE : style.marker());
        if (errors != null) {
            chart.getStyler().setErrorBarsColorSeriesColor(true);
        }
        return s;
    }

    /** Empirical CDF of each named sample, as step lines. */
    public static XYChart cdf(String title, String xLabel, Map<String, double[]> samples) {
        XYChart chart = chart(title, xLabel, "CDF");
        chart.getStyler().setYAxisDecimalPattern("0.0");
        for (Map.Entry<String, double[]> e : samples.entrySet()) {
            double[] x = e.getValue().clone();
            Arrays.sort(x);
            int n = x.length;
            double[] sx = new double[2 * n];
            double[] sy = new double[2 * n];
            for (int i = 0; i < n; i++) { // the step at x_i: from i/n up to (i+1)/n
                sx[2 * i] = x[i];
                sy[2 * i] = (double) i / n;
                sx[2 * i + 1] = x[i];
                sy[2 * i + 1] = (double) (i + 1) / n;
            }
            add(chart, e.getKey(), sx, sy).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /** Lines, one per named series over a shared x axis; markers only where points are few enough to see. */
    public static XYChart lines(String title, String xLabel, String yLabel, double[] x, Map<String, double[]> ys) {
        XYChart chart = chart(title, xLabel, yLabel);
        integerLabels(chart, x);
        for (Map.Entry<String, double[]> e : ys.entrySet()) {
            add(chart, e.getKey(), x, e.getValue());
        }
        return chart;
    }

    /**
     * A noisy curve (a training loss per iteration): the raw points, small and light, and their moving
     * mean over {@code window} points as a line on top, so both the noise and the trend can be read.
     */
    public static XYChart noisy(String title, String xLabel, String yLabel, double[] x, double[] raw, int window,
                                String name) {
        XYChart chart = chart(title, xLabel, yLabel);
        integerLabels(chart, x);
        XYSeries points = chart.addSeries(name + " (each point)", x, raw);
        points.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE);
        points.setMarkerColor(new Color(120, 160, 210));
        XYSeries mean = add(chart, name + " (moving mean of " + window + ")", x, movingMean(raw, window));
        mean.setMarker(SeriesMarkers.NONE);
        mean.setLineColor(Color.BLACK);
        mean.setLineStyle(new java.awt.BasicStroke(2.5f));
        chart.getStyler().setMarkerSize(raw.length > 2000 ? 2 : 4);
        return chart;
    }

    /** Mean of the last {@code window} values (fewer at the start). */
    public static double[] movingMean(double[] v, int window) {
        double[] out = new double[v.length];
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            sum += v[i];
            if (i >= window) {
                sum -= v[i - window];
            }
            out[i] = sum / Math.min(i + 1, window);
        }
        return out;
    }

    /** Integer x values (epochs, steps) are labelled without decimals. */
    private static void integerLabels(XYChart chart, double[] x) {
        boolean integers = x.length > 0;
        for (double v : x) {
            integers &= v == Math.rint(v);
        }
        if (integers) {
            chart.getStyler().setXAxisDecimalPattern("0");
        }
    }

    /**
     * Stacked bars: one bar per category, made of one segment per named series (in the map's order, bottom
     * up), each coloured as {@link Palette#part} says; the legend lists the series.
     */
    public static CategoryChart stackedBars(String title, String xLabel, String yLabel, List<String> categories,
                                            Map<String, double[]> series) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendBorderColor(Color.WHITE);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setStacked(true);
        chart.getStyler().setOverlapped(false);
        if (categories.size() > 4) {
            chart.getStyler().setXAxisLabelRotation(30);
        }
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            List<Double> y = Arrays.stream(e.getValue()).boxed().toList();
            chart.addSeries(e.getKey(), categories, y).setFillColor(Palette.part(e.getKey()));
        }
        return chart;
    }

    /** Writes {@code png} and, for each other format asked, the same file name with that extension. */
    public static List<Path> save(Chart<?, ?> chart, Path png, Set<Format> formats) {
        List<Path> written = new ArrayList<>();
        String base = png.toString().replaceFirst("\\.png$", "");
        try {
            for (Format f : formats.isEmpty() ? EnumSet.of(Format.PNG) : formats) {
                Path file = Path.of(base + "." + f.extension());
                switch (f) {
                    case PNG -> BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
                    case SVG -> VectorGraphicsEncoder.saveVectorGraphic(chart, file.toString(),
                            VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
                    case PDF -> VectorGraphicsEncoder.saveVectorGraphic(chart, file.toString(),
                            VectorGraphicsEncoder.VectorGraphicsFormat.PDF);
                    default -> throw new IllegalStateException(f.name());
                }
                written.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + png + ": " + e.getMessage(), e);
        }
        return written;
    }

    /** PNG only. */
    public static void save(Chart<?, ?> chart, Path png) {
        save(chart, png, EnumSet.of(Format.PNG));
    }

    /** The style each series of {@code chart} was drawn with: name -> colour, for tests and legends. */
    public static Map<String, Color> colors(XYChart chart) {
        Map<String, Color> out = new HashMap<>();
        chart.getSeriesMap().forEach((name, s) -> out.put(name, (Color) s.getLineColor()));
        return out;
    }
}
