package org.cfqnn.emulator;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.List;
import org.cfqnn.scenario.Scenario;
import org.cfqnn.scenario.ScenarioSettings;

/** Small scenarios and configuration for emulator tests. */
public final class EmulatorTestSupport {

    private EmulatorTestSupport() {
    }

    /** Tests run every message through its serializer, so a non-serializable message fails here, not in a cluster. */
    public static Config actorConfig() {
        return ConfigFactory.parseString("pekko.actor.serialize-messages = on\n"
                + "pekko.actor.serialize-creators = off\n"
                + "pekko.loglevel = WARNING").withFallback(org.cfqnn.scenario.Defaults.config());
    }

    /** A small graph/amplitude system with a few training samples, overridden by {@code sets}. */
    public static ScenarioSettings small(String... sets) {
        List<String> all = new java.util.ArrayList<>(List.of(
                "cloud.ansatz=graph", "cloud.graph.qubits=2", "cloud.graph.layers=1", "cloud.graph.rounds=1",
                "cloud.training.optimizer=adam", "cloud.training.gradient=adjoint", "cloud.training.n-data=20",
                "cloud.training.n-epoch=2", "edge.ansatz=amplitude", "edge.training.optimizer=adam",
                "edge.training.learning-rate=0.05", "edge.training.gradient=adjoint", "edge.training.n-data=10",
                "edge.training.n-epoch=2", "emulator.steps=20"));
        all.addAll(List.of(sets));
        return ScenarioSettings.of(Scenario.load(null, all));
    }

    public static EmulatorRunner.Report run(ScenarioSettings s, Path dir) {
        return EmulatorRunner.run(List.of(new EmulatorRunner.Point("", s)), EmulatorRunner.Outputs.in(dir),
                org.cfqnn.progress.ProgressListener.Factory.NONE, actorConfig());
    }
}
