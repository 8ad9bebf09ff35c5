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
                "40 messages in " + f,
                "no breakdown in this trace"); // a trace from before the breakdown: its lines carry none
    }

    /**
     * {@link #trace()} with the latency ap-0 measured on each assignment (a classical protocol): per step s,
     * link latency 200 us, jitter 100 s ns, serialization 1280 ns, a collection wait of 1 us at step 9 only,
     * 500 ns of classical work; the parts add up to protocolLatencyNs. Line {@code badLine} (1-based, 0: none)
     * gets a part that does not add up.
     */
    private Path traceWithBreakdown(int badLine) throws Exception {
        Path f = trace();
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.contains("\"type\":\"Assignment\"")) {
                continue;
            }
            int s = i / 4;
            long jitter = 100L * s;
            long wait = s == 9 ? 1_000 : 0;
            long total = 200_000 + jitter + 1_280 + wait + 500 + (i + 1 == badLine ? 1 : 0);
            lines.set(i, l.substring(0, l.length() - 1) + ",\"protocolLatencyNs\":" + total + ",\"breakdownNs\":{"
                    + "\"linkLatency\":200000,\"jitter\":" + jitter + ",\"serialization\":1280,\"linkQueue\":0,"
                    + "\"collectionWait\":" + wait + ",\"qpuQueue\":0,\"cpuQueue\":0,\"quantum\":0,\"classical\":500,"
                    + "\"runtime\":0}}");
        }
        Files.write(f, lines);
        return f;
    }

    @Test
    void summarizePrintsTheLatencyBreakdownOfEachRun() throws Exception {
        Path f = traceWithBreakdown(0);
        CliRunner r = CliRunner.run("trace", "summarize", f.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        // means exact: jitter (0 + 100 + ... + 900) / 10 = 450 ns, collection wait 1000 / 10 = 100 ns, total
        // 200000 + 450 + 1280 + 100 + 500 = 202330 ns. p99 of 10 samples is the largest, read from HdrHistogram
        // at 3 significant digits as the top of its bucket: exact below 2048 ns; 200000 ns -> 200063 (buckets of
        // 128 ns from 131072 ns on), the largest total 203680 ns -> 203775. Shares: of the mean total.
        assertThat(r.out().lines().dropWhile(l -> !l.startsWith("Protocol latency breakdown")).toList()).containsExactly(
                "Protocol latency breakdown per (step, AP): CSI at the AP -> precoder at the AP",
                "run                   part  mean us   p99 us  share of mean",
                "------  ------------------  -------  -------  -------------",
                "search         linkLatency  200.000  200.063          98.8%",
                "search              jitter    0.450    0.900           0.2%",
                "search       serialization    1.280    1.280           0.6%",
                "search           linkQueue    0.000    0.000           0.0%",
                "search      collectionWait    0.100    1.000           0.0%",
                "search            qpuQueue    0.000    0.000           0.0%",
                "search            cpuQueue    0.000    0.000           0.0%",
                "search             quantum    0.000    0.000           0.0%",
                "search           classical    0.500    0.500           0.2%",
                "search             runtime    0.000    0.000           0.0%",
                "search  total (10 samples)  202.330  203.775         100.0%");
    }

    @Test
    void aBreakdownThatDoesNotAddUpIsACorruptLineNamedByNumber() throws Exception {
        Path f = traceWithBreakdown(7); // step 1's assignment
        CliRunner r = CliRunner.run("trace", "summarize", f.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("search  total (9 samples)");
        assertThat(r.err().lines()).containsExactly("cfqnn trace summarize: warning: " + f + ": 1 corrupt line skipped "
                + "(first: line 7: \"breakdownNs\" adds up to 201880 ns, not \"protocolLatencyNs\" = 201881)");
        CliRunner strict = CliRunner.run("trace", "summarize", "--strict", f.toString());
        assertThat(strict.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(strict.err().lines()).containsExactly("cfqnn trace summarize: " + f + " line 7: \"breakdownNs\" adds "
                + "up to 201880 ns, not \"protocolLatencyNs\" = 201881");
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
    void anUnwritablePageSaysWhyWithoutTemporaryNames() throws Exception {
        Path f = damaged();
        Path file = Files.writeString(f.getParent().resolve("a-file"), "x");
        CliRunner r = CliRunner.run("trace", "view", f.toString(), "--out", file.resolve("v").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("cfqnn trace view: --out = ").contains("not a directory")
                .doesNotContain(".tmp", "--verbose");
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
