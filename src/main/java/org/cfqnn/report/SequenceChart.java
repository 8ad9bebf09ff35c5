package org.cfqnn.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.cfqnn.trace.Entities;
import org.cfqnn.trace.TraceMessage;
import org.cfqnn.trace.TraceReader;

/**
 * An SVG message sequence chart of the first deployment steps of one run, drawn from trace.jsonl:
 * one vertical lane per entity ({@link Entities#ORDER}), one arrow per message from its send instant to its
 * arrival instant; lost messages are dashed and red. Time runs down in rows: one row per message type at
 * each distinct instant (so pilots, transmissions and receptions that share a step boundary get a row each
 * and their labels never overlap), rows of one instant packed closer than rows of different instants. The
 * time of an instant (microseconds since the first message shown) is printed once, with as many decimals as
 * it takes to tell it from its neighbours. A row's type is written beside its first arrow where it does not
 * collide with another label; the legend above names every colour.
 */
public final class SequenceChart {

    private static final int LANE = 90;
    private static final int LEFT = 56;
    private static final int TOP = 44;
    /** Between rows of different instants. */
    private static final int ROW = 26;
    /** Between rows of one instant. */
    private static final int SUB_ROW = 15;
    /** The width of one character at the chart's 10 px sans-serif font, rounded up: labels are placed with it. */
    static final int CHAR_WIDTH = 6;
    static final int FONT_SIZE = 10;

    private SequenceChart() {
    }

    private record Arrow(long sent, long arrive, String from, String to, String type, boolean lost, int order) {
    }

    /** A row: a message type at an instant. */
    private record Row(long time, String type) {
    }

    /** A placed label's box, for collision checks. */
    private record Box(double x, double y, double w, double h) {
        boolean overlaps(Box o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }
    }

    public static String svg(Path trace, String run, int steps) {
        if (trace == null || !Files.exists(trace)) {
            return "<p>(no trace: emulator.trace.enabled = false)</p>";
        }
        List<Arrow> arrows = new ArrayList<>();
        long[] firstStep = {-1};
        TraceReader.readWhile(trace, TraceReader.Corrupt.SKIP, e -> {
            if (!(e instanceof TraceMessage m) || !m.run().equals(run) || !m.phase().equals("deployment")) {
                return true;
            }
            if (firstStep[0] < 0) {
                firstStep[0] = m.step();
            }
            if (m.step() >= firstStep[0] + steps) {
                return false;
            }
            arrows.add(new Arrow(m.t(), m.lost() ? m.t() : m.arrive(), m.from(), m.to(), m.type(), m.lost(), arrows.size()));
            return true;
        });
        if (arrows.isEmpty()) {
            return "<p>(no deployment messages traced for " + EmulatorReport.esc(run) + ")</p>";
        }
        return draw(arrows, run, firstStep[0], steps);
    }

    private static String draw(List<Arrow> arrows, String run, long firstStep, int steps) {
        TreeSet<String> entities = new TreeSet<>(Entities.ORDER);
        Map<Row, Integer> firstSeen = new HashMap<>();
        for (Arrow a : arrows) {
            entities.add(a.from());
            entities.add(a.to());
            firstSeen.putIfAbsent(new Row(a.sent(), a.type()), a.order());
            firstSeen.putIfAbsent(new Row(a.arrive(), a.type()), a.order());
        }
        // rows by time; at one instant in trace order (a step's transmissions and receptions before the next pilots)
        List<Row> rows = new ArrayList<>(firstSeen.keySet());
        rows.sort(Comparator.comparingLong(Row::time).thenComparingInt(firstSeen::get));
        Map<Row, Double> y = new HashMap<>();
        double at = TOP;
        for (int r = 0; r < rows.size(); r++) {
            at += r == 0 ? 0 : rows.get(r).time() == rows.get(r - 1).time() ? SUB_ROW : ROW;
            y.put(rows.get(r), at);
        }
        List<String> lanes = new ArrayList<>(entities);
        long t0 = rows.get(0).time();
        int width = LEFT + LANE * lanes.size() + 20;
        int height = (int) Math.ceil(at) + 30;
        StringBuilder s = new StringBuilder();
        s.append("<p>Run <b>").append(EmulatorReport.esc(run)).append("</b>, deployment steps ").append(firstStep)
                .append("..").append(firstStep + steps - 1).append(". Time runs down: a row per message type at each "
                        + "distinct instant (left: microseconds since the first pilot shown). ").append(legend(arrows))
                .append("</p>");
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" font-family=\"sans-serif\" font-size=\"").append(FONT_SIZE).append("\">")
                .append("<defs><marker id=\"arr\" markerWidth=\"8\" markerHeight=\"6\" refX=\"8\" refY=\"3\" orient=\"auto\">")
                .append("<path d=\"M0,0 L8,3 L0,6 z\" fill=\"#333\"/></marker></defs>");
        for (int i = 0; i < lanes.size(); i++) {
            int x = lane(i);
            s.append("<text x=\"").append(x).append("\" y=\"20\" text-anchor=\"middle\" font-weight=\"bold\">")
                    .append(EmulatorReport.esc(lanes.get(i))).append("</text><line x1=\"").append(x).append("\" y1=\"")
                    .append(TOP - 10).append("\" x2=\"").append(x).append("\" y2=\"").append(height - 10)
                    .append("\" stroke=\"#bbb\"/>");
        }
        timeLabels(s, rows, y, t0);
        Map<String, Integer> fan = new HashMap<>();
        List<Box> placed = new ArrayList<>();
        LinkedHashSet<Row> labelled = new LinkedHashSet<>();
        for (Arrow a : arrows) {
            Row start = new Row(a.sent(), a.type());
            // arrows leaving one lane in one row are fanned out by a few pixels so they stay apart
            int k = fan.merge(start + "/" + a.from(), 1, Integer::sum) - 1;
            double y1 = y.get(start) + 3 * k;
            double y2 = y.get(new Row(a.arrive(), a.type())) + 3 * k;
            int x1 = lane(lanes.indexOf(a.from()));
            int x2 = lane(lanes.indexOf(a.to()));
            if (a.lost()) {
                x2 = (x1 + x2) / 2;
                y2 = y1 + SUB_ROW / 2.0;
            }
            String color = a.lost() ? "#c00" : colorOf(a.type());
            s.append(String.format("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.2\"%s%s/>",
                    x1, y1, x2, y2, color, a.lost() ? " stroke-dasharray=\"4,3\"" : "",
                    a.lost() ? "" : " marker-end=\"url(#arr)\""));
            if (a.lost() || labelled.add(start)) {
                label(s, placed, a.type() + (a.lost() ? " (lost)" : ""), x1, x2, y1, color);
            }
        }
        s.append("</svg>");
        return s.toString();
    }

    /** The instant of each first row of an instant, with the fewest decimals (1 to 3) that tell it from its neighbours. */
    private static void timeLabels(StringBuilder s, List<Row> rows, Map<Row, Double> y, long t0) {
        List<Long> instants = new ArrayList<>(new LinkedHashSet<>(rows.stream().map(Row::time).toList()));
        Map<Long, Row> firstRow = new LinkedHashMap<>();
        for (Row r : rows) {
            firstRow.putIfAbsent(r.time(), r);
        }
        for (int i = 0; i < instants.size(); i++) {
            int decimals = 1;
            while (decimals < 3 && (same(instants, i, i - 1, t0, decimals) || same(instants, i, i + 1, t0, decimals))) {
                decimals++;
            }
            s.append(String.format("<text x=\"4\" y=\"%.1f\" fill=\"#666\">%s</text>", y.get(firstRow.get(instants.get(i))) + 3,
                    us(instants.get(i) - t0, decimals)));
        }
    }

    private static boolean same(List<Long> instants, int i, int j, long t0, int decimals) {
        return j >= 0 && j < instants.size() && us(instants.get(i) - t0, decimals).equals(us(instants.get(j) - t0, decimals));
    }

    private static String us(long ns, int decimals) {
        return String.format("%." + decimals + "f", ns / 1e3);
    }

    /** A label beside the arrow's start, on the side the arrow leaves to, else the other side, else none. */
    private static void label(StringBuilder s, List<Box> placed, String text, int x1, int x2, double y1, String color) {
        double w = CHAR_WIDTH * text.length();
        double baseline = y1 - 3;
        boolean right = x2 >= x1;
        for (boolean side : new boolean[] {right, !right}) {
            Box b = new Box(side ? x1 + 4 : x1 - 4 - w, baseline - FONT_SIZE + 1, w, FONT_SIZE);
            if (placed.stream().noneMatch(b::overlaps)) {
                placed.add(b);
                s.append(String.format("<text %sx=\"%d\" y=\"%.1f\" fill=\"%s\">%s</text>",
                        side ? "" : "text-anchor=\"end\" ", side ? x1 + 4 : x1 - 4, baseline, color,
                        EmulatorReport.esc(text)));
                return;
            }
        }
    }

    /** Colour key of the message types shown. */
    private static String legend(List<Arrow> arrows) {
        StringBuilder s = new StringBuilder("Colours: ");
        new LinkedHashSet<>(arrows.stream().map(Arrow::type).toList()).forEach(t -> s.append("<span style=\"color:")
                .append(colorOf(t)).append("\">&#9632; ").append(EmulatorReport.esc(t)).append("</span> "));
        return s.append("<span style=\"color:#c00\">&#9632; lost</span>.").toString();
    }

    private static int lane(int i) {
        return LEFT + LANE * i + LANE / 2;
    }

    private static String colorOf(String type) {
        return switch (type) {
            case "Pilot" -> "#7f7f7f";
            case "Reception" -> "#a8a8a8";
            case "Csi" -> "#1f77b4";
            case "Assignment" -> "#ff7f0e";
            case "Precoder" -> "#2ca02c";
            case "Transmission" -> "#9467bd";
            default -> "#333";
        };
    }
}
