package org.cfqnn.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceChartTest {

    private static final Pattern TEXT = Pattern.compile("<text ([^>]*)>([^<]*)</text>");
    private static final Pattern ATTR = Pattern.compile("([a-z-]+)=\"([^\"]*)\"");

    @TempDir
    Path dir;

    /** A label as drawn: its box from the chart's font metrics ({@link SequenceChart#CHAR_WIDTH} per character). */
    record Label(String text, double x, double y, double w) {
        boolean overlaps(Label o) {
            double h = SequenceChart.FONT_SIZE;
            return x < o.x + o.w && o.x < x + w && y - h < o.y && o.y - h < y;
        }
    }

    static List<Label> labels(String svg) {
        List<Label> out = new ArrayList<>();
        Matcher m = TEXT.matcher(svg);
        while (m.find()) {
            Matcher a = ATTR.matcher(m.group(1));
            double x = 0;
            double y = 0;
            String anchor = "start";
            while (a.find()) {
                switch (a.group(1)) {
                    case "x" -> x = Double.parseDouble(a.group(2));
                    case "y" -> y = Double.parseDouble(a.group(2));
                    case "text-anchor" -> anchor = a.group(2);
                    default -> { }
                }
            }
            double w = SequenceChart.CHAR_WIDTH * m.group(2).length();
            double left = switch (anchor) {
                case "end" -> x - w;
                case "middle" -> x - w / 2;
                default -> x;
            };
            out.add(new Label(m.group(2), left, y, w));
        }
        return out;
    }

    private static String line(String run, long t, long arrive, int step, String from, String to, String type, long id) {
        return "{\"run\":\"" + run + "\",\"t\":" + t + ",\"arrive\":" + (arrive < 0 ? "null" : arrive) + ",\"step\":" + step
                + ",\"phase\":\"deployment\",\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"type\":\"" + type
                + "\",\"id\":" + id + ",\"cause\":0,\"lost\":" + (arrive < 0) + "}";
    }

    /**
     * Two steps as the emulator traces them: a step's transmissions and receptions share their instant with the
     * next step's pilots; two CSI arrive 50 ns apart; one CSI is lost.
     */
    private Path twoSteps() throws Exception {
        List<String> l = new ArrayList<>();
        long id = 1;
        for (int s = 0; s < 2; s++) {
            long t0 = s * 1_000_000L;
            for (int m = 0; m < 2; m++) {
                l.add(line("x", t0, t0, s, "world", "ap-" + m, "Pilot", id++));
            }
            l.add(line("x", t0, t0 + 102_950, s, "ap-0", "cloud", "Csi", id++));
            l.add(line("x", t0, s == 1 ? -1 : t0 + 103_000, s, "ap-1", "cloud", "Csi", id++));
            for (int m = 0; m < 2; m++) {
                l.add(line("x", t0 + 123_000, t0 + 223_000, s, "cloud", "ap-" + m, "Assignment", id++));
            }
            for (int m = 0; m < 2; m++) {
                l.add(line("x", t0 + 1_000_000, t0 + 1_000_000, s, "ap-" + m, "world", "Transmission", id++));
            }
            l.add(line("x", t0 + 1_000_000, t0 + 1_000_000, s, "world", "user-0", "Reception", id++));
        }
        l.add(line("other", 0, 0, 0, "world", "ap-0", "Pilot", 1));
        Path f = dir.resolve("trace.jsonl");
        Files.write(f, l);
        return f;
    }

    @Test
    void labelsOfMessagesSharingAnInstantDoNotOverlap() throws Exception {
        String svg = SequenceChart.svg(twoSteps(), "x", 2);
        List<Label> labels = labels(svg);
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                assertThat(labels.get(i).overlaps(labels.get(j))).as("%s overlaps %s", labels.get(i), labels.get(j)).isFalse();
            }
        }
        // at 1000 us the step's transmissions and reception and the next step's pilots each have a labelled row
        List<String> texts = labels.stream().map(Label::text).toList();
        assertThat(texts).contains("Pilot", "Csi", "Csi (lost)", "Assignment", "Transmission", "Reception");
        assertThat(labels.stream().filter(l -> l.text().equals("Pilot")).count()).isEqualTo(2);
        assertThat(labels.stream().filter(l -> l.text().equals("Pilot")).map(Label::y).distinct().count()).isEqualTo(2);
    }

    @Test
    void everyInstantHasItsOwnTimeLabelWithTheDecimalsItNeeds() throws Exception {
        String svg = SequenceChart.svg(twoSteps(), "x", 2);
        List<String> times = labels(svg).stream().filter(l -> l.x() == 4).map(Label::text).toList();
        // instants: 0, 102.95 and 103.0 (told apart by a second decimal), 123, 223, 1000 (transmissions and the next
        // pilots), 1102.95 (alone: the other CSI is lost, one decimal is enough), 1123, 1223, 2000
        assertThat(times).containsExactly("0.0", "102.95", "103.00", "123.0", "223.0", "1000.0", "1103.0", "1123.0",
                "1223.0", "2000.0");
        assertThat(svg).contains("deployment steps 0..1");
    }

    @Test
    void lanesFollowTheProtocolUsersWorldApsEdgesCloud() throws Exception {
        String svg = SequenceChart.svg(twoSteps(), "x", 2);
        List<String> lanes = labels(svg).stream().filter(l -> l.y() == 20).map(Label::text).toList();
        assertThat(lanes).containsExactly("user-0", "world", "ap-0", "ap-1", "cloud");
    }

    @Test
    void noTraceOrNoMessagesOfTheRunIsSaidInText() throws Exception {
        assertThat(SequenceChart.svg(null, "x", 2)).isEqualTo("<p>(no trace: emulator.trace.enabled = false)</p>");
        assertThat(SequenceChart.svg(twoSteps(), "y", 2)).isEqualTo("<p>(no deployment messages traced for y)</p>");
    }
}
