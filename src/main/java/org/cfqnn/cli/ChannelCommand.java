package org.cfqnn.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cfqnn.experiment.CompareExperiment;
import org.cfqnn.input.Require;
import org.cfqnn.io.Snapshot;
import org.cfqnn.io.SnapshotJson;
import org.cfqnn.radio.ChannelModel;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.radio.Realization;
import org.cfqnn.rng.Seed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cfqnn channel}: draws one channel realization and writes it as a snapshot. */
@Command(name = "channel", mixinStandardHelpOptions = true,
        description = {"Draw one channel realization from the model and write it as a snapshot (docs/model.md section 5).",
                "The snapshot holds the true channel as \"h\" and, when --csi-error > 0, the estimate as \"hHat\".",
                "It is trial 0 of 'cfqnn compare' with the same seed and model."})
public final class ChannelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RadioOptions radio;

    @Option(names = "--nap", required = true, paramLabel = "M", description = "Access points.")
    int nAp;

    @Option(names = "--nuser", required = true, paramLabel = "K", description = "Users, at most M.")
    int nUser;

    @Option(names = "--ntx", required = true, paramLabel = "N", description = "Antennas per AP.")
    int nTx;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "Seed of the draw.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Snapshot JSON to write.")
    Path out;

    @Override
    public Integer call() {
        RadioModel model = radio.resolve(Require.atLeast("--nap", nAp, 1), Require.atLeast("--nuser", nUser, 1),
                Require.atLeast("--ntx", nTx, 1));
        Realization r = new ChannelModel(model).draw(CompareExperiment.trialSeed(new Seed(seed), 0));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("generator", "cfqnn channel");
        meta.put("seed", seed);
        meta.put("nPath", model.nPath());
        meta.put("kappa", model.kappa());
        meta.put("dMin", model.dMin());
        meta.put("rhoDb", model.rhoDb());
        meta.put("csiError", model.csiError());
        SnapshotJson.write(new Snapshot(r.truth(), r.estimate(), model.rho(), model.mu()), meta, out);
        spec.commandLine().getErr().printf("wrote %s (M=%d, K=%d, N=%d)%n", out, model.nAp(), model.nUser(), model.nTx());
        return 0;
    }
}
