package org.cfqnn.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/** Plots read back: the data drawn are the data given, and a method looks the same in every plot. */
class PlotsTest {

    @TempDir
    Path dir;

    private static double[] range(int from, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = from + i;
        }
        return x;
    }

    @Test
    void aLossCurveHasExactlyOnePointPerEpoch() {
        double[] epochs = range(1, 40);
        double[] loss = new double[40];
        for (int i = 0; i < 40; i++) {
            loss[i] = Math.exp(-i / 10.0);
        }
        XYChart chart = Plots.lines("loss", "epoch", "loss", epochs, Map.of("mean loss per epoch", loss));
        XYSeries s = chart.getSeriesMap().get("mean loss per epoch");
        assertThat(s.getXData()).containsExactly(epochs);
        assertThat(s.getYData()).containsExactly(loss);
    }

    @Test
    void eachMethodKeepsItsLookAcrossPlotsAndCoincidingCurvesDifferInDash() {
        Map<String, double[]> a = new LinkedHashMap<>();
        a.put("optimum", new double[] {1, 2});
        a.put("search", new double[] {1, 2});
        a.put("greedy-maxmin", new double[] {1, 2});
        Map<String, double[]> b = new LinkedHashMap<>();
        b.put("greedy-maxmin", new double[] {3, 1});
        b.put("non-centralized", new double[] {1, 1});
        b.put("search", new double[] {0, 2});
        XYChart first = Plots.lines("a", "x", "y", new double[] {0, 1}, a);
        XYChart second = Plots.cdf("b", "x", b);
        assertThat(Plots.colors(first).get("search")).isEqualTo(Plots.colors(second).get("search"));
        assertThat(Plots.colors(first).get("greedy-maxmin")).isEqualTo(Plots.colors(second).get("greedy-maxmin"));
        // identical data: the three curves coincide, so their strokes must differ
        long strokes = first.getSeriesMap().values().stream().map(XYSeries::getLineStyle).distinct().count();
        assertThat(strokes).isEqualTo(3);
        assertThat(first.getStyler().getLegendPosition()).isIn(Styler.LegendPosition.OutsideE,
                Styler.LegendPosition.OutsideS);
    }

    /** Every series of one plot differs from the others in colour or line, named or not (reproduce's ratio plot). */
    @Test
    void noTwoSeriesOfAPlotLookAlike() {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (String name : new String[] {"optimum", "qnn-improved", "qnn-improved-sampled", "qnn-improved-untrained",
            "qnn-paper", "qnn-paper-untrained", "qnn-paper-charitable", "search", "greedy-maxmin", "random",
            "qnn-maxmin", "mystery-1", "mystery-2", "mystery-3"}) {
            m.put(name, new double[] {1, 2});
        }
        java.util.List<String> names = new java.util.ArrayList<>(m.keySet());
        java.util.Map<String, double[]> reversed = new LinkedHashMap<>();
        for (int i = names.size() - 1; i >= 0; i--) { // unknown names first, known ones after them
            reversed.put(names.get(i), m.get(names.get(i)));
        }
        for (Map<String, double[]> series : java.util.List.of(m, reversed)) {
            XYChart c = Plots.lines("r", "mu", "ratio", new double[] {0, 1}, series);
            java.util.Set<String> looks = new java.util.HashSet<>();
            c.getSeriesMap().forEach((name, s) -> assertThat(looks.add(s.getLineColor() + " "
                    + java.util.Arrays.toString(s.getLineStyle().getDashArray()))).as(name).isTrue());
        }
    }

    @Test
    void aSecondVariantOfAProtocolKeepsTheColourButNotTheDash() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("non-centralized paper/paper", new double[] {1, 2});
        m.put("non-centralized graph/amplitude", new double[] {1, 2});
        XYChart c = Plots.lines("a", "x", "y", new double[] {0, 1}, m);
        XYSeries p = c.getSeriesMap().get("non-centralized paper/paper");
        XYSeries g = c.getSeriesMap().get("non-centralized graph/amplitude");
        assertThat(p.getLineColor()).isEqualTo(g.getLineColor());
        assertThat(p.getLineStyle()).isNotEqualTo(g.getLineStyle());
    }

    @Test
    void aNoisyCurveShowsItsRawPointsAndAMovingMean() {
        double[] raw = {4, 0, 4, 0, 4, 0};
        XYChart c = Plots.noisy("n", "iteration", "loss", range(1, 6), raw, 2, "qnn-paper");
        assertThat(c.getSeriesMap()).hasSize(2);
        XYSeries mean = c.getSeriesMap().values().stream().filter(s -> s.getName().contains("moving mean"))
                .findFirst().orElseThrow();
        assertThat(mean.getYData()).containsExactly(4.0, 2.0, 2.0, 2.0, 2.0, 2.0);
    }

    @Test
    void everyFormatAskedIsWritten() throws Exception {
        XYChart c = Plots.lines("a", "x", "y", new double[] {0, 1}, Map.of("search", new double[] {1, 2}));
        var files = Plots.save(c, dir.resolve("p.png"), EnumSet.of(Plots.Format.PNG, Plots.Format.SVG, Plots.Format.PDF));
        assertThat(files).extracting(f -> f.getFileName().toString()).containsExactly("p.png", "p.svg", "p.pdf");
        assertThat(Files.readString(dir.resolve("p.svg"))).contains("<svg");
        assertThat(Files.readAllBytes(dir.resolve("p.pdf"))).startsWith("%PDF".getBytes());
    }
}
