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
        description = {"Draw one channel realization from the model and write it as a snapshot (SPEC section 5).",
                "The snapshot holds the true channel as \"h\" and, when --csi-error > 0, the estimate as \"hHat\".",
                "It is trial 0 of 'cfqnn compare' with the same seed and model."})
public final class ChannelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RadioOptions radio;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "Seed of the draw.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Snapshot JSON to write.")
    Path out;

    @Override
    public Integer call() {
        require("--nap", radio.nAp);
        require("--nuser", radio.nUser);
        require("--ntx", radio.nTx);
        RadioModel model = radio.resolve();
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

    private static void require(String flag, Integer value) {
        if (value == null) {
            throw new org.cfqnn.input.InvalidInputException(flag, null, "missing; this option is required");
        }
        Require.atLeast(flag, value, 1);
    }
}
