package org.cfqnn.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cfqnn.emulator.Emulation;
import org.cfqnn.emulator.record.BreakdownStats;
import org.cfqnn.emulator.record.Recorder;
import org.cfqnn.protocol.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

/** The latency breakdown's stacked bars, read back: a bar per run (or sweep value), a segment per part. */
class BreakdownChartTest {

    @TempDir
    Path dir;

    /** A run of {@code samples} latency samples with these part means (us), in part order. */
    private static Emulation.Outcome run(Protocol p, String sweep, long seed, long samples, double... means) {
        String[] names = {"linkLatency", "jitter", "collectionWait", "quantum", "classical", "runtime"};
        List<BreakdownStats.Part> parts = new ArrayList<>();
        for (int i = 0; i < means.length; i++) {
            parts.add(new BreakdownStats.Part(names[i], means[i], means[i] * 1.1));
        }
        Recorder.Results r = new Recorder.Results(10, 1, 2, 0, 0, 0, 0, 0, 0, samples, 0,
                java.util.Arrays.stream(means).sum(), 0, 0, 0, new long[101], parts, List.of(), 0, 0);
        return new Emulation.Outcome(p, "", sweep, seed, r, null, Map.of(), null, null, 1, 1, 0, 0, List.of(), Set.of(),
                null);
    }

    private static List<String> x(CategorySeries s) {
        return s.getXData().stream().map(String::valueOf).toList();
    }

    private static List<Double> y(CategoryChart c, String series) {
        return c.getSeriesMap().get(series).getYData().stream().map(Number::doubleValue).toList();
    }

    @Test
    void aBarPerRunStacksItsPartsAndReplicationsArePooledBySamples() {
        List<Emulation.Outcome> runs = List.of(
                run(Protocol.NON_CENTRALIZED, "", 1, 40, 205, 10, 3, 40, 3, 0),
                run(Protocol.SEARCH, "", 1, 10, 200, 10, 2, 0, 2, 0),
                run(Protocol.SEARCH, "", 2, 30, 200, 10, 4, 0, 4, 0)); // a second seed of search
        Map<String, CategoryChart> charts = BreakdownChart.charts(runs, "");
        assertThat(charts).containsOnlyKeys("latency-breakdown");
        CategoryChart c = charts.get("latency-breakdown");
        assertThat(c.getStyler().isStacked()).isTrue();
        // runtime is 0 in every bar: left out
        assertThat(c.getSeriesMap().keySet()).containsExactly("linkLatency", "jitter", "collectionWait", "quantum",
                "classical");
        CategorySeries link = c.getSeriesMap().get("linkLatency");
        assertThat(x(link)).containsExactly("non-centralized", "search");
        assertThat(y(c, "linkLatency")).containsExactly(205.0, 200.0);
        assertThat(y(c, "quantum")).containsExactly(40.0, 0.0);
        // search pooled over its seeds: (2 x 10 + 4 x 30) / 40 samples
        assertThat(y(c, "collectionWait")).containsExactly(3.0, 3.5);
        assertThat(y(c, "classical")).containsExactly(3.0, 3.5);
        assertThat(link.getFillColor()).isEqualTo(Palette.part("linkLatency"));
        assertThat(c.getSeriesMap().get("quantum").getFillColor()).isNotEqualTo(link.getFillColor());
    }

    @Test
    void aSweepHasAChartPerProtocolWithABarPerValue() {
        List<Emulation.Outcome> runs = List.of(
                run(Protocol.NON_CENTRALIZED, "50 us", 1, 8, 105, 5, 0, 40, 3),
                run(Protocol.SEARCH, "50 us", 1, 8, 100, 5, 0, 0, 2),
                run(Protocol.NON_CENTRALIZED, "1 ms", 1, 8, 1105, 5, 0, 40, 3),
                run(Protocol.SEARCH, "1 ms", 1, 8, 1100, 5, 0, 0, 2));
        Map<String, CategoryChart> charts = BreakdownChart.charts(runs, "emulator.links.fronthaul.latency");
        assertThat(charts).containsOnlyKeys("latency-breakdown-non-centralized", "latency-breakdown-search");
        CategoryChart search = charts.get("latency-breakdown-search");
        assertThat(search.getTitle()).endsWith(": search");
        assertThat(search.getXAxisTitle()).isEqualTo("emulator.links.fronthaul.latency");
        assertThat(x(search.getSeriesMap().get("linkLatency"))).containsExactly("50 us", "1 ms");
        assertThat(y(search, "linkLatency")).containsExactly(100.0, 1100.0);
        assertThat(search.getSeriesMap()).doesNotContainKeys("quantum", "collectionWait");
        assertThat(y(charts.get("latency-breakdown-non-centralized"), "quantum")).containsExactly(40.0, 40.0);
    }

    @Test
    void theChartsAreWrittenInEveryFormatAsked() throws Exception {
        List<Emulation.Outcome> runs = List.of(run(Protocol.SEARCH, "", 1, 4, 200, 10, 2, 0, 2, 0));
        List<Path> pngs = BreakdownChart.write(runs, "", dir::resolve, EnumSet.of(Plots.Format.PNG, Plots.Format.SVG));
        assertThat(pngs).containsExactly(dir.resolve("latency-breakdown.png"));
        byte[] png = Files.readAllBytes(dir.resolve("latency-breakdown.png"));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(Files.readString(dir.resolve("latency-breakdown.svg"))).contains("<svg");
        assertThat(BreakdownChart.write(List.of(run(Protocol.SEARCH, "", 1, 0)), "", dir::resolve,
                EnumSet.of(Plots.Format.PNG))).isEmpty(); // no latency measured: no chart
    }
}
