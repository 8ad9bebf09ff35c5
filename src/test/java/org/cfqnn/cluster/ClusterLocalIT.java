package org.cfqnn.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.cfqnn.cli.CliRunner;
import org.cfqnn.io.JsonNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tools/cluster-local with real JVMs from the packaged jar (run by failsafe, after package): a three-node
 * run writes the same results as one JVM, and every JVM it started is gone afterwards, also when the run
 * fails or the script is interrupted.
 */
class ClusterLocalIT {

    @TempDir
    Path dir;

    private static final String SCENARIO = """
            cloud { ansatz = graph, graph { qubits = 2, layers = 1, rounds = 1 }
                    training { optimizer = adam, gradient = adjoint, n-data = 20, n-epoch = 2 } }
            edge { ansatz = amplitude, training { optimizer = adam, gradient = adjoint, n-data = 10, n-epoch = 2 } }
            emulator { steps = 40, protocols = [non-centralized, greedy-maxmin] }
            """;

    private final int basePort = 30000 + ThreadLocalRandom.current().nextInt(20000);

    private Process start(Path scenario, Path out, String... extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("tools/cluster-local", scenario.toString(), "--nodes", "3", "--out",
                out.toString(), "--base-port", Integer.toString(basePort), "--no-progress"));
        cmd.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("cluster-local.log").toFile());
        pb.environment().put("CFQNN_JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        return pb.start();
    }

    private String log() throws IOException {
        return Files.readString(dir.resolve("cluster-local.log"));
    }

    /** The script's help is its header comment and options: no line of the script itself. */
    @Test
    void helpPrintsTheHeaderAndOptionsOnly() throws Exception {
        Process p = new ProcessBuilder("tools/cluster-local", "--help").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).isZero();
        assertThat(out).startsWith("Runs a scenario on a local Pekko cluster").contains("Options: --nodes N")
                .doesNotContain("set -euo", "root=", "#!");
    }

    /** Nothing listens on the three ports any more: every node's JVM is gone. */
    private void assertPortsFree() {
        for (int p = basePort; p < basePort + 3; p++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", p), 200);
                throw new AssertionError("port " + p + " still has a listener: a node is still running");
            } catch (IOException expected) {
                // refused: nobody there
            }
        }
    }

    @Test
    void threeJvmsWriteTheSameResultsAsOneAndAllExit() throws Exception {
        Path scenario = dir.resolve("small.conf");
        Files.writeString(scenario, SCENARIO);
        Path out = dir.resolve("cluster");
        Process p = start(scenario, out);
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("cluster-local finished").isTrue();
        assertThat(p.exitValue()).as(log()).isZero();
        assertThat(log()).contains("cluster formed").contains("edge-0: ap-0..3 with edges");
        for (String f : List.of("summary.json", "steps.csv", "trace.jsonl", "rates-over-time.png", "latency-cdf.png",
                "report.html")) {
            assertThat(out.resolve(f)).exists();
        }
        CliRunner single = CliRunner.run("run", scenario.toString(), "--out", dir.resolve("single").toString(), "--no-progress");
        assertThat(single.exitCode()).as(single.err()).isZero();
        ObjectNode a = (ObjectNode) JsonNodes.MAPPER.readTree(dir.resolve("single/summary.json").toFile());
        ObjectNode b = (ObjectNode) JsonNodes.MAPPER.readTree(out.resolve("summary.json").toFile());
        assertThat(b.at("/performance/nodes").toString()).contains("edge-0");
        a.remove(List.of("performance", "scenario"));
        b.remove(List.of("performance", "scenario"));
        assertThat(b.toPrettyString()).isEqualTo(a.toPrettyString());
        long crossing = Files.readAllLines(out.resolve("trace.jsonl")).stream().map(l -> {
            try {
                return JsonNodes.MAPPER.readTree(l);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).filter(j -> j.get("crossNode").asBoolean()).map(j -> j.get("fromNode").asText() + ">" + j.get("toNode").asText())
                .distinct().count();
        assertThat(crossing).as("distinct node pairs crossed").isGreaterThanOrEqualTo(4);
        assertPortsFree();
    }

    @Test
    void aFailingOrInterruptedRunLeavesNoJvmBehind() throws Exception {
        Path bad = dir.resolve("bad.conf");
        Files.writeString(bad, "emulator { stepz = 3 }\n");
        Process p = start(bad, dir.resolve("never"));
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(log()).contains("emulator.stepz = 3: unknown key");
        assertThat(dir.resolve("never")).doesNotExist();
        assertPortsFree();

        Path slow = dir.resolve("slow.conf");
        Files.writeString(slow, SCENARIO.replace("steps = 40", "steps = 100000"));
        Process q = start(slow, dir.resolve("interrupted"));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!log().contains("cluster formed") && System.nanoTime() < deadline && q.isAlive()) {
            Thread.sleep(200);
        }
        assertThat(log()).contains("cluster formed");
        q.destroy(); // SIGTERM, as an interrupt
        assertThat(q.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(q.exitValue()).isNotZero();
        assertThat(dir.resolve("interrupted")).doesNotExist();
        assertPortsFree();
    }
}
