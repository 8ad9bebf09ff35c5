package org.cfqnn.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.cfqnn.io.JsonNodes;

/**
 * An SVG message sequence chart of the first deployment steps of one run, drawn from trace.jsonl:
 * one vertical lane per entity, one arrow per message from its send instant to its arrival instant
 * (time runs down, one row per distinct instant, the time printed on the left); lost messages are dashed
 * and red.
 */
public final class SequenceChart {

    private static final int LANE = 90;
    private static final int LEFT = 50;
    private static final int TOP = 44;
    private static final int ROW = 26;

    private SequenceChart() {
    }

    private record Arrow(long sent, long arrive, String from, String to, String type, long step, boolean lost) {
    }

    public static String svg(Path trace, String run, int steps) {
        if (trace == null || !Files.exists(trace)) {
            return "<p>(no trace: emulator.trace.enabled = false)</p>";
        }
        List<Arrow> arrows = new ArrayList<>();
        long firstStep = -1;
        try (BufferedReader in = Files.newBufferedReader(trace, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode j = JsonNodes.MAPPER.readTree(line);
                if (!j.get("run").asText().equals(run) || !j.get("phase").asText().equals("deployment")) {
                    continue;
                }
                long step = j.get("step").asLong();
                if (firstStep < 0) {
                    firstStep = step;
                }
                if (step >= firstStep + steps) {
                    break;
                }
                boolean lost = j.get("lost").asBoolean();
                arrows.add(new Arrow(j.get("t").asLong(), lost ? j.get("t").asLong() : j.get("arrive").asLong(),
                        j.get("from").asText(), j.get("to").asText(), j.get("type").asText(), step, lost));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (arrows.isEmpty()) {
            return "<p>(no deployment messages traced for " + EmulatorReport.esc(run) + ")</p>";
        }
        TreeSet<String> entities = new TreeSet<>(Comparator.comparingInt(SequenceChart::rank)
                .thenComparingInt(SequenceChart::index).thenComparing(e -> e));
        TreeSet<Long> times = new TreeSet<>();
        for (Arrow a : arrows) {
            entities.add(a.from());
            entities.add(a.to());
            times.add(a.sent());
            times.add(a.arrive());
        }
        List<String> lanes = new ArrayList<>(entities);
        List<Long> rows = new ArrayList<>(times); // ordinal time: one row per distinct instant
        long t0 = rows.get(0);
        int width = LEFT + LANE * lanes.size() + 20;
        int height = TOP + ROW * rows.size() + 20;
        StringBuilder s = new StringBuilder();
        s.append("<p>Run <b>").append(EmulatorReport.esc(run)).append("</b>, deployment steps ").append(firstStep)
                .append("..").append(firstStep + steps - 1).append(". Time runs down, one row per distinct instant (left: "
                        + "microseconds since the first pilot shown).</p>");
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" font-family=\"sans-serif\" font-size=\"10\">")
                .append("<defs><marker id=\"arr\" markerWidth=\"8\" markerHeight=\"6\" refX=\"8\" refY=\"3\" orient=\"auto\">")
                .append("<path d=\"M0,0 L8,3 L0,6 z\" fill=\"#333\"/></marker></defs>");
        for (int i = 0; i < lanes.size(); i++) {
            int x = lane(i);
            s.append("<text x=\"").append(x).append("\" y=\"20\" text-anchor=\"middle\" font-weight=\"bold\">")
                    .append(lanes.get(i)).append("</text><line x1=\"").append(x).append("\" y1=\"").append(TOP - 10)
                    .append("\" x2=\"").append(x).append("\" y2=\"").append(height - 10).append("\" stroke=\"#bbb\"/>");
        }
        for (int r = 0; r < rows.size(); r++) {
            s.append(String.format("<text x=\"4\" y=\"%d\" fill=\"#666\">%.1f</text>", TOP + ROW * r + 3,
                    (rows.get(r) - t0) / 1e3));
        }
        java.util.Map<String, Integer> inRow = new java.util.HashMap<>();
        java.util.Set<String> labelled = new java.util.HashSet<>();
        for (Arrow a : arrows) {
            int r1 = rows.indexOf(a.sent());
            int r2 = rows.indexOf(a.arrive());
            // arrows leaving one lane at one instant are fanned out by a few pixels so they stay apart
            int k = inRow.merge(r1 + "/" + a.from(), 1, Integer::sum) - 1;
            double y1 = TOP + ROW * r1 + 3 * k;
            double y2 = TOP + ROW * r2 + 3 * k;
            int x1 = lane(lanes.indexOf(a.from()));
            int x2 = lane(lanes.indexOf(a.to()));
            if (a.lost()) {
                x2 = (x1 + x2) / 2;
                y2 = y1 + ROW / 2.0;
            }
            String color = a.lost() ? "#c00" : colorOf(a.type());
            s.append(String.format("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.2\"%s%s/>",
                    x1, y1, x2, y2, color, a.lost() ? " stroke-dasharray=\"4,3\"" : "",
                    a.lost() ? "" : " marker-end=\"url(#arr)\""));
            if (labelled.add(a.type() + "/" + r1 + "/" + a.from()) || a.lost()) {
                s.append(String.format("<text x=\"%d\" y=\"%.1f\" fill=\"%s\">%s%s</text>", x1 + (x2 >= x1 ? 4 : -4),
                        y1 - 3, color, a.type(), a.lost() ? " (lost)" : "")
                        .replace("<text x", x2 >= x1 ? "<text x" : "<text text-anchor=\"end\" x"));
            }
        }
        s.append("</svg>");
        return s.toString();
    }

    private static int lane(int i) {
        return LEFT + LANE * i + LANE / 2;
    }

    private static int rank(String entity) {
        if (entity.equals("world")) {
            return 0;
        }
        if (entity.startsWith("ap-")) {
            return 1;
        }
        if (entity.startsWith("edge-")) {
            return 2;
        }
        if (entity.equals("cloud")) {
            return 3;
        }
        return 4;
    }

    private static int index(String entity) {
        int dash = entity.lastIndexOf('-');
        return dash < 0 ? 0 : Integer.parseInt(entity.substring(dash + 1));
    }

    private static String colorOf(String type) {
        return switch (type) {
            case "Pilot", "Reception" -> "#777";
            case "Csi" -> "#1f77b4";
            case "Assignment" -> "#ff7f0e";
            case "Precoder" -> "#2ca02c";
            case "Transmission" -> "#9467bd";
            default -> "#333";
        };
    }
}
