package org.cfqnn.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cfqnn.baseline.Baselines;
import org.cfqnn.baseline.OptimumBaseline;
import org.cfqnn.experiment.CompareExperiment;
import org.cfqnn.protocol.Message;
import org.cfqnn.protocol.Plan;
import org.cfqnn.protocol.Protocol;
import org.cfqnn.protocol.World;
import org.cfqnn.protocol.Timer;
import org.cfqnn.radio.ChannelModel;
import org.cfqnn.radio.Realization;
import org.cfqnn.rng.Seed;
import org.cfqnn.scenario.ScenarioSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One decision path: the emulator's step s and trial s of {@code compare --layout fixed} with the same seed
 * see the same channel (truth and estimate), and over ideal links the classical protocols make the same
 * decisions with the same rates, bit for bit.
 */
class DecisionPathTest {

    private static final int STEPS = 25;

    @TempDir
    Path dir;

    private static ScenarioSettings ideal(String... more) {
        List<String> sets = new java.util.ArrayList<>(List.of("emulator.protocols=[search, greedy-maxmin, optimum, random]",
                "emulator.steps=" + STEPS, "quantum.device.presets.ideal.circuit=0 us", "emulator.compute.classical-mode=flat",
                "emulator.compute.classical=0 us",
                "emulator.trace.enabled=false"));
        for (String link : List.of("fronthaul", "ap-edge", "cloud-edge")) {
            sets.add("emulator.links." + link + ".latency=0 us");
            sets.add("emulator.links." + link + ".jitter=0 us");
            sets.add("emulator.links." + link + ".loss=0");
        }
        sets.addAll(List.of(more));
        return EmulatorTestSupport.small(sets.toArray(String[]::new));
    }

    @Test
    void stepSOfARunIsTrialSOfCompareWithAFixedLayout() {
        ScenarioSettings s = ideal("seed=7");
        Plan plan = Plans.of(s, Protocol.SEARCH, null, false);
        World world = new World(plan);
        ChannelModel channels = new ChannelModel(s.radio());
        var layout = channels.fixedLayout(new Seed(7));
        world.handle(new Timer.Begin(), 0, 0);
        for (int step = 0; step < 3; step++) {
            var fx = world.handle(new Timer.StepTick(step), step * 1_000_000L, step + 1);
            Realization trial = channels.draw(CompareExperiment.trialSeed(new Seed(7), step), layout);
            for (var send : fx.sends()) {
                Message.Pilot p = (Message.Pilot) send.message();
                int m = p.ap();
                for (int k = 0; k < s.radio().nUser(); k++) {
                    for (int j = 0; j < s.radio().nTx(); j++) {
                        assertThat(p.re()[k * s.radio().nTx() + j]).isEqualTo(trial.truth().re(m, k, j));
                        assertThat(p.im()[k * s.radio().nTx() + j]).isEqualTo(trial.truth().im(m, k, j));
                    }
                }
                // what the AP estimates from this pilot is row m of compare's estimate
                double[][] est = channels.estimateRow(p.re(), p.im(), p.beta(), plan.realization(step), m);
                for (int k = 0; k < s.radio().nUser(); k++) {
                    for (int j = 0; j < s.radio().nTx(); j++) {
                        assertThat(est[0][k * s.radio().nTx() + j]).isEqualTo(trial.estimate().re(m, k, j));
                        assertThat(est[1][k * s.radio().nTx() + j]).isEqualTo(trial.estimate().im(m, k, j));
                    }
                }
            }
        }
    }

    @Test
    void overIdealLinksEveryClassicalProtocolGivesCompareRatesBitForBit() throws Exception {
        ScenarioSettings s = ideal();
        EmulatorTestSupport.run(s, dir);
        CompareExperiment.Result compare = new CompareExperiment(s.radio(), new Seed(s.seed()),
                List.of(Baselines.byName("search", s.optimumLimit()), Baselines.byName("greedy-maxmin", s.optimumLimit()),
                        Baselines.byName("random", s.optimumLimit())), new OptimumBaseline(s.optimumLimit()),
                CompareExperiment.Layouts.FIXED).run(STEPS, org.cfqnn.progress.ProgressListener.NONE);
        Map<String, double[][]> run = new HashMap<>();
        List<String> rows = Files.readAllLines(dir.resolve("steps.csv"));
        List<String> header = List.of(rows.get(0).split(","));
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            double[][] r = run.computeIfAbsent(f[header.indexOf("protocol")], k -> new double[2][STEPS]);
            int step = Integer.parseInt(f[header.indexOf("step")]);
            r[0][step] = Double.parseDouble(f[header.indexOf("minRate")]);
            r[1][step] = Double.parseDouble(f[header.indexOf("sumRate")]);
        }
        assertThat(run).containsOnlyKeys("search", "greedy-maxmin", "optimum", "random");
        compare.series().forEach((method, series) -> {
            assertThat(run.get(method)[0]).as(method + " min rate").containsExactly(series.minRate());
            assertThat(run.get(method)[1]).as(method + " sum rate").containsExactly(series.sumRate());
        });
    }
}
