package org.cfqnn.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cfqnn.cli.RunCommand;
import org.cfqnn.io.JsonNodes;
import org.cfqnn.progress.ProgressListener;
import org.cfqnn.protocol.LatencyParts;
import org.cfqnn.report.EmulatorReport;
import org.cfqnn.scenario.Scenario;
import org.cfqnn.scenario.ScenarioSettings;
import org.cfqnn.trace.TraceBreakdown;
import org.cfqnn.trace.TraceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The protocol latency breakdown: every (step, AP) latency split along that AP's chain into parts that add
 * up to it, to the ns; hand-derived on small runs with fixed links and flat charges; in summary.json and
 * rebuilt from the trace.
 */
class LatencyBreakdownRunTest {

    @TempDir
    Path dir;

    /** The trace lines that carry a measured latency, and the pilots by (run, step, AP). */
    private record Trace(List<JsonNode> samples, Map<String, JsonNode> pilots, List<JsonNode> all) {
    }

    private static Trace trace(Path run) throws IOException {
        List<JsonNode> samples = new ArrayList<>();
        Map<String, JsonNode> pilots = new HashMap<>();
        List<JsonNode> all = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("trace.jsonl"))) {
            JsonNode j = JsonNodes.MAPPER.readTree(line);
            all.add(j);
            if (j.has("breakdownNs")) {
                samples.add(j);
            }
            if (j.get("type").asText().equals("Pilot")) {
                pilots.put(key(j.get("run").asText(), j.get("step").asLong(), j.get("to").asText()), j);
            }
        }
        return new Trace(samples, pilots, all);
    }

    private static String key(String run, long step, String ap) {
        return run + "/" + step + "/" + ap;
    }

    private static long part(JsonNode sample, String name) {
        return sample.get("breakdownNs").get(name).asLong();
    }

    private static long sum(JsonNode sample) {
        long s = 0;
        for (String p : LatencyParts.NAMES) {
            s += part(sample, p);
        }
        return s;
    }

    /** paper.conf as the cluster test shortens it: short training, 20 steps, the paper's QNNs and every control. */
    private ScenarioSettings paper() {
        return ScenarioSettings.of(Scenario.load(Path.of("scenarios", "paper.conf"), List.of("emulator.steps=20",
                "emulator.qnn-variants=[]", "cloud.training.n-data=20", "cloud.training.n-epoch=1",
                "edge.training.n-data=10", "edge.training.n-epoch=1")));
    }

    @Test
    void onPaperConfEveryStepAndApsPartsAddUpToItsMeasuredLatencyToTheNs() throws IOException {
        EmulatorRunner.Report report = EmulatorTestSupport.run(paper(), dir);
        Trace t = trace(dir);
        ObjectNode summary = EmulatorReport.summary(report, "paper.conf", "");
        Map<String, Integer> perRun = new LinkedHashMap<>();
        for (JsonNode s : t.samples()) {
            String run = s.get("run").asText();
            perRun.merge(run, 1, Integer::sum);
            long measured = s.get("protocolLatencyNs").asLong();
            // the chain's named parts alone account for every ns: nothing is left for the residual
            assertThat(part(s, "runtime")).as("%s", s).isZero();
            assertThat(sum(s)).as("%s", s).isEqualTo(measured);
            // and the latency is the AP's own: from its pilot's arrival to this message's (plus MR at the AP)
            JsonNode pilot = t.pilots().get(key(run, s.get("step").asLong(), s.get("to").asText()));
            long flight = s.get("arrive").asLong() - pilot.get("arrive").asLong();
            if (s.get("type").asText().equals("Precoder")) {
                assertThat(measured).as("%s", s).isEqualTo(flight);
            } else { // a classical protocol's assignment: the AP then computes MR, classical work of N = 2 antennas
                assertThat(measured - flight).as("%s", s).isEqualTo(Charging.counted(
                        paper().emulator().compute().calibration(), "mr-precoder", 2, 0));
            }
        }
        assertThat(perRun).hasSize(5).allSatisfy((run, n) -> assertThat(n).as(run).isEqualTo(20 * 4));
        for (JsonNode run : summary.get("runs")) {
            assertThat(run.at("/protocolLatencyUs/samples").asLong()).isEqualTo(80);
            JsonNode parts = run.get("latencyBreakdownUs");
            assertThat(parts.size()).isEqualTo(LatencyParts.NAMES.size());
            double means = 0;
            for (String p : LatencyParts.NAMES) {
                means += parts.get(p).get("mean").asDouble();
                assertThat(parts.get(p).get("p99").asDouble()).isGreaterThanOrEqualTo(0);
            }
            assertThat(means).as(run.get("label").asText()).isCloseTo(run.at("/protocolLatencyUs/mean").asDouble(),
                    within(1e-6));
            assertThat(parts.at("/linkLatency/mean").asDouble()).isGreaterThanOrEqualTo(200); // CSI up, answer down
        }
        JsonNode nc = summary.at("/runs/0");
        assertThat(nc.get("protocol").asText()).isEqualTo("non-centralized");
        assertThat(nc.at("/latencyBreakdownUs/quantum/mean").asDouble()).isEqualTo(40.0); // paper cloud + edge circuit
        assertThat(summary.at("/runs/2/latencyBreakdownUs/quantum/mean").asDouble()).isZero(); // search
    }

    @Test
    void theTraceGivesTheSameBreakdownAsTheSummary() throws IOException {
        EmulatorRunner.Report report = EmulatorTestSupport.run(EmulatorTestSupport.small(
                "emulator.protocols=[non-centralized, search]"), dir);
        ObjectNode summary = EmulatorReport.summary(report, "small", "");
        TraceBreakdown fromTrace = new TraceBreakdown();
        TraceReader.read(dir.resolve("trace.jsonl"), TraceReader.Corrupt.FAIL, fromTrace::add);
        String table = fromTrace.table().toString();
        for (JsonNode run : summary.get("runs")) {
            for (String p : LatencyParts.NAMES) {
                JsonNode x = run.get("latencyBreakdownUs").get(p);
                assertThat(rowOf(table, run.get("label").asText(), p)).containsSubsequence(
                        String.format("%.3f", x.get("mean").asDouble()), String.format("%.3f", x.get("p99").asDouble()));
            }
            assertThat(rowOf(table, run.get("label").asText(), "total")).contains(
                    String.format("%.3f", run.at("/protocolLatencyUs/mean").asDouble()));
        }
    }

    /** The table row of a run and part, its cells split on runs of spaces. */
    private static List<String> rowOf(String table, String run, String part) {
        for (String line : table.split("\n")) {
            List<String> cells = List.of(line.strip().split(" {2,}"));
            if (cells.size() >= 3 && cells.get(0).equals(run) && cells.get(1).startsWith(part)) {
                return cells;
            }
        }
        throw new AssertionError("no row " + run + " / " + part + " in\n" + table);
    }

    /**
     * Fixed links, no jitter, flat charges (counted work with 0 ns per operation): fronthaul and cloud-edge
     * 100 us at 1 Gbit/s, ap-edge 5 us at 10 Gbit/s; M = 4 APs, K = 3 users, N = 2 antennas.
     */
    private static ScenarioSettings handBuilt(String protocol, String... more) {
        List<String> sets = new ArrayList<>(List.of("emulator.protocols=[" + protocol + "]",
                "emulator.links.fronthaul.jitter=0 us", "emulator.links.ap-edge.jitter=0 us",
                "emulator.links.cloud-edge.jitter=0 us", "emulator.links.ap-edge.bandwidth=10e9",
                "emulator.compute.ns-per-operation.search=0", "emulator.compute.ns-per-decision.search=20000",
                "emulator.compute.ns-per-operation.mr-table=0",
                "emulator.compute.ns-per-operation.mr-precoder=0", "emulator.compute.ns-per-decision.mr-precoder=500",
                "emulator.compute.ns-per-operation.qnn-cloud=0", "emulator.compute.ns-per-decision.qnn-cloud=1000"));
        sets.addAll(List.of(more));
        return EmulatorTestSupport.small(sets.toArray(String[]::new));
    }

    private static Map<String, Long> parts(long... values) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(LatencyParts.NAMES.get(i), values[i]);
        }
        return m;
    }

    private static Map<String, Long> partsOf(JsonNode sample) {
        Map<String, Long> m = new LinkedHashMap<>();
        sample.get("breakdownNs").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
        return m;
    }

    @Test
    void aHandBuiltClassicalRunHasTheBreakdownDerivedByHand() throws IOException {
        // search, a quarter of the fronthaul's messages lost, the cloud deciding 300 us after a step's first CSI.
        // (step s, AP m), from its pilot:
        //   CSI up: 100 us + 8 x 120 B (24 + 8 x 2 x K N) / 1 Gbit/s = 960 ns serialization;
        //   at the cloud: every CSI of the step arrives at the same instant (no jitter), so it waits 0, or, when
        //   one was lost, the collect timeout: 300 us (an AP whose CSI was lost continues the others' chain);
        //   search: 20 us on the cloud's processor (decisions are 1 ms apart: no queue);
        //   the assignment down: 100 us + 8 x 40 B (24 + 4 M) / 1 Gbit/s = 320 ns;
        //   at the AP: MR, 500 ns of classical work.
        Path out = Files.createDirectory(dir.resolve("search"));
        EmulatorTestSupport.run(handBuilt("search", "emulator.links.fronthaul.loss=0.25",
                "emulator.cloud-collect-timeout=300 us", "emulator.steps=30"), out);
        Trace t = trace(out);
        Set<Long> incomplete = new HashSet<>(); // steps with a CSI lost on its way up
        int lostAssignments = 0;
        for (JsonNode j : t.all()) {
            boolean lost = j.get("lost").asBoolean();
            if (lost && j.get("type").asText().equals("Csi")) {
                incomplete.add(j.get("step").asLong());
            }
            lostAssignments += lost && j.get("type").asText().equals("Assignment") ? 1 : 0;
        }
        assertThat(incomplete).isNotEmpty().hasSizeLessThan(30);
        int waited = 0;
        for (JsonNode s : t.samples()) {
            long wait = incomplete.contains(s.get("step").asLong()) ? 300_000 : 0;
            waited += wait > 0 ? 1 : 0;
            assertThat(partsOf(s)).as("%s", s).isEqualTo(parts(200_000, 0, 960 + 320, 0, wait, 0, 0, 0, 20_000 + 500, 0));
            assertThat(s.get("protocolLatencyNs").asLong()).isEqualTo(221_780 + wait);
        }
        assertThat(waited).isPositive();
        // every assignment that reached an AP of a decided step is a sample (all 30 steps here have a CSI)
        long decided = t.all().stream().filter(j -> j.get("type").asText().equals("Assignment")).count();
        assertThat(t.samples()).hasSize((int) decided - lostAssignments);
    }

    @Test
    void handBuiltQnnRunsHaveTheBreakdownDerivedByHand() throws IOException {
        // the small graph cloud: rounds x M x K = 12 link circuits of 20 us on the ideal device = 240 us, then
        // 1 us of decoding; an amplitude edge circuit 20 us; sizes: CSI 120 B, assignment 40 B, precoder 60 B.
        // Non-centralized: CSI up 100 us + 960 ns; the cloud waits 0 (all CSI at once), 240 us + 1 us; the
        // assignment to the edge 100 us + 320 ns (the edge has had the AP's CSI since 5 us + 96 ns: it computes
        // at once), 20 us; the precoder to the AP 5 us + 8 x 60 B / 10 Gbit/s = 48 ns.
        Path nc = Files.createDirectory(dir.resolve("nc"));
        EmulatorTestSupport.run(handBuilt("non-centralized"), nc);
        List<JsonNode> samples = trace(nc).samples();
        assertThat(samples).hasSize(20 * 4).allSatisfy(s -> {
            assertThat(s.get("type").asText()).isEqualTo("Precoder");
            assertThat(partsOf(s)).isEqualTo(parts(205_000, 0, 960 + 320 + 48, 0, 0, 0, 0, 260_000, 1_000, 0));
            assertThat(s.get("protocolLatencyNs").asLong()).isEqualTo(467_328);
        });
        // centralized: CSI up 100 us + 960 ns; the cloud runs its 12 circuits, then the 4 APs' edge circuits
        // (80 us), decodes (1 us); the precoder down the fronthaul: 100 us + 8 x 60 B / 1 Gbit/s = 480 ns
        Path c = Files.createDirectory(dir.resolve("c"));
        EmulatorTestSupport.run(handBuilt("centralized"), c);
        assertThat(trace(c).samples()).hasSize(20 * 4).allSatisfy(s -> {
            assertThat(partsOf(s)).isEqualTo(parts(200_000, 0, 960 + 480, 0, 0, 0, 0, 320_000, 1_000, 0));
            assertThat(s.get("protocolLatencyNs").asLong()).isEqualTo(522_440);
        });
    }

    @Test
    void aSweepReportsABreakdownPerValue() {
        List<String> sets = List.of("emulator.protocols=[search]", "emulator.steps=10", "emulator.trace.enabled=false",
                "emulator.sweep.key=emulator.links.fronthaul.latency", "emulator.sweep.values=[50 us, 400 us]",
                "emulator.links.fronthaul.jitter=0 us");
        var config = Scenario.load(null, sets);
        ScenarioSettings base = ScenarioSettings.of(config);
        EmulatorRunner.Report r = EmulatorRunner.run(RunCommand.points(config, base), EmulatorRunner.Outputs.in(dir),
                ProgressListener.Factory.NONE, EmulatorTestSupport.actorConfig());
        ObjectNode s = EmulatorReport.summary(r, "sweep", base.emulator().sweepKey());
        // up and down the fronthaul: twice the swept latency
        assertThat(s.at("/runs/0/latencyBreakdownUs/linkLatency/mean").asDouble()).isEqualTo(100.0);
        assertThat(s.at("/runs/1/latencyBreakdownUs/linkLatency/mean").asDouble()).isEqualTo(800.0);
    }
}
