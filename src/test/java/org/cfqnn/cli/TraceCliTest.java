package org.cfqnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cfqnn trace summarize} and {@code cfqnn trace view} on good, cut and corrupt traces. */
class TraceCliTest {

    @TempDir
    Path dir;

    /** Ten steps of pilots, CSI and transmissions of one AP; the transmission of step 3 names a timer as its cause. */
    private Path trace() throws Exception {
        List<String> lines = new ArrayList<>();
        long id = 1;
        for (int s = 0; s < 10; s++) {
            long t0 = s * 1_000_000L;
            long pilot = id++;
            lines.add(line(t0, t0, s, "world", "ap-0", "Pilot", "air", pilot, 900 + s));
            long csi = id++;
            lines.add(line(t0, t0 + 100_000, s, "ap-0", "cloud", "Csi", "fronthaul", csi, pilot));
            long assignment = id++;
            lines.add(line(t0 + 120_000, t0 + 220_000, s, "cloud", "ap-0", "Assignment", "fronthaul", assignment, csi));
            lines.add(line(t0 + 1_000_000, t0 + 1_000_000, s, "ap-0", "world", "Transmission", "air", id++,
                    s == 3 ? 999_999 : assignment));
        }
        Path f = dir.resolve("run/trace.jsonl");
        Files.createDirectories(f.getParent());
        Files.write(f, lines);
        return f;
    }

    private static String line(long t, long arrive, int step, String from, String to, String type, String link, long id,
                               long cause) {
        return "{\"run\":\"search\",\"t\":" + t + ",\"arrive\":" + arrive + ",\"wall\":" + id + ",\"step\":" + step
                + ",\"phase\":\"deployment\",\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"type\":\"" + type
                + "\",\"bytes\":40,\"link\":\"" + link + "\",\"id\":" + id + ",\"cause\":" + cause
                + ",\"lost\":false,\"fromNode\":\"local\",\"toNode\":\"local\",\"crossNode\":false}";
    }

    /** The trace as a crash leaves it: the last line cut, plus a line of garbage in the middle. */
    private Path damaged() throws Exception {
        Path f = trace();
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        lines.add(7, "#garbage");
        String last = lines.remove(lines.size() - 1);
        lines.add(last.substring(0, 60));
        Files.write(f, lines);
        return f;
    }

    @Test
    void summarizeCountsPerTypeAndLatencyPercentiles() throws Exception {
        Path f = trace();
        CliRunner r = CliRunner.run("trace", "summarize", f.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().lines()).containsExactly(
                "run          phase          type  count  bytes  lost  p50 us  p99 us  max us",
                "------  ----------  ------------  -----  -----  ----  ------  ------  ------",
                "search  deployment    Assignment     10    400     0   100.0   100.0   100.0",
                "search  deployment           Csi     10    400     0   100.0   100.0   100.0",
                "search  deployment         Pilot     10    400     0     0.0     0.0     0.0",
                "search  deployment  Transmission     10    400     0     0.0     0.0     0.0",
                "40 messages in " + f);
    }

    @Test
    void summarizeSkipsCorruptLinesWithOneWarningNamingTheFirst() throws Exception {
        Path f = damaged();
        CliRunner r = CliRunner.run("trace", "summarize", f.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("39 messages in " + f);
        assertThat(r.err().lines()).containsExactly("cfqnn trace summarize: warning: " + f + ": 2 corrupt lines skipped "
                + "(first: line 8: not JSON at column 1: Unexpected character ('#' (code 35)): expected a valid value "
                + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false'))");
    }

    @Test
    void strictFailsWithOneLineAndExitCode2() throws Exception {
        Path f = damaged();
        Files.write(f, Files.readAllLines(f).subList(0, 7).stream().toList());
        Files.writeString(f, Files.readString(f) + TraceCliTest.line(0, 1, 0, "a", "b", "X", "air", 99, 1).substring(0, 50) + "\n");
        CliRunner r = CliRunner.run("trace", "summarize", "--strict", f.toString());
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err().lines()).containsExactly("cfqnn trace summarize: " + f + " line 8: truncated: the line ends "
                + "inside the JSON object");
    }

    @Test
    void viewWritesThePageBesideTheTraceWithTheMissesItFinds() throws Exception {
        Path f = damaged();
        CliRunner r = CliRunner.run("trace", "view", f.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path page = f.getParent().resolve("trace-viewer.html");
        assertThat(page).exists();
        // derived from the trace: step 3's transmission is not caused by a message of its step
        assertThat(r.out()).startsWith("wrote " + page.toAbsolutePath() + " (")
                .contains("): 39 messages, 10 steps, 1 with deadline misses; open it in a browser");
        assertThat(r.err()).startsWith("cfqnn trace view: warning: " + f + ": 2 corrupt lines skipped (first: line 8:");
        assertThat(Files.readString(page)).contains("\"corrupt\":2,\"firstCorruptLine\":8");
    }

    @Test
    void viewTakesMissesFromStepsCsvAndWritesWhereItIsTold() throws Exception {
        Path f = trace();
        Path csv = dir.resolve("elsewhere.csv");
        StringBuilder steps = new StringBuilder("sweep,protocol,step,fallbacks\n");
        for (int s = 0; s < 10; s++) {
            steps.append(",search,").append(s).append(',').append(s == 0 || s == 2 ? 1 : 0).append('\n');
        }
        Files.writeString(csv, steps);
        Path out = dir.resolve("pages");
        CliRunner r = CliRunner.run("trace", "view", f.toString(), "--steps", csv.toString(), "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        // steps.csv wins over what the trace says (step 3)
        assertThat(r.out()).contains("10 steps, 2 with deadline misses (from " + csv + ")");
        assertThat(out.resolve("trace-viewer.html")).exists();
    }

    @Test
    void badInputIsOneLineAndExitCode2() throws Exception {
        Path f = trace();
        String[][] cases = {
            {"trace view " + dir.resolve("none.jsonl"), "cfqnn trace view: " + dir.resolve("none.jsonl") + ": no such trace file"},
            {"trace view " + f + " --steps " + dir.resolve("no.csv"), "cfqnn trace view: " + dir.resolve("no.csv") + ": no such steps file"},
            {"trace summarize " + dir, "cfqnn trace summarize: " + dir + ": is a directory, expected a trace.jsonl"},
        };
        for (String[] c : cases) {
            CliRunner r = CliRunner.run(c[0].split(" "));
            assertThat(r.exitCode()).as(c[0]).isEqualTo(Main.EXIT_BAD_INPUT);
            assertThat(r.err().lines()).as(c[0]).containsExactly(c[1]);
        }
    }
}
