package org.cfqnn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cfqnn.io.JsonNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code cfqnn circuit} against tools/reference/circuit_reference.py (numpy tensor contraction and
 * central finite differences, h = 1e-6, so gradients agree to about 1e-8).
 */
class CircuitCliTest {

    @TempDir
    Path dir;

    static List<JsonNode> cases() throws Exception {
        try (InputStream in = CircuitCliTest.class.getResourceAsStream("/reference/circuits.json")) {
            List<JsonNode> out = new ArrayList<>();
            JsonNodes.MAPPER.readTree(in).get("cases").forEach(out::add);
            return out;
        }
    }

    private Path write(String json) throws Exception {
        Path f = Files.createTempFile(dir, "c", ".json");
        Files.writeString(f, json);
        return f;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void agreesWithTheNumpyReferenceForBothGradientMethods(JsonNode c) throws Exception {
        Path f = write(c.get("spec").toString());
        for (String method : new String[] {"adjoint", "parameter-shift"}) {
            CliRunner r = CliRunner.run("circuit", "--spec", f.toString(), "--gradient", method);
            assertThat(r.exitCode()).as(r.err()).isZero();
            JsonNode out = JsonNodes.MAPPER.readTree(r.out());
            for (int o = 0; o < c.get("expectations").size(); o++) {
                assertThat(out.get("expectations").get(o).asDouble())
                        .isCloseTo(c.get("expectations").get(o).asDouble(), within(1e-10));
                JsonNode expected = c.get("gradients").get(o);
                assertThat(out.get("gradients").get(o).size()).isEqualTo(expected.size());
                for (int p = 0; p < expected.size(); p++) {
                    assertThat(out.get("gradients").get(o).get(p).asDouble())
                            .as("%s d<%d>/dp%d", method, o, p).isCloseTo(expected.get(p).asDouble(), within(1e-7));
                }
            }
        }
    }

    @Test
    void shotsEstimateWithinTheirStatisticalError() throws Exception {
        JsonNode c = cases().get(3);
        Path f = write(c.get("spec").toString());
        CliRunner r = CliRunner.run("circuit", "--spec", f.toString(), "--shots", "40000", "--seed", "3");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode out = JsonNodes.MAPPER.readTree(r.out());
        // std <= 1/sqrt(40000) = 0.005; 5 std = 0.025. A gradient is a difference of two estimates
        // scaled by 1/2 (shift pi/2): its std is at most 0.0035, 5 std 0.018.
        for (int o = 0; o < 4; o++) {
            assertThat(out.get("expectations").get(o).asDouble())
                    .isCloseTo(c.get("expectations").get(o).asDouble(), within(0.025));
            for (int p = 0; p < c.get("gradients").get(o).size(); p++) {
                assertThat(out.get("gradients").get(o).get(p).asDouble())
                        .isCloseTo(c.get("gradients").get(o).get(p).asDouble(), within(0.018));
            }
        }
    }

    @Test
    void drawAndQasmGoToStderrAndStdoutStaysOneJsonObject() throws Exception {
        Path f = write("{\"qubits\":2,\"gates\":[{\"gate\":\"H\",\"qubits\":[0]},{\"gate\":\"CX\",\"qubits\":[0,1]},"
                + "{\"gate\":\"RY\",\"qubits\":[1],\"param\":0.5}],\"observables\":[\"Z0Z1\"]}");
        CliRunner r = CliRunner.run("circuit", "--spec", f.toString(), "--draw", "--qasm");
        assertThat(r.exitCode()).isZero();
        assertThat(JsonNodes.MAPPER.readTree(r.out()).get("expectations").get(0).asDouble())
                .isCloseTo(Math.cos(0.5), within(1e-12)); // Bell state, then RY on the target
        assertThat(r.err()).contains("q0: -H--*").contains("q1: ----X--RY(0.50)")
                .contains("OPENQASM 2.0;").contains("cx q[0],q[1];").contains("ry(0.5) q[1];");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"qubits\":2,\"gates\":[{\"gate\":\"FOO\",\"qubits\":[0]}],\"observables\":[]}|gates[0].gate = \"FOO\": unknown gate",
        "{\"qubits\":2,\"gates\":[{\"gate\":\"CX\",\"qubits\":[0]}],\"observables\":[]}|gates[0].qubits = [0]: expected an array of 2 qubits (control first)",
        "{\"qubits\":2,\"gates\":[{\"gate\":\"CX\",\"qubits\":[1,1]}],\"observables\":[]}|must differ",
        "{\"qubits\":2,\"gates\":[{\"gate\":\"H\",\"qubits\":[2]}],\"observables\":[]}|gates[0].qubits[0] = 2: expected an integer in [0, 1]",
        "{\"qubits\":2,\"gates\":[{\"gate\":\"RY\",\"qubits\":[0]}],\"observables\":[]}|RY needs a \\\"param\\\"",
        "{\"qubits\":2,\"gates\":[{\"gate\":\"H\",\"qubits\":[0],\"param\":1}],\"observables\":[]}|H takes no \\\"param\\\"",
        "{\"qubits\":2,\"gates\":[],\"observables\":[\"Z7\"]}|observables[0] = \"Z7\": qubit 7",
        "{\"qubits\":0,\"gates\":[],\"observables\":[]}|qubits = 0: expected an integer in [1, 30]",
        "{\"qubits\":2,\"gates\":[],\"observables\":[],\"extra\":1}|extra: unknown key",
        "{\"qubits\":2,\"gates\":[|malformed JSON"})
    void badCircuitsAreInputErrors(String caseText) throws Exception {
        String[] parts = caseText.split("\\|");
        Path f = write(parts[0]);
        CliRunner r = CliRunner.run("circuit", "--spec", f.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(parts[1].replace("\\\"", "\"")).doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void tooManyQubitsForTheHeapIsRefusedWithTheMemory() throws Exception {
        long heap = Runtime.getRuntime().maxMemory();
        int n = 64 - Long.numberOfLeadingZeros(heap / 16);
        Path f = write("{\"qubits\":" + n + ",\"gates\":[],\"observables\":[\"Z0\"]}");
        CliRunner r = CliRunner.run("circuit", "--spec", f.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("qubits = " + n).contains("does not fit").contains("GiB");
    }

    @Test
    void adjointWithShotsIsRefused() throws Exception {
        Path f = write("{\"qubits\":1,\"gates\":[],\"observables\":[\"Z0\"]}");
        CliRunner r = CliRunner.run("circuit", "--spec", f.toString(), "--shots", "10", "--gradient", "adjoint");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("with --shots use parameter-shift");
    }
}
