package org.cfqnn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cfqnn.scenario.Scenario;
import org.cfqnn.scenario.ScenarioSettings;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A scenario file with {@code --seed} and {@code --set key=value} overrides. */
public final class ScenarioOptions {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (HOCON overrides of application.conf's cfqnn block).")
    Path scenario;

    @Option(names = "--seed", paramLabel = "S", description = "Run seed (overrides the scenario's).")
    Long seed;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one key, e.g. --set radio.mu=0.2 (repeatable).")
    List<String> sets = new ArrayList<>();

    /** The {@code --set} overrides, with {@code --seed} as one more. */
    List<String> allSets() {
        List<String> all = new ArrayList<>(sets);
        if (seed != null) {
            all.add("seed=" + seed);
        }
        return all;
    }

    ScenarioSettings settings() {
        return ScenarioSettings.of(Scenario.load(scenario, allSets()));
    }
}
