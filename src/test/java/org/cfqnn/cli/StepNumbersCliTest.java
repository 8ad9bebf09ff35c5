package org.cfqnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cfqnn.io.JsonNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with emulated training counts its deployment steps from 0 in every output (steps.csv, the trace,
 * the report's sequence chart), reports how long the emulated training took, keeps the training phases
 * out of the default trace, and shows main results a person can read.
 */
class StepNumbersCliTest {

    @TempDir
    Path dir;

    private static final int STEPS = 6;
    private static final String EMULATED = """
            cloud { ansatz = graph, graph { qubits = 2, layers = 1, rounds = 1 }
                    training { optimizer = adam, gradient = adjoint, n-data = 20, n-epoch = 2 } }
            edge { ansatz = amplitude, training { optimizer = adam, learning-rate = 0.05, gradient = adjoint, n-data = 10, n-epoch = 2 } }
            emulator { steps = 6, protocols = [non-centralized], training = emulate }
            """;

    @Test
    void deploymentStepsCountFromZeroEverywhere() throws Exception {
        Path scenario = Files.writeString(dir.resolve("s.conf"), EMULATED);
        Path out = dir.resolve("out");
        CliRunner r = CliRunner.run("run", scenario.toString(), "--out", out.toString(), "--no-progress");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> steps = Files.readAllLines(out.resolve("steps.csv"));
        List<String> header = List.of(steps.get(0).split(","));
        assertThat(steps.subList(1, steps.size())).extracting(l -> l.split(",")[header.indexOf("step")])
                .containsExactly("0", "1", "2", "3", "4", "5");
        for (String line : Files.readAllLines(out.resolve("trace.jsonl"))) {
            JsonNode j = JsonNodes.MAPPER.readTree(line);
            assertThat(j.get("phase").asText()).isEqualTo("deployment"); // the default trace leaves training out
            assertThat(j.get("step").asLong()).isBetween(0L, STEPS - 1L);
        }
        assertThat(Files.readString(out.resolve("report.html"))).contains("deployment steps 0").doesNotContain("restarts {}");
        JsonNode training = JsonNodes.MAPPER.readTree(out.resolve("summary.json").toFile()).at("/performance/training/0");
        assertThat(training.get("mode").asText()).isEqualTo("emulate");
        // 2 x 10 edge-training steps of 1 ms each, after the cloud's training: at least 20 ms of emulated time
        assertThat(training.get("emulatedSeconds").asDouble()).isGreaterThanOrEqualTo(0.020);
        assertThat(training.get("wallSeconds").asDouble()).isPositive();
        // the table counts messages as whole numbers
        assertThat(r.out()).doesNotContain(".0000 ");
    }

    @Test
    void progressInALogIsALinePerTenPercent() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (org.cfqnn.report.Progress p = org.cfqnn.report.Progress.start("emulate", 200, org.cfqnn.report.Progress.Mode.LINES,
                new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            for (int i = 0; i < 200; i++) {
                p.step();
            }
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(10);
        assertThat(lines.get(0)).startsWith("emulate: 10% (20 of 200)");
        assertThat(lines.get(9)).startsWith("emulate: 100% (200 of 200)");
    }
}
