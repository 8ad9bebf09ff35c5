package org.cfqnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cfqnn.io.JsonNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on a real {@code cfqnn run} (the packaged jar, run by failsafe): the run stops with exit code 130
 * and one line saying what happened; the partial results are removed, or kept under a visible name with
 * {@code --keep-partial}, with every line written so far complete.
 */
class InterruptIT {

    @TempDir
    Path dir;

    private static final String LONG_RUN = "emulator { steps = 2000000, protocols = [search] }\n";

    private Process start(Path scenario, Path out, String... extra) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of("java", "-Xmx256m", "-jar", "target/cfqnn.jar", "run",
                scenario.toString(), "--out", out.toString(), "--no-progress"));
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).redirectError(dir.resolve("err.txt").toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
    }

    /** Waits until the run has written some steps into its staging directory. */
    private Path awaitStaging(Process p, Path parent) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (Stream<Path> s = Files.list(parent)) {
                Path staging = s.filter(x -> x.getFileName().toString().startsWith(".out.partial-")).findFirst()
                        .orElse(null);
                if (staging != null && Files.exists(staging.resolve("steps.csv"))
                        && Files.size(staging.resolve("steps.csv")) > 10_000) {
                    return staging;
                }
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("the run wrote no steps: " + Files.readString(dir.resolve("err.txt")));
    }

    /**
     * A process started with SIGINT ignored (a build launched in the background by a shell without job
     * control) passes that on to its children, whose JVM then cannot be interrupted: nothing to test there.
     */
    @org.junit.jupiter.api.BeforeAll
    static void sigintReachesChildren() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("SigIgn:")) {
                    long ignored = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                    org.junit.jupiter.api.Assumptions.assumeTrue((ignored & 0x2) == 0,
                            "SIGINT is ignored in this build's process (inherited), so no child can be interrupted");
                }
            }
        }
    }

    private int interrupt(Process p) throws Exception {
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    @Test
    void ctrlCRemovesThePartialResultsAndSaysSo() throws Exception {
        Path scenario = Files.writeString(dir.resolve("long.conf"), LONG_RUN);
        Path parent = Files.createDirectory(dir.resolve("results"));
        Path out = parent.resolve("out");
        Process p = start(scenario, out);
        awaitStaging(p, parent);
        assertThat(interrupt(p)).isEqualTo(130);
        List<String> err = Files.readAllLines(dir.resolve("err.txt"));
        assertThat(err).hasSize(1);
        assertThat(err.get(0)).startsWith("cfqnn run: interrupted").contains("nothing was written");
        try (Stream<Path> left = Files.list(parent)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void withKeepPartialTheCompleteLinesStayUnderAVisibleName() throws Exception {
        Path scenario = Files.writeString(dir.resolve("long.conf"), LONG_RUN);
        Path parent = Files.createDirectory(dir.resolve("results"));
        Path out = parent.resolve("out");
        Process p = start(scenario, out, "--keep-partial");
        awaitStaging(p, parent);
        assertThat(interrupt(p)).isEqualTo(130);
        Path kept = parent.resolve("out.partial");
        assertThat(Files.readString(dir.resolve("err.txt"))).contains("partial results").contains(kept.toString());
        assertThat(out).doesNotExist();
        List<String> steps = Files.readAllLines(kept.resolve("steps.csv"));
        assertThat(steps.size()).isGreaterThan(100);
        assertThat(steps.get(steps.size() - 1)).endsWith("]\"");
        String trace = Files.readString(kept.resolve("trace.jsonl"));
        assertThat(trace).endsWith("\n");
        for (String line : trace.lines().skip(Math.max(0, trace.lines().count() - 5)).toList()) {
            assertThat(JsonNodes.MAPPER.readTree(line).get("type").asText()).isNotEmpty();
        }
    }
}
