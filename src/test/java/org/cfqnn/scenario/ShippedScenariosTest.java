package org.cfqnn.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every scenario shipped in scenarios/ reads and validates (a stale key or value would stop a user's first run). */
class ShippedScenariosTest {

    @Test
    void everyShippedScenarioValidates() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("scenarios"))) {
            files = s.filter(f -> f.toString().endsWith(".conf")).sorted().toList();
        }
        assertThat(files).extracting(f -> f.getFileName().toString())
                .contains("paper.conf", "scale-16.conf", "scale-64.conf", "scale-256.conf");
        for (Path f : files) {
            ScenarioSettings s = ScenarioSettings.of(Scenario.load(f, List.of()));
            assertThat(s.emulator().steps()).as(f.toString()).isPositive();
        }
        ScenarioSettings big = ScenarioSettings.of(Scenario.load(Path.of("scenarios/scale-256.conf"), List.of()));
        assertThat(big.radio().nAp()).isEqualTo(256);
        assertThat(big.radio().nUser()).isEqualTo(64);
    }
}
