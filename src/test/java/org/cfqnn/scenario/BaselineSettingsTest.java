package org.cfqnn.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import org.cfqnn.input.InvalidInputException;
import org.junit.jupiter.api.Test;

class BaselineSettingsTest {

    private static BaselineSettings read(String text) {
        return BaselineSettings.read(new Settings(ConfigFactory.parseString(text), "baselines."));
    }

    @Test
    void readsTheDefaultsAndDurations() {
        BaselineSettings d = BaselineSettings.defaults();
        assertThat(d.optimumLimit()).isEqualTo(2_000_000L);
        assertThat(d.optimumTimeLimit()).isEqualTo(60.0);
        assertThat(read("optimum-limit = 10, optimum-time-limit = 1500 ms").optimumTimeLimit()).isEqualTo(1.5);
    }

    @Test
    void refusesTimeLimitsAtOrBelowZeroNamingTheKey() {
        for (String bad : new String[] {"0 s", "-2 s"}) {
            assertThatThrownBy(() -> read("optimum-limit = 10, optimum-time-limit = " + bad))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("baselines.optimum-time-limit = ")
                    .hasMessageContaining("must be a time > 0");
        }
        assertThatThrownBy(() -> read("optimum-limit = 10, optimum-time-limit = soon"))
                .hasMessageContaining("baselines.optimum-time-limit").hasMessageContaining("must be a duration");
        assertThatThrownBy(() -> read("optimum-limit = 0, optimum-time-limit = 1 s"))
                .hasMessageStartingWith("baselines.optimum-limit = 0");
    }
}
