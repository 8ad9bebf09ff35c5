package org.cfqnn.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TraceLineParserTest {

    static final String PILOT = "{\"run\":\"non-centralized\",\"t\":13407787887,\"arrive\":13407787887,\"wall\":5454309633,"
            + "\"step\":10000,\"phase\":\"deployment\",\"from\":\"world\",\"to\":\"ap-0\",\"type\":\"Pilot\",\"bytes\":144,"
            + "\"link\":\"air\",\"id\":50001,\"cause\":50000,\"lost\":false,\"fromNode\":\"local\",\"toNode\":\"local\","
            + "\"crossNode\":false}";

    private final TraceLineParser parser = new TraceLineParser();

    @Test
    void readsEveryKnownFieldOfAnEmulatorLine() throws Exception {
        TraceMessage m = (TraceMessage) parser.parse(PILOT);
        assertThat(m).isEqualTo(new TraceMessage("non-centralized", 13407787887L, 13407787887L, 5454309633L, 10000,
                "deployment", "world", "ap-0", "Pilot", 144, "air", 50001, 50000, false, "local", "local", false,
                java.util.Map.of()));
        assertThat(m.latency()).isZero();
    }

    @Test
    void aLostMessageHasNoArrivalWhetherTheTraceWritesNullOrMinusOne() throws Exception {
        for (String arrive : new String[] {"null", "-1"}) {
            TraceMessage m = (TraceMessage) parser.parse(PILOT.replace("\"arrive\":13407787887", "\"arrive\":" + arrive)
                    .replace("\"lost\":false", "\"lost\":true"));
            assertThat(m.lost()).isTrue();
            assertThat(m.arrive()).isEqualTo(TraceMessage.NONE);
            assertThat(m.latency()).isEqualTo(TraceMessage.NONE);
        }
        // without a lost field, a missing arrival means lost
        TraceMessage m = (TraceMessage) parser.parse("{\"t\":5,\"arrive\":null,\"from\":\"a\",\"to\":\"b\",\"type\":\"X\"}");
        assertThat(m.lost()).isTrue();
    }

    @Test
    void unknownFieldsAreKeptAndOptionalOnesMayBeMissing() throws Exception {
        TraceMessage m = (TraceMessage) parser.parse("{\"t\":100,\"arrive\":350,\"from\":\"ap-1\",\"to\":\"cloud\","
                + "\"type\":\"Csi\",\"linkNs\":200,\"jitterNs\":50,\"ratio\":0.5,\"tag\":\"x\",\"flag\":true,"
                + "\"more\":{\"a\":[1,2]},\"gone\":null}");
        assertThat(m.extras()).containsOnly(java.util.Map.entry("linkNs", 200L), java.util.Map.entry("jitterNs", 50L),
                java.util.Map.entry("ratio", 0.5), java.util.Map.entry("tag", "x"), java.util.Map.entry("flag", true),
                java.util.Map.entry("more", "{\"a\":[1,2]}"));
        assertThat(m.run()).isEmpty();
        assertThat(m.step()).isEqualTo(TraceMessage.NONE);
        assertThat(m.id()).isEqualTo(TraceMessage.NONE);
        assertThat(m.latency()).isEqualTo(250);
        assertThat(m.crossNode()).isFalse();
    }

    @Test
    void stepRecordsCarryTheirMissesAndOtherRecordsAreSkipped() throws Exception {
        StepRecord r = (StepRecord) parser.parse("{\"record\":\"step\",\"run\":\"centralized\",\"step\":12,"
                + "\"deadlineMissed\":true,\"minRate\":0.4}");
        assertThat(r).isEqualTo(new StepRecord("centralized", "deployment", 12, 1, java.util.Map.of("minRate", 0.4)));
        StepRecord counted = (StepRecord) parser.parse("{\"record\":\"step\",\"run\":\"c\",\"phase\":\"edge-training\","
                + "\"step\":3,\"deadlineMissed\":true,\"fallbacks\":3}");
        assertThat(counted.misses()).isEqualTo(3);
        assertThat(counted.phase()).isEqualTo("edge-training");
        StepRecord silent = (StepRecord) parser.parse("{\"record\":\"step\",\"run\":\"c\",\"step\":4}");
        assertThat(silent.misses()).isEqualTo(TraceMessage.NONE);
        assertThat(parser.parse("{\"record\":\"node\",\"node\":\"edge-0\",\"event\":\"lost\"}")).isNull();
    }

    @Test
    void corruptLinesGetOneLineReasonsWithoutTheParsersSourceExcerpt() {
        String[][] cases = {
            {PILOT.substring(0, 120), "truncated: the line ends inside the JSON object"},
            {"{\"t\":1,,}", "not JSON at column 8: Unexpected character (',' (code 44))"},
            {"[1,2]", "not a JSON object"},
            {"hello", "not JSON at column 1: Unrecognized token 'hello'"},
            {PILOT + "x", "not JSON at column"},
            {PILOT.replace("\"t\":13407787887", "\"t\":\"soon\""), "\"t\" = \"soon\": expected an integer"},
            {PILOT.replace("\"lost\":false", "\"lost\":3"), "\"lost\" = 3: expected true or false"},
            {PILOT.replace("\"type\":\"Pilot\",", ""), "not a trace message: no \"type\""},
            {PILOT.replace("\"t\":13407787887,", ""), "not a trace message: no \"t\""},
            {PILOT.replace("\"step\":10000", "\"step\":10000,\"step\":3"), "Duplicate field 'step'"},
            {"{\"record\":\"step\",\"run\":\"c\"}", "step record without \"step\""},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> parser.parse(c[0])).as(c[0]).isInstanceOf(TraceLineException.class)
                    .hasMessageContaining(c[1]).hasMessageNotContaining("Source").hasMessageNotContaining("\n");
        }
    }

    @Test
    void integralFloatsAreIntegersAndFractionsAreNot() throws Exception {
        TraceMessage m = (TraceMessage) parser.parse("{\"t\":1.5e3,\"from\":\"a\",\"to\":\"b\",\"type\":\"X\"}");
        assertThat(m.t()).isEqualTo(1500);
        assertThatThrownBy(() -> parser.parse("{\"t\":1.25,\"from\":\"a\",\"to\":\"b\",\"type\":\"X\"}"))
                .hasMessage("\"t\" = 1.25: expected an integer");
    }
}
