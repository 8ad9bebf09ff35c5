package org.cfqnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cfqnn.io.JsonNodes;
import org.cfqnn.scenario.Calibration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The latency model's keys, the grid sweep and the calibration file through {@code cfqnn run}. */
class LatencyModelCliTest {

    @TempDir
    Path dir;

    private static void assertOneCleanLine(CliRunner r, String... fragments) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("cfqnn run: ").contains(fragments).doesNotContain("Exception", "\tat ");
    }

    private Path scenario(String text) throws Exception {
        return CliRunner.scenario(dir, text);
    }

    @Test
    void anOldScenarioWithACircuitTimeIsToldWhereTheKeyWent() throws Exception {
        Path s = scenario("emulator { compute.circuit = 10 us }\n");
        CliRunner r = CliRunner.run("run", s.toString(), "--out", dir.resolve("o").toString());
        assertOneCleanLine(r, "emulator.compute.circuit", "10 us", "quantum.device.presets.ideal.circuit");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "quantum.device.gate-1q=-5 ns|quantum.device.gate-1q",
        "quantum.noise.readout=1.5|quantum.noise.readout",
        "quantum.device.preset=trapped-ion|quantum.device.qubits", // the paper cloud needs 8 qubits x ... at M = 6
        "emulator.compute.classical-mode=free|emulator.compute.classical-mode",
        "emulator.compute.ns-per-operation.search=-1|emulator.compute.ns-per-operation.search",
        "emulator.compute.calibration=missing.json|emulator.compute.calibration",
        "emulator.sweep.grid=[{ keys = [radio.n-ap, radio.n-user], values = [[4, 3, 2]] }]|emulator.sweep.grid[0].values[0]",
        "emulator.sweep.grid=[{ key = radio.nap, values = [4] }]|emulator.sweep.grid"})
    void badLatencyKeysAreOneLineNamingTheKey(String caseText) throws Exception {
        String[] c = caseText.split("\\|");
        Path s = scenario("radio { n-ap = 6 }\n");
        CliRunner r = CliRunner.run("run", s.toString(), "--set", c[0], "--out", dir.resolve("o").toString());
        assertOneCleanLine(r, c[1]);
    }

    @Test
    void aGridSweepRunsEveryCombinationAndWritesParetoPlotsPerValueOfItsFirstAxis() throws Exception {
        Path out = dir.resolve("out");
        Path s = scenario("""
                cloud { ansatz = graph, graph { qubits = 2, layers = 1, rounds = 1 }
                        training { optimizer = adam, gradient = adjoint, n-data = 10, n-epoch = 1 } }
                edge { ansatz = amplitude, training { optimizer = adam, learning-rate = 0.05, gradient = adjoint, n-data = 5, n-epoch = 1 } }
                emulator {
                  steps = 3, protocols = [non-centralized, search], trace.enabled = false, drain = 10 s
                  sweep.grid = [
                    { keys = [radio.n-ap, radio.n-user], values = [[4, 3], [5, 2]] }
                    { key = quantum.device.preset, values = [ideal, superconducting] }
                    { key = quantum.shots, values = [10, 100] }
                  ]
                }
                """);
        CliRunner r = CliRunner.run("run", s.toString(), "--out", out.toString(), "--no-progress");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode summary = JsonNodes.MAPPER.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("runs")).hasSize(2 * 2 * 2 * 2); // 8 points x 2 protocols
        assertThat(summary.get("sweep").get("key").asText())
                .isEqualTo("radio.n-ap+radio.n-user x quantum.device.preset x quantum.shots");
        assertThat(summary.get("sweep").get("values").get(0).asText())
                .isEqualTo("n-ap/n-user=4/3 preset=ideal shots=10");
        assertThat(out.resolve("pareto-n-ap-n-user-4-3.png")).exists();
        assertThat(out.resolve("pareto-n-ap-n-user-5-2.png")).exists();
        List<String> csv = Files.readAllLines(out.resolve("pareto.csv"));
        assertThat(csv).hasSize(1 + 16);
        // the superconducting QPU is far slower than the ideal one at 100 shots: the latency says so
        assertThat(latency(csv, "non-centralized graph/amplitude, superconducting", "4/3 superconducting 100"))
                .isGreaterThan(100 * latency(csv, "non-centralized graph/amplitude, ideal", "4/3 ideal 100"));
        // the miss rate counts each point's own APs: at most 1
        for (JsonNode run : summary.get("runs")) {
            assertThat(run.get("missRate").asDouble()).isBetween(0.0, 1.0);
        }
    }

    private static double latency(List<String> csv, String run, String coordinates) {
        for (String line : csv) {
            if (line.contains(run) && line.contains(coordinates)) {
                String[] f = line.split(","); // the run's label may hold a quoted comma: count from the end
                return Double.parseDouble(f[f.length - 5]);
            }
        }
        throw new AssertionError("no row " + run + " at " + coordinates + " in " + csv);
    }

    @Test
    void aCalibrationFileReplacesTheDefaultCosts() throws Exception {
        Path file = dir.resolve("cal.json");
        java.util.Map<String, Double> ops = new java.util.HashMap<>();
        java.util.Map<String, Double> fixed = new java.util.HashMap<>();
        for (String k : Calibration.KINDS) {
            ops.put(k, 0.0);
            fixed.put(k, 0.0);
        }
        fixed.put("search", 1e6); // every search decision: 1 ms
        Files.writeString(file, new Calibration(ops, fixed).json("test"));
        Path out = dir.resolve("o");
        CliRunner r = CliRunner.run("run", scenario("emulator { steps = 3, protocols = [search] }\n").toString(),
                "--set", "emulator.compute.calibration=" + file, "--out", out.toString(), "--no-progress");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String trace = Files.readString(out.resolve("trace.jsonl"));
        assertThat(trace).contains("\"type\":\"Assignment\"").contains("\"classicalNs\":1000000");
        Files.writeString(file, "{\"format\":\"cfqnn-calibration/1\",\"nsPerOperation\":{}}");
        assertOneCleanLine(CliRunner.run("run", scenario("").toString(), "--set", "emulator.compute.calibration=" + file,
                "--out", dir.resolve("o2").toString()), "emulator.compute.calibration", "nsPerOperation");
    }
}
