package org.cfqnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cfqnn.io.JsonNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cfqnn run} and {@code cfqnn trace summarize} end to end on small scenarios. */
class RunCliTest {

    @TempDir
    Path dir;

    static final String SMALL = """
            cloud { ansatz = graph, graph { qubits = 2, layers = 1, rounds = 1 }
                    training { optimizer = adam, gradient = adjoint, n-data = 20, n-epoch = 2 } }
            edge { ansatz = amplitude, training { optimizer = adam, learning-rate = 0.05, gradient = adjoint, n-data = 10, n-epoch = 2 } }
            emulator { steps = 30, protocols = [non-centralized, centralized, search] }
            """;

    private Path scenario(String text) throws Exception {
        return CliRunner.scenario(dir, text);
    }

    @Test
    void runWritesSummaryStepsTracePlotsAndReport() throws Exception {
        Path out = dir.resolve("out");
        CliRunner r = CliRunner.run("run", scenario(SMALL).toString(), "--out", out.toString(), "--no-progress");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("non-centralized").contains("centralized").contains("search").contains("steps/s");
        for (String f : new String[] {"summary.json", "steps.csv", "trace.jsonl", "rates-over-time.png", "latency-cdf.png",
            "latency-breakdown.png", "report.html", "trace-viewer.html"}) {
            assertThat(out.resolve(f)).exists();
        }
        JsonNode s = JsonNodes.MAPPER.readTree(out.resolve("summary.json").toFile());
        assertThat(s.get("runs")).hasSize(3);
        JsonNode nc = s.get("runs").get(0);
        assertThat(nc.get("protocol").asText()).isEqualTo("non-centralized");
        for (String k : new String[] {"/minRate/mean", "/minRate/p5", "/sumRate/mean", "/unservedPerStep", "/deadlineMisses",
            "/protocolLatencyUs/p50", "/protocolLatencyUs/p99", "/protocolLatencyUs/max", "/messagesPerStep", "/bytesPerStep",
            "/latencyBreakdownUs/linkLatency/mean", "/latencyBreakdownUs/quantum/p99"}) {
            assertThat(nc.at(k).isNumber()).as(k).isTrue();
        }
        assertThat(s.at("/performance/runs/0/deploymentStepsPerSecond").asDouble()).isPositive();
        assertThat(Files.readAllLines(out.resolve("steps.csv"))).hasSize(1 + 3 * 30);
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<svg").contains("data:image/png;base64,").contains("Message sequence chart");
        CliRunner t = CliRunner.run("trace", "summarize", out.resolve("trace.jsonl").toString());
        assertThat(t.exitCode()).as(t.err()).isZero();
        assertThat(t.out()).contains("Precoder").contains("Csi").contains("p99 us")
                .contains("Protocol latency breakdown per (step, AP)").contains("collectionWait");
    }

    @Test
    void aSweepRunsEveryPointAndPlotsTheMetricAgainstIt() throws Exception {
        Path out = dir.resolve("sweep");
        String text = SMALL.replace("emulator { steps = 30, protocols = [non-centralized, centralized, search] }",
                "emulator { steps = 20, protocols = [non-centralized, search], channel.correlation = 0.9\n"
                        + " sweep { key = \"emulator.links.fronthaul.latency\", values = [50 us, 1.5 ms] } }");
        CliRunner r = CliRunner.run("run", scenario(text).toString(), "--out", out.toString(), "--no-progress");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode s = JsonNodes.MAPPER.readTree(out.resolve("summary.json").toFile());
        assertThat(s.at("/sweep/values")).hasSize(2);
        assertThat(s.get("runs")).hasSize(4);
        assertThat(out.resolve("min-rate-vs-emulator-links-fronthaul-latency.png")).exists();
        // the latency breakdown: a chart per protocol, a bar per fronthaul latency
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("latency-breakdown")))
                    .containsExactlyInAnyOrder("latency-breakdown-non-centralized-graph-amplitude.png",
                            "latency-breakdown-search.png");
        }
        // 1.5 ms of fronthaul each way misses every 1 ms deadline; 50 us misses none
        assertThat(s.get("runs").get(0).get("deadlineMisses").asLong()).isZero();
        assertThat(s.get("runs").get(2).get("deadlineMisses").asLong()).isEqualTo(20L * 4);
    }

    @Test
    void badScenariosFailBeforeAnythingRuns() throws Exception {
        String[][] cases = {
            {"emulator { stepz = 3 }", "emulator.stepz = 3: unknown key; allowed in emulator:"},
            {"radio { n-users = 4 }", "radio.n-users = 4: unknown key; allowed in radio: csi-error, d-min"},
            {"radio { n-users = 4 }", "; did you mean n-user?"},
            {"emulator { zzz = 1 }", "emulator.zzz = 1: unknown key; allowed in emulator:"},
            {"emulator { step-period = fast }", "emulator.step-period = \"fast\": must be a duration such as 100 us"},
            {"emulator { deadline = 2 ms }", "emulator.deadline = \"2 ms\": must be a duration in [1 ns, 1000000 ns]"},
            {"emulator { protocols = [fancy] }", "emulator.protocols = fancy: must be among"},
            {"emulator { clock = wall }", "emulator.clock = wall: must be one of real, virtual"},
            {"emulator { links { fronthaul { loss = 1.5 } } }", "emulator.links.fronthaul.loss = 1.5"},
            {"emulator { links { wifi { latency = 1 ms } } }", "emulator.links.wifi"},
            {"emulator { faults = [{ entity = edge-9, step = 1 }] }", "emulator.faults[].entity = edge-9"},
            {"emulator { sweep { key = \"radio.bogus\", values = [1] } }", "emulator.sweep.key = radio.bogus"},
            {"emulator { sweep { key = \"radio.mu\", values = [0.1, 7] } }", "emulator.sweep.values = 7: sweep point rejected: radio.mu = 7.0"},
            {"emulator { training = load }", "emulator.models = \"\": must name a model directory"},
            {"radio { n-ap = 16, n-user = 6 }\nemulator.protocols = [optimum]", "emulator.protocols = optimum: does not fit: K^M = 6^16"},
            {"radio { n-ap = 16, n-user = 6 }\nemulator.protocols = [non-centralized]",
                "cloud.ansatz = paper: needs cloud.paper.layers x radio.n-ap = 2 x 16 = 32 qubits: a 32-qubit statevector takes 64.0 GiB"},
            {"cluster { edge-nodes = 5 }", "cluster.edge-nodes = 5: must be an integer in [1, radio.n-ap = 4]"},
            {"cluster { form-timeout = 10 ms }", "cluster.form-timeout = \"10 ms\": must be a duration in"},
            {"cluster { faults = [{ node = edge-1, step = 3 }] }", "cluster.faults[].node = edge-1: must be cloud or edge-i with i in [0, 0]"},
            {"cluster { faults = [{ node = cloud, step = -3 }] }", "cluster.faults[].step = -3: must be >= 0"},
            {"cluster { faults = [{ node = cloud, step = 3 }] }", "cluster.faults = cloud: kill cluster nodes: run the scenario on a cluster"},
        };
        for (String[] c : cases) {
            Path out = dir.resolve("never");
            CliRunner r = CliRunner.run("run", scenario(c[0]).toString(), "--out", out.toString(), "--no-progress");
            assertThat(r.exitCode()).as(c[0] + "\n" + r.err()).isEqualTo(2);
            assertThat(r.err()).as(c[0]).contains(c[1]);
            assertThat(r.err().strip().lines()).as("one line").hasSize(1);
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void badNodeFlagsFailWithExitCode2() throws Exception {
        Path s = scenario(SMALL);
        String[][] cases = {
            {"--role", "boss", "--role = boss: must be world, cloud, edge or worker"},
            {"--role", "worker,edge", "--role = worker,edge: worker runs whole units on its own: give it alone"},
            {"--role", "edge", "--port=70000", "--port = 70000: must be a port in [0, 65535]"},
            {"--role", "edge", "--seed-nodes", "localhost", "--seed-nodes = localhost: must be host:port"},
            {"--role", "cloud", "--out", "x", "--out = x: only the world node writes results"},
        };
        for (String[] c : cases) {
            String[] args = new String[c.length + 1];
            args[0] = "node";
            System.arraycopy(c, 0, args, 1, c.length - 1);
            args[c.length] = s.toString();
            CliRunner r = CliRunner.run(args);
            assertThat(r.exitCode()).as(String.join(" ", c) + "\n" + r.err()).isEqualTo(2);
            assertThat(r.err()).contains(c[c.length - 1]);
        }
    }

    @Test
    void benchTimerComparesTheRealClocksTimerWithPekkosScheduler() {
        CliRunner r = CliRunner.run("bench", "timer", "--samples", "10");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("cfqnn real clock (own thread)").contains("Pekko scheduler").contains("p99 us late");
        assertThat(CliRunner.run("bench", "timer", "--samples", "3").exitCode()).isEqualTo(2);
    }

    @Test
    void traceSummarizeRejectsWhatIsNotATrace() throws Exception {
        Path f = dir.resolve("t.jsonl");
        Files.writeString(f, "{\"hello\":1}\n");
        CliRunner r = CliRunner.run("trace", "summarize", f.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).containsExactly("cfqnn trace summarize: " + f + ": no trace messages in 1 line (first "
                + "corrupt: line 1: not a trace message: no \"type\")");
    }
}
