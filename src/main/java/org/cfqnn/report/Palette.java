package org.cfqnn.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One look per method in every plot: the same colour, marker and line style wherever a method appears,
 * so a reader can follow "search" from the CDF to the sweep. Colours are the Okabe-Ito palette
 * (distinguishable with colour-vision deficiencies) without its yellow, which is invisible on white;
 * methods whose curves often coincide (the optimum and the heuristics near it) differ in dash pattern
 * and marker too, so one never hides another.
 */
public final class Palette {

    /** How a series is drawn. */
    public record Style(Color color, Marker marker, BasicStroke stroke) {
    }

    private static final Color BLACK = new Color(0, 0, 0);
    private static final Color ORANGE = new Color(230, 159, 0);
    private static final Color SKY = new Color(86, 180, 233);
    private static final Color GREEN = new Color(0, 158, 115);
    private static final Color BLUE = new Color(0, 114, 178);
    private static final Color VERMILION = new Color(213, 94, 0);
    private static final Color PURPLE = new Color(204, 121, 167);
    private static final Color GREY = new Color(90, 90, 90);

    private static final float WIDTH = 2.2f;
    private static final BasicStroke SOLID = new BasicStroke(WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
    private static final BasicStroke DASHED = dashed(9f, 5f);
    private static final BasicStroke DOTTED = dashed(2.5f, 4f);
    private static final BasicStroke DASH_DOT = dashed(9f, 4f, 2.5f, 4f);
    private static final BasicStroke LONG_DASH = dashed(16f, 6f);

    /** Known methods, by the first word of their name (prefix before a space, '@' or '['). */
    private static final Map<String, Style> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("optimum", new Style(BLACK, SeriesMarkers.SQUARE, SOLID));
        KNOWN.put("greedy-maxmin", new Style(GREEN, SeriesMarkers.DIAMOND, DASHED));
        KNOWN.put("search", new Style(ORANGE, SeriesMarkers.TRIANGLE_UP, DASH_DOT));
        KNOWN.put("random", new Style(GREY, SeriesMarkers.CROSS, DOTTED));
        KNOWN.put("non-centralized", new Style(BLUE, SeriesMarkers.CIRCLE, SOLID));
        KNOWN.put("centralized", new Style(VERMILION, SeriesMarkers.TRIANGLE_DOWN, LONG_DASH));
        KNOWN.put("qnn-improved", new Style(BLUE, SeriesMarkers.CIRCLE, SOLID));
        KNOWN.put("qnn-improved-sampled", new Style(SKY, SeriesMarkers.CIRCLE, DASHED));
        KNOWN.put("qnn-improved-untrained", new Style(SKY, SeriesMarkers.CROSS, DOTTED));
        KNOWN.put("qnn-paper", new Style(PURPLE, SeriesMarkers.DIAMOND, SOLID));
        KNOWN.put("qnn-paper-untrained", new Style(PURPLE, SeriesMarkers.CROSS, DOTTED));
        KNOWN.put("qnn-paper-charitable", new Style(VERMILION, SeriesMarkers.SQUARE, DASH_DOT));
        KNOWN.put("qnn-maxmin", new Style(BLUE, SeriesMarkers.TRIANGLE_UP, DASHED));
        KNOWN.put("qnn-graph", new Style(SKY, SeriesMarkers.TRIANGLE_DOWN, SOLID));
    }

    /** Looks for series the table does not know, tried in order until one differs from the chart's others. */
    private static final Style[] OTHERS = {
        new Style(SKY, SeriesMarkers.CIRCLE, DASHED),
        new Style(PURPLE, SeriesMarkers.DIAMOND, DASH_DOT),
        new Style(ORANGE, SeriesMarkers.SQUARE, DOTTED),
        new Style(GREEN, SeriesMarkers.TRIANGLE_UP, LONG_DASH),
        new Style(VERMILION, SeriesMarkers.CROSS, SOLID),
        new Style(BLUE, SeriesMarkers.TRIANGLE_DOWN, DASHED),
        new Style(GREY, SeriesMarkers.CIRCLE, DASH_DOT),
        new Style(BLACK, SeriesMarkers.DIAMOND, DOTTED),
    };

    /**
     * Parts of a latency breakdown, one colour each, the same in every chart: the links in blues and greens,
     * waiting in orange and purple, compute in vermilion and black, the real clock's residual grey.
     */
    private static final Map<String, Color> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put("linkLatency", BLUE);
        PARTS.put("jitter", SKY);
        PARTS.put("serialization", GREEN);
        PARTS.put("linkQueue", new Color(150, 210, 190));
        PARTS.put("collectionWait", ORANGE);
        PARTS.put("qpuQueue", PURPLE);
        PARTS.put("cpuQueue", new Color(235, 190, 215));
        PARTS.put("quantum", VERMILION);
        PARTS.put("classical", BLACK);
        PARTS.put("runtime", GREY);
    }

    private Palette() {
    }

    /** The colour of latency part {@code name} ({@code org.cfqnn.protocol.LatencyParts}); light grey if unknown. */
    public static Color part(String name) {
        return PARTS.getOrDefault(name, new Color(190, 190, 190));
    }

    /**
     * The style of a series named {@code name}. A QNN protocol row such as {@code "non-centralized
     * graph/amplitude"} keeps its protocol's colour; a second variant of it gets another dash pattern
     * ({@code variant} counts the variants seen so far, 0 for the first).
     */
    public static Style of(String name, int variant) {
        return of(name, variant, java.util.List.of());
    }

    /**
     * As {@link #of(String, int)}; a name the table does not know takes the first look of {@link #OTHERS}
     * (from one that depends on the name) whose colour and line differ from every look in {@code taken}.
     */
    public static Style of(String name, int variant, java.util.Collection<Style> taken) {
        String key = name.toLowerCase(Locale.ROOT).split("[ @\\[(]")[0];
        Style s = KNOWN.get(key);
        if (s == null) {
            int first = Math.floorMod(key.hashCode(), OTHERS.length);
            for (int i = 0; i < OTHERS.length; i++) {
                Style o = OTHERS[(first + i) % OTHERS.length];
                if (!isTaken(o, taken)) {
                    return o;
                }
            }
            return OTHERS[first];
        }
        BasicStroke[] strokes = {DOTTED, DASHED, DASH_DOT, LONG_DASH};
        Style chosen = variant == 0 ? s : new Style(s.color(), s.marker(), strokes[(variant - 1) % strokes.length]);
        // a look an earlier series already took (an unknown name, or another variant): the next dash
        for (int i = 0; i < strokes.length && isTaken(chosen, taken); i++) {
            chosen = new Style(s.color(), s.marker(), strokes[(variant + i) % strokes.length]);
        }
        return chosen;
    }

    private static boolean isTaken(Style s, java.util.Collection<Style> taken) {
        return taken.stream().anyMatch(t -> t.color().equals(s.color()) && t.stroke().equals(s.stroke()));
    }

    private static BasicStroke dashed(float... pattern) {
        return new BasicStroke(WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, pattern, 0f);
    }
}
