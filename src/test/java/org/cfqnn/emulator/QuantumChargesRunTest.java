package org.cfqnn.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cfqnn.io.JsonNodes;
import org.cfqnn.protocol.Charges;
import org.cfqnn.quantum.Op;
import org.cfqnn.quantum.device.DeviceModel;
import org.cfqnn.scenario.Models;
import org.cfqnn.scenario.ScenarioSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator charges what the device model says, in the trace's compute parts: a trapped-ion QPU runs
 * gates one at a time, so a shot is the sum of its gate times + readout + reset, computed here from the
 * circuit's gates without the scheduler.
 */
class QuantumChargesRunTest {

    private static final int SHOTS = 100;
    private static final long GATE_1Q = 11_000;
    private static final long GATE_2Q = 210_000;
    private static final long READOUT_AND_RESET = 175_000 + 35_000;

    @TempDir
    Path dir;

    /** The paper cloud (one circuit of L M = 8 qubits) and amplitude edges, on the trapped-ion preset, no jitter. */
    private static ScenarioSettings scenario(String... more) {
        List<String> sets = new ArrayList<>(List.of("cloud.ansatz=paper", "cloud.training.gradient=parameter-shift",
                "cloud.training.optimizer=sgd", "quantum.device.preset=trapped-ion", "quantum.shots=" + SHOTS,
                "emulator.protocols=[non-centralized]", "emulator.links.fronthaul.jitter=0 us",
                "emulator.links.ap-edge.jitter=0 us", "emulator.links.cloud-edge.jitter=0 us",
                "emulator.cloud-collect-timeout=60 s"));
        sets.addAll(List.of(more));
        return EmulatorTestSupport.small(sets.toArray(String[]::new));
    }

    /** One execution of a stage's circuit measured in {@code groups} groups, hand-derived for a sequential device. */
    private static long sequentialExecution(DeviceModel.Stage stage, int groups) {
        long shot = READOUT_AND_RESET;
        for (Op op : stage.circuit().ops()) {
            if (op.kind().arity() == 2) {
                shot += switch (op.kind()) {
                    case SWAP -> 3 * GATE_2Q;
                    case CRX, CRY, CRZ -> 2 * GATE_2Q;
                    default -> GATE_2Q;
                };
            } else if (!op.kind().diagonal()) { // RZ, Z, S, T are virtual on this device
                shot += GATE_1Q;
            }
        }
        return groups * SHOTS * shot * stage.count();
    }

    private List<JsonNode> trace(Path run) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("trace.jsonl"))) {
            out.add(JsonNodes.MAPPER.readTree(line));
        }
        return out;
    }

    private static JsonNode first(List<JsonNode> trace, String type, int step) {
        return trace.stream().filter(l -> l.get("type").asText().equals(type) && l.get("step").asInt() == step)
                .findFirst().orElseThrow();
    }

    @Test
    void aStepIsChargedWhatTheScheduleSaysTheNextOneQueuesBehindItAndAStaleOneIsSkipped() throws IOException {
        ScenarioSettings probe = scenario();
        var cloud = Models.cloud(probe.cloud(), probe.radio());
        var edge = Models.edge(probe.edge(), probe.radio());
        List<DeviceModel.Stage> stages = cloud.inferenceStages(probe.radio().nAp(), probe.radio().nUser());
        assertThat(stages).hasSize(1);
        long assign = sequentialExecution(stages.get(0), 1); // <Z> on the readout qubits: one group
        long precode = sequentialExecution(edge.inferenceStage(), 2); // <X_j>, <Y_j>: two groups
        // the second step's CSI arrives while the first decision still runs: it waits a - p < p and queues;
        // the third's would wait 2a - 2p >= p (the QPU is busy until 2a): stale, skipped
        long period = 2 * assign / 3;
        ScenarioSettings s = scenario("emulator.steps=6", "emulator.step-period=" + period + " ns",
                "emulator.deadline=" + period + " ns");
        EmulatorTestSupport.run(s, dir);
        List<JsonNode> t = trace(dir);
        JsonNode a0 = first(t, "Assignment", 0);
        assertThat(a0.get("quantumNs").asLong()).isEqualTo(assign);
        assertThat(a0.get("qpuQueueNs").asLong()).isZero();
        // the paper cloud's classical part, counted: it encodes M K N coefficients and floors M readouts
        var calibration = s.emulator().compute().calibration();
        long decoding = Math.round(calibration.perDecision(Charges.QNN_CLOUD)
                + (4 * 3 * 2 + 4) * calibration.perOperation(Charges.QNN_CLOUD));
        assertThat(a0.get("classicalNs").asLong()).isEqualTo(decoding).isPositive();
        assertThat(a0.get("computeNs").asLong()).isEqualTo(assign + decoding);
        JsonNode a1 = first(t, "Assignment", 1);
        assertThat(a1.get("qpuQueueNs").asLong()).isEqualTo(assign - period); // FIFO behind step 0's circuits
        assertThat(a1.get("quantumNs").asLong()).isEqualTo(assign);
        assertThat(t).noneMatch(l -> l.get("type").asText().equals("Assignment") && l.get("step").asInt() == 2);
        assertThat(first(t, "Assignment", 3).get("qpuQueueNs").asLong()).isEqualTo(Math.max(0, 2 * assign - 3 * period));
        JsonNode p0 = first(t, "Precoder", 0);
        assertThat(p0.get("quantumNs").asLong()).isEqualTo(precode);
        assertThat(p0.get("computeNs").asLong()).isEqualTo(p0.get("qpuQueueNs").asLong() + precode);
    }

    @Test
    void shotsChangeTheDecisionsReproduciblyAndTheCentralizedCloudReadsEachApsCircuitAsItsEdgeWould()
            throws IOException {
        String[] common = {"cloud.ansatz=graph", "cloud.training.gradient=adjoint", "cloud.training.optimizer=adam",
                "quantum.device.preset=ideal", "emulator.protocols=[non-centralized, centralized]",
                "emulator.steps=12", "emulator.trace.enabled=false"};
        List<String> withShots = new ArrayList<>(List.of(common));
        withShots.add("quantum.shots=8");
        List<String> exact = new ArrayList<>(List.of(common));
        exact.add("quantum.shots=0");
        double[][] few = minRates(scenario(withShots.toArray(String[]::new)), "a");
        double[][] again = minRates(scenario(withShots.toArray(String[]::new)), "b");
        double[][] exactRates = minRates(scenario(exact.toArray(String[]::new)), "c");
        assertThat(again).isDeepEqualTo(few); // streams split per entity and step: reproducible
        assertThat(few[1]).containsExactly(few[0]); // centralized = non-centralized, precoder by precoder
        assertThat(few[0]).isNotEqualTo(exactRates[0]); // 8 shots move the precoders
    }

    /** Min rate per step of each protocol run (rows in run order). */
    private double[][] minRates(ScenarioSettings s, String name) throws IOException {
        Path d = Files.createDirectory(dir.resolve(name));
        EmulatorTestSupport.run(s, d);
        List<String> lines = Files.readAllLines(d.resolve("steps.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int run = header.indexOf("protocol");
        int min = header.indexOf("minRate");
        List<List<Double>> byRun = new ArrayList<>();
        String last = null;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (!f[run].equals(last)) {
                byRun.add(new ArrayList<>());
                last = f[run];
            }
            byRun.get(byRun.size() - 1).add(Double.parseDouble(f[min]));
        }
        return byRun.stream().map(l -> l.stream().mapToDouble(Double::doubleValue).toArray()).toArray(double[][]::new);
    }
}
