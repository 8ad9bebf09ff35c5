package org.cfqnn.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.cfqnn.input.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationTest {

    @TempDir
    Path dir;

    @Test
    void aWrittenCalibrationReadsBackAndTheDefaultsCoverEveryKind() throws Exception {
        Map<String, Double> ops = new HashMap<>();
        Map<String, Double> fixed = new HashMap<>();
        for (int i = 0; i < Calibration.KINDS.size(); i++) {
            ops.put(Calibration.KINDS.get(i), 0.5 + i);
            fixed.put(Calibration.KINDS.get(i), 100.0 * i);
        }
        Path f = dir.resolve("c.json");
        Files.writeString(f, new Calibration(ops, fixed).json("test"));
        Calibration back = Calibration.read(f);
        assertThat(back.nsPerOperation()).isEqualTo(ops);
        assertThat(back.nsPerDecision()).isEqualTo(fixed);
        ScenarioSettings defaults = ScenarioSettings.of(Scenario.load(null, java.util.List.of()));
        for (String kind : Calibration.KINDS) {
            assertThat(defaults.emulator().compute().calibration().perOperation(kind)).isPositive();
        }
        assertThat(defaults.emulator().compute().classicalMode()).isEqualTo(ClassicalMode.COUNTED);
    }

    @Test
    void aFileWithAnotherFormatOrAMissingKindIsRefusedNamingIt() throws Exception {
        Path f = dir.resolve("c.json");
        Files.writeString(f, "{\"format\":\"cfqnn-calibration/9\",\"nsPerOperation\":{},\"nsPerDecision\":{}}");
        assertThatThrownBy(() -> Calibration.read(f)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("format").hasMessageContaining("cfqnn-calibration/1");
        Files.writeString(f, "{\"format\":\"cfqnn-calibration/1\",\"nsPerOperation\":{\"search\":1},\"nsPerDecision\":{}}");
        assertThatThrownBy(() -> Calibration.read(f)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nsPerOperation.optimum"); // the first kind missing
    }
}
