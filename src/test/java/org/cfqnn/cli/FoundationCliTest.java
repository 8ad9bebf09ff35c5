package org.cfqnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cfqnn.io.JsonNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cfqnn channel | evaluate | compare} end to end, in-process. */
class FoundationCliTest {

    @TempDir
    Path dir;

    private Path snapshot(long seed) {
        Path f = dir.resolve("ch-" + seed + ".json");
        CliRunner r = CliRunner.run("channel", "--nap", "4", "--nuser", "3", "--ntx", "2", "--seed", "" + seed,
                "--out", f.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return f;
    }

    private static JsonNode json(String s) throws Exception {
        return JsonNodes.MAPPER.readTree(s);
    }

    @Test
    void channelWritesTheSameSnapshotForTheSameSeed() throws Exception {
        Path a = snapshot(5);
        String first = Files.readString(a);
        Files.delete(a);
        assertThat(Files.readString(snapshot(5))).isEqualTo(first);
        assertThat(Files.readString(snapshot(6))).isNotEqualTo(first);
        JsonNode j = json(first);
        assertThat(j.get("h").size()).isEqualTo(4);
        assertThat(j.has("hHat")).isTrue(); // default CSI error 0.1
    }

    @Test
    void evaluateEveryMethodPrintsOneJsonObjectWithFeasibleAssignments() throws Exception {
        Path f = snapshot(1);
        double optimumMin = Double.NaN;
        for (String m : new String[] {"optimum", "search", "greedy-maxmin", "random"}) {
            CliRunner r = CliRunner.run("evaluate", "--channel", f.toString(), "--method", m);
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out().strip().lines()).hasSize(1);
            JsonNode j = json(r.out());
            if (m.equals("optimum")) {
                assertThat(j.fieldNames()).toIterable().containsExactly("assignment", "precoders", "rates", "minRate",
                        "sumRate", "unserved", "estimateMinRate", "bound", "gap", "proven");
                assertThat(j.get("proven").asBoolean()).isTrue(); // 3^4 assignments: enumerated
                assertThat(j.get("gap").asDouble()).isZero();
            } else {
                assertThat(j.fieldNames()).toIterable()
                        .containsExactly("assignment", "precoders", "rates", "minRate", "sumRate", "unserved");
            }
            assertThat(j.get("assignment").size()).isEqualTo(4);
            assertThat(j.get("precoders").size()).isEqualTo(4);
            assertThat(j.get("precoders").get(0).size()).isEqualTo(2);
            assertThat(j.get("unserved").asInt()).isZero();
            double sum = 0;
            for (JsonNode rate : j.get("rates")) {
                sum += rate.asDouble();
            }
            assertThat(j.get("sumRate").asDouble()).isCloseTo(sum, org.assertj.core.api.Assertions.within(1e-12));
            if (m.equals("optimum")) {
                optimumMin = j.get("minRate").asDouble();
            }
        }
        assertThat(optimumMin).isPositive();
    }

    @Test
    void evaluateAnAssignmentThatLeavesAUserUnserved() throws Exception {
        CliRunner r = CliRunner.run("evaluate", "--channel", snapshot(1).toString(), "--assignment", "0,0,1,1");
        assertThat(r.exitCode()).isZero();
        JsonNode j = json(r.out());
        assertThat(j.get("unserved").asInt()).isEqualTo(1);
        assertThat(j.get("rates").get(2).asDouble()).isZero();
        assertThat(j.get("minRate").asDouble()).isZero();
    }

    @Test
    void badAssignmentsAreInputErrors() {
        String f = snapshot(1).toString();
        CliRunner r = CliRunner.run("evaluate", "--channel", f, "--assignment", "0,1,5,0");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("cfqnn evaluate: --assignment[2] = 5: must be a user index in [0, 2]");
        r = CliRunner.run("evaluate", "--channel", f, "--assignment", "0,1,2");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("expected 4 entries (one user index per AP), got 3");
        r = CliRunner.run("evaluate", "--channel", f, "--assignment", "0,x,1,2");
        assertThat(r.err()).contains("--assignment[1] = x");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownMethodIsAnInputErrorWithoutAStackTrace() {
        CliRunner r = CliRunner.run("evaluate", "--channel", snapshot(1).toString(), "--method", "best");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo(
                "cfqnn evaluate: --method = best: must be one of optimum, search, greedy-maxmin, random, qnn");
    }

    @Test
    void malformedSnapshotIsAnInputError() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"nAp\":4,\"nUser\":3,");
        CliRunner r = CliRunner.run("evaluate", "--channel", f.toString(), "--method", "search");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("bad.json").contains("malformed JSON").doesNotContain("at org.");
    }

    @Test
    void channelRejectsBadSizesAndWritesNothing() {
        Path out = dir.resolve("never.json");
        CliRunner r = CliRunner.run("channel", "--nap", "2", "--nuser", "3", "--ntx", "2", "--seed", "1",
                "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--nap = 2: must be >= the number of users K = 3");
        r = CliRunner.run("channel", "--nap", "0", "--nuser", "3", "--ntx", "2", "--seed", "1", "--out", out.toString());
        assertThat(r.err()).contains("--nap = 0: must be an integer >= 1");
        r = CliRunner.run("channel", "--nap", "4", "--nuser", "3", "--ntx", "-2", "--seed", "1", "--out", out.toString());
        assertThat(r.err()).contains("--ntx = -2");
        r = CliRunner.run("channel", "--nap", "4", "--nuser", "3", "--ntx", "2", "--mu", "1.5", "--seed", "1",
                "--out", out.toString());
        assertThat(r.err()).contains("--mu = 1.5: must be a number in [0.0, 1.0]");
        r = CliRunner.run("channel", "--nap", "four", "--nuser", "3", "--ntx", "2", "--seed", "1", "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("'four' is not an int");
        r = CliRunner.run("channel", "--nuser", "3", "--ntx", "2", "--seed", "1", "--out", out.toString());
        assertThat(r.err()).contains("--nap: missing");
        assertThat(out).doesNotExist();
    }

    @Test
    void compareWritesTableCsvSummaryAndPlotAndIsReproducible() throws Exception {
        Path out = dir.resolve("cmp");
        CliRunner r = CliRunner.run("compare", "--trials", "30", "--seed", "3", "--out", out.toString(), "--no-progress");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("optimum").contains("greedy-maxmin").contains("search").contains("random");
        assertThat(Files.readAllLines(out.resolve("trials.csv"))).hasSize(1 + 30 * 4);
        assertThat(Files.size(out.resolve("min-rate-cdf.png"))).isGreaterThan(1000);
        JsonNode s = JsonNodes.MAPPER.readTree(out.resolve("summary.json").toFile());
        assertThat(s.at("/methods/optimum/meanRatioToReference").asDouble()).isEqualTo(1.0);
        assertThat(s.at("/methods/greedy-maxmin/meanRatioToReference").asDouble()).isBetween(0.8, 1.0 + 1e-9);
        String csv = Files.readString(out.resolve("trials.csv"));
        Path again = dir.resolve("cmp2");
        CliRunner.run("compare", "--trials", "30", "--seed", "3", "--out", again.toString(), "--no-progress");
        assertThat(Files.readString(again.resolve("trials.csv"))).isEqualTo(csv);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("partial"));
        }
    }

    @Test
    void compareRefusesAnOptimumTooLargeForTheSolverAndWritesNothing() {
        Path out = dir.resolve("huge");
        CliRunner r = CliRunner.run("compare", "--trials", "2", "--nap", "512", "--nuser", "128", "--ntx", "1",
                "--out", out.toString(), "--no-progress");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("--reference = optimum").contains("512 APs x 128 users")
                .contains("--reference greedy-maxmin");
        assertThat(out).doesNotExist();
        r = CliRunner.run("compare", "--trials", "0", "--out", out.toString());
        assertThat(r.err()).contains("--trials = 0");
        assertThat(out).doesNotExist();
    }

    @Test
    void aTimeLimitAtOrBelowZeroIsBadInput() {
        Path out = dir.resolve("cmp");
        for (String limit : new String[] {"0", "-5"}) {
            CliRunner r = CliRunner.run("compare", "--trials", "2", "--optimum-time-limit", limit, "--out", out.toString(),
                    "--no-progress");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).startsWith("cfqnn compare: --optimum-time-limit = ").contains("must be a number of seconds > 0");
            assertThat(out).doesNotExist();
            r = CliRunner.run("evaluate", "--channel", snapshot(1).toString(), "--method", "optimum",
                    "--optimum-time-limit", limit);
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).startsWith("cfqnn evaluate: --optimum-time-limit = ");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void evaluateSolvesADenseNetworkBeyondTheEnumerationLimitWithAProof() throws Exception {
        // 6^16 assignments: CP-SAT; without CSI error the printed rates are the ones the bound is about
        Path f = dir.resolve("dense.json");
        assertThat(CliRunner.run("channel", "--nap", "16", "--nuser", "6", "--ntx", "4", "--csi-error", "0", "--seed", "2",
                "--out", f.toString()).exitCode()).isZero();
        CliRunner r = CliRunner.run("evaluate", "--channel", f.toString(), "--method", "optimum", "--optimum-time-limit", "60");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode opt = json(r.out());
        assertThat(opt.get("proven").asBoolean()).isTrue();
        assertThat(opt.get("gap").asDouble()).isZero();
        assertThat(opt.get("bound").asDouble()).isEqualTo(opt.get("minRate").asDouble());
        assertThat(opt.get("estimateMinRate").asDouble()).isEqualTo(opt.get("minRate").asDouble());
        JsonNode greedy = json(CliRunner.run("evaluate", "--channel", f.toString(), "--method", "greedy-maxmin").out());
        assertThat(greedy.get("minRate").asDouble()).isLessThanOrEqualTo(opt.get("bound").asDouble());
    }

    @Test
    void compareReportsTheOptimumsBoundGapAndDecisionTimes() throws Exception {
        Path out = dir.resolve("dense");
        CliRunner r = CliRunner.run("compare", "--trials", "2", "--nap", "16", "--nuser", "6", "--ntx", "4",
                "--optimum-time-limit", "60", "--out", out.toString(), "--no-progress");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("mean ratio to bound").contains("ms/decision")
                .contains("optimum: proven optimal on 2 of 2 trials");
        JsonNode s = JsonNodes.MAPPER.readTree(out.resolve("summary.json").toFile());
        assertThat(s.at("/optimumBound/provenTrials").asInt()).isEqualTo(2);
        assertThat(s.at("/optimumBound/maxGap").asDouble()).isZero();
        assertThat(s.at("/methods/greedy-maxmin/meanRatioToBound").asDouble()).isBetween(0.5, 1.0);
        assertThat(s.at("/performance/optimum/meanDecisionMs").asDouble()).isPositive();
        assertThat(s.at("/performance/search/meanDecisionMs").asDouble()).isPositive();
        assertThat(Files.readAllLines(out.resolve("trials.csv")).get(1)).startsWith("0,optimum,").endsWith(",0.0,true");
    }

    @Test
    void benchBaselinesTimesEachMethodAtEachSize() {
        CliRunner r = CliRunner.run("bench", "baselines", "--sizes", "4x3x2,8x4x2", "--round-ms", "5", "--rounds", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.matches("\\s*[48]\\s+[34]\\s+2\\s+\\S+\\s+[0-9.]+"))).hasSize(6);
        r = CliRunner.run("bench", "baselines", "--sizes", "4x3");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--sizes = 4x3: must be M x K x N");
        r = CliRunner.run("bench", "baselines", "--methods", "optimum");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--methods = optimum");
    }

    @Test
    void compareDenseNetworkAgainstGreedy() {
        Path out = dir.resolve("dense");
        CliRunner r = CliRunner.run("compare", "--trials", "3", "--nap", "16", "--nuser", "6", "--ntx", "4",
                "--reference", "greedy-maxmin", "--methods", "search,random", "--out", out.toString(), "--no-progress");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("mean ratio to greedy-maxmin");
    }
}
