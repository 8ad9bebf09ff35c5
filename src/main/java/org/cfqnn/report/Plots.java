package org.cfqnn.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG plots with XChart, sized and styled to be read without zooming. */
public final class Plots {

    public static final int WIDTH = 900;
    public static final int HEIGHT = 600;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Plots() {
    }

    public static XYChart chart(String title, String xLabel, String yLabel) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setMarkerSize(5);
        return chart;
    }

    /** Empirical CDF of each named sample, as step lines. */
    public static XYChart cdf(String title, String xLabel, Map<String, double[]> samples) {
        XYChart chart = chart(title, xLabel, "CDF");
        chart.getStyler().setYAxisDecimalPattern("0.0");
        for (Map.Entry<String, double[]> e : samples.entrySet()) {
            double[] x = e.getValue().clone();
            Arrays.sort(x);
            int n = x.length;
            // steps (x_i, i/n) -> (x_i, (i+1)/n); the first step gets a midpoint (x_0, 0.5/n), which
            // lies on the line but stops XChart from taking the equally spaced i/n as tick labels
            double[] sx = new double[2 * n + 1];
            double[] sy = new double[2 * n + 1];
            sx[0] = x[0];
            sy[0] = 0;
            sx[1] = x[0];
            sy[1] = 0.5 / n;
            sx[2] = x[0];
            sy[2] = 1.0 / n;
            for (int i = 1, p = 3; i < n; i++) {
                sx[p] = x[i];
                sy[p++] = (double) i / n;
                sx[p] = x[i];
                sy[p++] = (double) (i + 1) / n;
            }
            XYSeries s = chart.addSeries(e.getKey(), sx, sy);
            s.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /**
     * Lines, one per named series over a shared x axis; markers only where points are few enough to
     * see. Long equally spaced x (iterations, episodes) gets one extra point on its first segment:
     * it lies on the line but stops XChart from labelling every data value (overlapping labels).
     */
    public static XYChart lines(String title, String xLabel, String yLabel, double[] x, Map<String, double[]> ys) {
        XYChart chart = chart(title, xLabel, yLabel);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        boolean integers = true;
        for (double v : x) {
            integers &= v == Math.rint(v);
        }
        if (integers) {
            chart.getStyler().setXAxisDecimalPattern("0");
        }
        boolean breakSpacing = x.length > 12 && equallySpaced(x);
        for (Map.Entry<String, double[]> e : ys.entrySet()) {
            double[] xs = x;
            double[] y = e.getValue();
            if (breakSpacing) {
                xs = new double[x.length + 1];
                double[] yy = new double[x.length + 1];
                xs[0] = x[0];
                yy[0] = y[0];
                xs[1] = x[0] + 0.37 * (x[1] - x[0]);
                yy[1] = y[0] + 0.37 * (y[1] - y[0]);
                System.arraycopy(x, 1, xs, 2, x.length - 1);
                System.arraycopy(y, 1, yy, 2, y.length - 1);
                y = yy;
            }
            XYSeries series = chart.addSeries(e.getKey(), xs, y);
            if (x.length > 60) {
                series.setMarker(SeriesMarkers.NONE);
            }
        }
        return chart;
    }

    private static boolean equallySpaced(double[] x) {
        double step = x[1] - x[0];
        for (int i = 2; i < x.length; i++) {
            if (Math.abs(x[i] - x[i - 1] - step) > 1e-9 * Math.abs(step)) {
                return false;
            }
        }
        return true;
    }

    public static void save(XYChart chart, Path png) {
        try {
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + png + ": " + e.getMessage(), e);
        }
    }
}
