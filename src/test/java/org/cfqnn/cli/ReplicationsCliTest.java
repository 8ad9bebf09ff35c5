package org.cfqnn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cfqnn.io.JsonNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --replications R}: every protocol with seeds S..S+R-1, means with 95 % confidence intervals. */
class ReplicationsCliTest {

    /** t(0.975, 2 degrees of freedom), from a table of Student's t distribution. */
    private static final double T_975_2 = 4.302652729911275;
    /** Means are exact; the t quantile is found by root finding, to about 1e-10 relative. */
    private static final double TOLERANCE = 1e-8;

    @TempDir
    Path dir;

    @Test
    void threeSeedsGiveMeansAndIntervalsAsComputedByHand() throws Exception {
        Path scenario = Files.writeString(dir.resolve("s.conf"),
                "emulator { steps = 10, protocols = [search, greedy-maxmin], trace.enabled = false }\n");
        Path out = dir.resolve("out");
        CliRunner r = CliRunner.run("run", scenario.toString(), "--out", out.toString(), "--replications", "3",
                "--seed", "5", "--no-progress");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("+- 95% CI").contains("3 replications (seeds 5..7)");
        JsonNode s = JsonNodes.MAPPER.readTree(out.resolve("summary.json").toFile());
        assertThat(s.get("runs")).hasSize(6);
        assertThat(s.get("replications").asInt()).isEqualTo(3);
        for (JsonNode agg : s.get("aggregates")) {
            List<Double> means = new ArrayList<>();
            for (JsonNode run : s.get("runs")) {
                if (run.get("label").asText().equals(agg.get("label").asText())) {
                    means.add(run.at("/minRate/mean").asDouble());
                }
            }
            assertThat(means).hasSize(3);
            double m = (means.get(0) + means.get(1) + means.get(2)) / 3;
            double var = 0;
            for (double x : means) {
                var += (x - m) * (x - m) / 2;
            }
            assertThat(agg.at("/minRate/mean").asDouble()).isCloseTo(m, within(TOLERANCE));
            assertThat(agg.at("/minRate/ci95").asDouble()).isCloseTo(T_975_2 * Math.sqrt(var / 3), within(TOLERANCE));
        }
        List<String> steps = Files.readAllLines(out.resolve("steps.csv"));
        int seed = List.of(steps.get(0).split(",")).indexOf("seed");
        assertThat(steps.subList(1, steps.size()).stream().map(l -> l.split(",")[seed]).distinct())
                .containsExactly("5", "6", "7");
    }
}
