package org.cfqnn.emulator.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.cfqnn.io.JsonNodes;
import org.cfqnn.protocol.Address;
import org.cfqnn.protocol.Compute;
import org.cfqnn.protocol.LatencyParts;
import org.cfqnn.protocol.Link;
import org.cfqnn.protocol.Measurement;
import org.cfqnn.scenario.EmulatorSettings.TraceSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trace file: every line handed over is considered, only the phases and steps asked for are written. */
class TraceWriterTest {

    @TempDir
    Path dir;

    private static TraceWriter.Line line(String phase, long step, long arrive) {
        return new TraceWriter.Line(1000 + step, arrive, step, phase, Address.ap(2), Address.CLOUD, "Csi", 120,
                Link.FRONTHAUL, 7 + step, 3, "local", "edge-1", new Compute(5, 6, 7), 100, 20, 9, 4, 55);
    }

    private List<JsonNode> written(Path file) throws Exception {
        return Files.readAllLines(file).stream().map(l -> {
            try {
                return JsonNodes.MAPPER.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
    }

    @Test
    void writesOnlyThePhasesAndStepsAskedFor() throws Exception {
        Path file = dir.resolve("trace.jsonl");
        try (TraceWriter w = TraceWriter.open(file, new TraceSettings(true, 2, Set.of("deployment")))) {
            w.run("search");
            w.write(line("edge-training", 0, 1200));
            for (long s = 0; s < 4; s++) {
                w.write(line("deployment", s, 1200 + s));
            }
        }
        List<JsonNode> lines = written(file);
        assertThat(lines).extracting(n -> n.get("phase").asText() + "/" + n.get("step").asLong())
                .containsExactly("deployment/0", "deployment/1");
        assertThat(lines).allSatisfy(n -> assertThat(n.get("run").asText()).isEqualTo("search"));
    }

    @Test
    void aLineCarriesEveryFieldAndTheMeasuredBreakdown() throws Exception {
        Path file = dir.resolve("trace.jsonl");
        LatencyParts parts = LatencyParts.ZERO.afterLink(100, 20, 9, 4);
        try (TraceWriter w = TraceWriter.open(file, new TraceSettings(true, 10, Set.of("deployment")))) {
            w.run("non-centralized");
            w.write(line("deployment", 1, -1)); // lost
            w.write(line("deployment", 2, 1500).withMeasured(new Measurement.Latency(2, 2, parts.total(), true, parts)));
        }
        List<JsonNode> lines = written(file);
        JsonNode lost = lines.get(0);
        assertThat(lost.get("arrive").isNull()).isTrue();
        assertThat(lost.get("lost").asBoolean()).isTrue();
        assertThat(lost.has("protocolLatencyNs")).isFalse();
        JsonNode n = lines.get(1);
        assertThat(n.get("t").asLong()).isEqualTo(1002);
        assertThat(n.get("arrive").asLong()).isEqualTo(1500);
        assertThat(n.get("wall").asLong()).isEqualTo(55);
        assertThat(n.get("from").asText()).isEqualTo("ap-2");
        assertThat(n.get("to").asText()).isEqualTo("cloud");
        assertThat(n.get("type").asText()).isEqualTo("Csi");
        assertThat(n.get("bytes").asInt()).isEqualTo(120);
        assertThat(n.get("link").asText()).isEqualTo("fronthaul");
        assertThat(n.get("id").asLong()).isEqualTo(9);
        assertThat(n.get("cause").asLong()).isEqualTo(3);
        assertThat(n.get("lost").asBoolean()).isFalse();
        assertThat(n.get("crossNode").asBoolean()).isTrue();
        assertThat(n.get("computeNs").asLong()).isEqualTo(18);
        assertThat(n.get("qpuQueueNs").asLong()).isEqualTo(5);
        assertThat(n.get("quantumNs").asLong()).isEqualTo(6);
        assertThat(n.get("classicalNs").asLong()).isEqualTo(7);
        assertThat(n.get("latencyNs").asLong()).isEqualTo(100);
        assertThat(n.get("jitterNs").asLong()).isEqualTo(20);
        assertThat(n.get("serNs").asLong()).isEqualTo(9);
        assertThat(n.get("queueNs").asLong()).isEqualTo(4);
        assertThat(n.get("protocolLatencyNs").asLong()).isEqualTo(133);
        JsonNode b = n.get("breakdownNs");
        assertThat(b.size()).isEqualTo(LatencyParts.NAMES.size());
        for (int i = 0; i < LatencyParts.NAMES.size(); i++) {
            assertThat(b.get(LatencyParts.NAMES.get(i)).asLong()).isEqualTo(parts.part(i));
        }
    }
}
