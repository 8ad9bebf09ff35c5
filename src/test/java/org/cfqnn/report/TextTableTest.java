package org.cfqnn.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void countsPrintAsWholeNumbersRatesWithFourDecimalsLatenciesWithOne() {
        assertThat(TextTable.number(31.0)).isEqualTo("31");
        assertThat(TextTable.number(3.41537)).isEqualTo("3.4154");
        assertThat(TextTable.number(259.839)).isEqualTo("259.8");
        String table = new TextTable("run", "msgs/step").row("search", 19.0).toString();
        assertThat(table).contains("search").contains(" 19\n").doesNotContain("19.0000");
    }
}
