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
 * one vertical lane per entity, one arrow per message from its send time to its arrival time (time
 * runs down, to scale); lost messages are dashed and red.
 */
public final class SequenceChart {

    private static final int LANE = 90;
    private static final int TOP = 40;
    private static final int HEIGHT = 900;

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
        long t0 = Long.MAX_VALUE;
        long t1 = Long.MIN_VALUE;
        for (Arrow a : arrows) {
            entities.add(a.from());
            entities.add(a.to());
            t0 = Math.min(t0, a.sent());
            t1 = Math.max(t1, a.arrive());
        }
        List<String> lanes = new ArrayList<>(entities);
        double scale = (double) HEIGHT / Math.max(1, t1 - t0);
        int width = LANE * lanes.size() + 40;
        StringBuilder s = new StringBuilder();
        s.append("<p>Run <b>").append(EmulatorReport.esc(run)).append("</b>, deployment steps ").append(firstStep)
                .append("..").append(firstStep + steps - 1).append(", ").append(String.format("%.1f", (t1 - t0) / 1e3))
                .append(" us of virtual time from top to bottom.</p>");
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(HEIGHT + TOP + 30).append("\" font-family=\"sans-serif\" font-size=\"10\">")
                .append("<defs><marker id=\"arr\" markerWidth=\"8\" markerHeight=\"6\" refX=\"8\" refY=\"3\" orient=\"auto\">")
                .append("<path d=\"M0,0 L8,3 L0,6 z\" fill=\"#333\"/></marker></defs>");
        for (int i = 0; i < lanes.size(); i++) {
            int x = 20 + LANE * i + LANE / 2;
            s.append("<text x=\"").append(x).append("\" y=\"20\" text-anchor=\"middle\" font-weight=\"bold\">")
                    .append(lanes.get(i)).append("</text><line x1=\"").append(x).append("\" y1=\"").append(TOP - 10)
                    .append("\" x2=\"").append(x).append("\" y2=\"").append(HEIGHT + TOP).append("\" stroke=\"#bbb\"/>");
        }
        for (Arrow a : arrows) {
            int x1 = 20 + LANE * lanes.indexOf(a.from()) + LANE / 2;
            int x2 = 20 + LANE * lanes.indexOf(a.to()) + LANE / 2;
            double y1 = TOP + (a.sent() - t0) * scale;
            double y2 = TOP + (a.arrive() - t0) * scale;
            String color = a.lost() ? "#c00" : colorOf(a.type());
            if (a.lost()) {
                x2 = (x1 + x2) / 2;
            }
            s.append(String.format("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.2\"%s%s/>",
                    x1, y1, x2, y2, color, a.lost() ? " stroke-dasharray=\"4,3\"" : "",
                    a.lost() ? "" : " marker-end=\"url(#arr)\""));
            s.append(String.format("<text x=\"%d\" y=\"%.1f\" fill=\"%s\">%s%s</text>", Math.min(x1, x2) + 4, (y1 + y2) / 2 - 2,
                    color, a.type(), a.lost() ? " (lost)" : ""));
        }
        s.append("</svg>");
        return s.toString();
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
