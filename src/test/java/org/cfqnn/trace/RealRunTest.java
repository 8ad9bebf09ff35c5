package org.cfqnn.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.cfqnn.cli.CliRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real emulator run whose fronthaul jitter makes some deployment steps miss their deadline: what the
 * trace viewer derives from the trace alone agrees with the emulator's own steps.csv, step by step.
 */
class RealRunTest {

    static final String JITTERY = """
            cloud { ansatz = graph, graph { qubits = 2, layers = 1, rounds = 1 }
                    training { optimizer = adam, gradient = adjoint, n-data = 20, n-epoch = 2 } }
            edge { ansatz = amplitude, training { optimizer = adam, learning-rate = 0.05, gradient = adjoint, n-data = 10, n-epoch = 2 } }
            emulator { steps = 24, protocols = [non-centralized, centralized, search]
                       links.fronthaul { latency = 100 us, jitter = 500 us } }
            """;

    @TempDir
    static Path dir;
    static Path out;

    @BeforeAll
    static void run() throws Exception {
        Path scenario = dir.resolve("jittery.conf");
        Files.writeString(scenario, JITTERY);
        out = dir.resolve("out");
        CliRunner r = CliRunner.run("run", scenario.toString(), "--out", out.toString(), "--no-progress");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void missesDerivedFromTheTraceAreTheEmulatorsFallbacksStepByStep() {
        Map<String, TreeMap<Long, Long>> csv = StepsCsv.misses(out.resolve("steps.csv"));
        TraceIndex derived = TraceIndexTest.index(out.resolve("trace.jsonl"), Map.of());
        assertThat(derived.missSources.values()).contains(TraceIndex.MissSource.DERIVED);
        Map<String, TreeMap<Long, Long>> fromTrace = new TreeMap<>();
        Map<String, Long> first = new TreeMap<>();
        for (TraceIndex.Step s : derived.steps) {
            if (derived.table.strings.get(s.phase()).equals("deployment")) {
                String run = derived.table.strings.get(s.run());
                first.merge(run, s.step(), Math::min);
                fromTrace.computeIfAbsent(run, r -> new TreeMap<>()).put(s.step(), s.misses());
            }
        }
        assertThat(fromTrace.keySet()).containsExactlyInAnyOrderElementsOf(csv.keySet());
        long missedSteps = 0;
        for (String run : csv.keySet()) {
            TreeMap<Long, Long> expected = csv.get(run);
            assertThat(fromTrace.get(run)).as(run).hasSameSizeAs(expected);
            for (Map.Entry<Long, Long> e : expected.entrySet()) {
                long traceStep = e.getKey() - expected.firstKey() + first.get(run);
                assertThat(fromTrace.get(run).get(traceStep)).as("%s step %d", run, e.getKey()).isEqualTo(e.getValue());
                missedSteps += e.getValue() > 0 ? 1 : 0;
            }
        }
        // the scenario is only a test if some steps missed and some did not
        assertThat(missedSteps).isBetween(1L, 3L * 24 - 1);
    }

    @Test
    void theRunWritesTheViewerAndTheReportLinksToIt() throws Exception {
        assertThat(out.resolve(TraceViewer.FILE_NAME)).exists();
        assertThat(Files.readString(out.resolve("report.html"))).contains("<a href=\"trace-viewer.html\">");
        String page = Files.readString(out.resolve(TraceViewer.FILE_NAME));
        assertThat(TraceViewerTest.meta(page).at("/runs/0/missSource").asText()).isEqualTo("steps.csv");
    }
}
