package org.cfqnn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cfqnn.io.JsonNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code cfqnn circuit --timing} and {@code --set quantum...}: device timing, noisy values, bad input. */
class CircuitDeviceCliTest {

    private static final double EXACT = 1e-12;

    /** H q0, RY(0.7) q1 | CX(0, 1) | RZ(0.3) q1; observables {Z0, Z1, Z0Z1} and {X0X1}: 2 groups. */
    private static final String BELL = "{\"qubits\":2,\"gates\":[{\"gate\":\"H\",\"qubits\":[0]},"
            + "{\"gate\":\"RY\",\"qubits\":[1],\"param\":0.7},{\"gate\":\"CX\",\"qubits\":[0,1]},"
            + "{\"gate\":\"RZ\",\"qubits\":[1],\"param\":0.3}],\"observables\":[\"Z0\",\"Z1\",\"X0X1\",\"Z0Z1\"]}";

    @TempDir
    Path dir;

    private Path write(String json) throws Exception {
        Path f = Files.createTempFile(dir, "c", ".json");
        Files.writeString(f, json);
        return f;
    }

    private JsonNode ok(String... args) throws Exception {
        CliRunner r = CliRunner.run(args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return JsonNodes.MAPPER.readTree(r.out());
    }

    @Test
    void theIdealDeviceChargesAFlatTwentyMicroseconds() throws Exception {
        JsonNode t = ok("circuit", "--spec", write(BELL).toString(), "--timing").get("timing");
        assertThat(t.get("layers").asInt()).isEqualTo(3); // {H, RY}, {CX}, {RZ}: no virtual RZ on `ideal`
        assertThat(t.get("groups").asInt()).isEqualTo(2);
        assertThat(t.get("shots").asInt()).isEqualTo(1000);
        assertThat(t.get("totalUs").asDouble()).isEqualTo(20.0);
    }

    @Test
    void superconductingTimingIsGroupsTimesShotsTimesTheShot() throws Exception {
        JsonNode out = ok("circuit", "--spec", write(BELL).toString(), "--timing", "--shots", "400",
                "--set", "quantum.device.preset=superconducting");
        JsonNode t = out.get("timing");
        // layers {H, RY} 32 ns, {CX} 68 ns (RZ virtual); + readout 1560 ns + reset 250 us
        assertThat(t.get("layers").asInt()).isEqualTo(2);
        assertThat(t.get("shotUs").asDouble()).isCloseTo(251.66, within(EXACT));
        assertThat(t.get("shots").asInt()).isEqualTo(400);
        assertThat(t.get("totalUs").asDouble()).isCloseTo(2 * 400 * 251.66, within(1e-6));
        assertThat(out.get("standardErrors")).hasSize(4);
    }

    @Test
    void presetFiguresCanBeOverriddenOneByOne() throws Exception {
        JsonNode t = ok("circuit", "--spec", write(BELL).toString(), "--timing",
                "--set", "quantum.device.preset=trapped-ion", "--set", "quantum.device.reset=\"0 us\"",
                "--set", "quantum.device.exact-shots=10").get("timing");
        // sequential gates: H 11 us, RY 11 us, CX 210 us (RZ virtual); readout 175 us, reset overridden to 0
        assertThat(t.get("layers").asInt()).isEqualTo(3);
        assertThat(t.get("shotUs").asDouble()).isCloseTo(11 + 11 + 210 + 175, within(EXACT));
        assertThat(t.get("totalUs").asDouble()).isCloseTo(2 * 10 * 407.0, within(1e-9));
    }

    @Test
    void depolarizingAndReadoutNoiseGiveTheClosedForms() throws Exception {
        Path ry = write("{\"qubits\":1,\"gates\":[{\"gate\":\"RY\",\"qubits\":[0],\"param\":0.9}],\"observables\":[\"Z0\"]}");
        double p1 = 0.001;
        JsonNode dep = ok("circuit", "--spec", ry.toString(), "--set", "quantum.noise.depolarizing-1q=" + p1);
        assertThat(dep.get("expectations").get(0).asDouble()).isCloseTo((1 - 4 * p1 / 3) * Math.cos(0.9), within(EXACT));
        assertThat(dep.get("standardErrors").get(0).asDouble()).isZero();
        // d/dt of (1 - 4p/3) cos t, by the parameter-shift rule through the density matrix
        assertThat(dep.get("gradients").get(0).get(0).asDouble()).isCloseTo(-(1 - 4 * p1 / 3) * Math.sin(0.9), within(EXACT));
        JsonNode read = ok("circuit", "--spec", ry.toString(), "--set", "quantum.noise.readout=0.1");
        assertThat(read.get("expectations").get(0).asDouble()).isCloseTo(0.8 * Math.cos(0.9), within(EXACT));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "quantum.device.reset=-5us|quantum.device.reset = \"-5us\": must be a duration in [0 ns",
        "quantum.device.presets.superconducting.gate-2q=-1ns|quantum.device.presets.superconducting.gate-2q = \"-1ns\"",
        "quantum.noise.readout=1.5|quantum.noise.readout = 1.5: must be a number in [0.0, 1.0]",
        "quantum.noise.depolarizing-2q=-0.1|quantum.noise.depolarizing-2q = -0.1: must be a number in [0.0, 1.0]",
        "quantum.device.preset=photonic|quantum.device.preset = photonic: must be one of ideal, superconducting, trapped-ion",
        "quantum.device.qpus=0|quantum.device.qpus = 0: must be an integer in [1, 1024]",
        "quantum.noise.depolarising-1q=0.1|quantum.noise.depolarising-1q = 0.1: unknown key",
        "radio.mu=0.2|--set = radio.mu=0.2: cfqnn circuit takes quantum.* keys only"})
    void badQuantumKeysAreInputErrorsNamingTheKey(String caseText) throws Exception {
        String[] parts = caseText.split("\\|");
        CliRunner r = CliRunner.run("circuit", "--spec", write(BELL).toString(), "--set", parts[0]);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(parts[1]).doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aCircuitWiderThanTheDeviceIsRefused() throws Exception {
        StringBuilder gates = new StringBuilder();
        for (int q = 0; q < 12; q++) {
            gates.append(q == 0 ? "" : ",").append("{\"gate\":\"H\",\"qubits\":[").append(q).append("]}");
        }
        Path wide = write("{\"qubits\":12,\"gates\":[" + gates + "],\"observables\":[\"Z0\"]}");
        CliRunner r = CliRunner.run("circuit", "--spec", wide.toString(), "--timing", "--set", "quantum.device.preset=trapped-ion");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("quantum.device.qubits = 11: a circuit needs 12 qubits");
    }
}
