package org.cfqnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cfqnn.io.OutputDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input a newcomer meets: each gets one clean line naming the key and the value, exit 2, nothing written. */
class BadInputCliTest {

    @TempDir
    Path dir;

    private Path snapshot() {
        Path f = dir.resolve("ch.json");
        CliRunner r = CliRunner.run("channel", "--nap", "4", "--nuser", "3", "--ntx", "2", "--seed", "1", "--out",
                f.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return f;
    }

    private static void assertOneCleanLine(CliRunner r, String... fragments) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("cfqnn ").contains(fragments)
                .doesNotContain("Exception", "JsonReadFeature", "[Source", "REDACTED", "\tat ");
    }

    @Test
    void aFractionForAWholeNumberKeyIsRefusedNotTruncated() throws Exception {
        Path scenario = dir.resolve("s.conf");
        Files.writeString(scenario, "emulator.steps = 100.5\n");
        assertOneCleanLine(CliRunner.run("run", scenario.toString(), "--out", dir.resolve("o").toString()),
                "emulator.steps", "100.5", "integer");
        Files.writeString(scenario, "");
        assertOneCleanLine(CliRunner.run("run", scenario.toString(), "--set", "radio.n-ap=4.9", "--out",
                dir.resolve("o").toString()), "radio.n-ap", "4.9", "integer");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void everyBaselinesKeyIsCheckedBeforeARunStarts() throws Exception {
        Path scenario = dir.resolve("s.conf");
        Files.writeString(scenario, "");
        assertOneCleanLine(CliRunner.run("run", scenario.toString(), "--set", "baselines.optimum-time-limit=0 s",
                "--out", dir.resolve("o").toString()), "baselines.optimum-time-limit", "0.0 s", "> 0");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void aWholeNumberWrittenAsADoubleIsAccepted() {
        // 1e3 is a whole number: HOCON reads it as a double, but it is not a fraction
        var s = org.cfqnn.scenario.ScenarioSettings.of(org.cfqnn.scenario.Scenario.load(null,
                java.util.List.of("emulator.steps=1e3", "radio.n-ap=6.0")));
        assertThat(s.emulator().steps()).isEqualTo(1000);
        assertThat(s.radio().nAp()).isEqualTo(6);
    }

    @Test
    void hugeChannelCoefficientsAreRefusedInsteadOfOverflowingTheRates() throws Exception {
        Path f = snapshot();
        String json = Files.readString(f);
        int i = json.indexOf("[[[[") + 4;
        int j = json.indexOf(',', i);
        Files.writeString(f, json.substring(0, i) + "1e200" + json.substring(j));
        assertOneCleanLine(CliRunner.run("evaluate", "--channel", f.toString(), "--method", "greedy-maxmin"),
                "h[0][0][0][0]", "1", "1e50");
    }

    @Test
    void notANumberInJsonIsNamedWithoutParserInternals() throws Exception {
        Path f = snapshot();
        String json = Files.readString(f);
        int i = json.indexOf("[[[[") + 4;
        int j = json.indexOf(',', i);
        Files.writeString(f, json.substring(0, i) + "NaN" + json.substring(j));
        assertOneCleanLine(CliRunner.run("evaluate", "--channel", f.toString(), "--method", "search"),
                "NaN", "not a JSON number");
        Files.writeString(f, json.substring(0, json.length() / 2)); // cut short
        assertOneCleanLine(CliRunner.run("evaluate", "--channel", f.toString(), "--method", "search"),
                "malformed JSON", "line");
    }

    @Test
    void anOutputDirectoryThatCannotBeCreatedSaysWhyWithoutInternalPaths() throws Exception {
        Path file = dir.resolve("plain-file");
        Files.writeString(file, "x");
        CliRunner r = CliRunner.run("compare", "--trials", "2", "--out", file.resolve("out").toString());
        assertOneCleanLine(r, "--out", "cannot be created");
        assertThat(r.err()).doesNotContain(".partial-");
        try (var entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("partial"));
        }
    }

    @Test
    void permissionDeniedIsNamedAsSuch() {
        String reason = OutputDir.reason(new java.nio.file.AccessDeniedException("/ro/.out.partial-123"), Path.of("/ro"));
        assertThat(reason).isEqualTo("permission denied in /ro");
    }

    @Test
    void aDirectoryCfqnnDidNotWriteIsNeverReplaced() throws Exception {
        Path mine = dir.resolve("mine");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("thesis.tex"), "precious");
        CliRunner r = CliRunner.run("compare", "--trials", "2", "--out", mine.toString());
        assertOneCleanLine(r, "--out", "did not write", OutputDir.MARKER);
        assertThat(Files.readString(mine.resolve("thesis.tex"))).isEqualTo("precious");
    }

    @Test
    void reusingAnOutputDirectoryLeavesNoStaleFiles() throws Exception {
        Path out = dir.resolve("results");
        assertThat(CliRunner.run("compare", "--trials", "3", "--out", out.toString()).exitCode()).isZero();
        Files.writeString(out.resolve("misses-vs-emulator-links-fronthaul-latency.png"), "from an earlier sweep");
        assertThat(CliRunner.run("compare", "--trials", "3", "--out", out.toString()).exitCode()).isZero();
        try (var entries = Files.list(out)) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(OutputDir.MARKER, "trials.csv", "summary.json", "min-rate-cdf.png");
        }
    }

    @Test
    void parameterErrorsNameTheWholeCommand() {
        CliRunner r = CliRunner.run("run", "x.conf", "--no-such-flag");
        assertOneCleanLine(r, "cfqnn run:", "--no-such-flag");
    }

    /** Output paths that cannot be written name the flag, the path and the reason, never a temporary file. */
    @Test
    void unwritableOutputsSayWhy() throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("a-file"), "x");
        CliRunner r = CliRunner.run("channel", "--nap", "4", "--nuser", "3", "--ntx", "2", "--seed", "1", "--out",
                file.resolve("ch.json").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("cfqnn channel: --out = " + file.resolve("ch.json"))
                .contains("cannot be written: a part of").contains("is a file, not a directory").doesNotContain(".tmp");
        r = CliRunner.run("compare", "--trials", "2", "--nap", "4", "--nuser", "3", "--ntx", "2", "--out",
                file.resolve("out").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--out").contains("is a file, not a directory").doesNotContain("partial");
    }

    @Test
    void helpShowsRequiredFlagsAsRequired() {
        CliRunner r = CliRunner.run("channel", "--help");
        String usage = r.out().substring(0, r.out().indexOf("Draw one")).replaceAll("\\s+", " ") + " ";
        assertThat(usage).contains(" --nap=M ", " --nuser=K ", " --ntx=N ", " --out=FILE ", " --seed=S ")
                .doesNotContain("[--nap", "[--nuser", "[--ntx", "[--out", "[--seed");
    }

    /** picocli formats descriptions: a bare percent sign prints a warning and the raw text instead. */
    @Test
    void everyCommandsHelpFormatsCleanly() {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true));
        try {
            picocli.CommandLine root = new picocli.CommandLine(new CfqnnCommand());
            java.util.List<picocli.CommandLine> all = new java.util.ArrayList<>(java.util.List.of(root));
            for (int i = 0; i < all.size(); i++) {
                all.addAll(all.get(i).getSubcommands().values());
            }
            for (picocli.CommandLine c : all) {
                String usage = c.getUsageMessage();
                assertThat(usage).as(c.getCommandName()).doesNotContain("%n");
            }
        } finally {
            System.setErr(saved);
        }
        assertThat(captured.toString()).doesNotContain("picocli WARN");
    }
}
