package org.cfqnn.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The latency an AP measured is found, and counted, without looking through the records. */
class EffectsTest {

    @Test
    void aRecordedLatencyIsCountedForItsAp() {
        Effects fx = new Effects();
        fx.record(new Measurement.Tick(3, true, 10));
        assertThat(fx.latency()).isNull();
        assertThat(fx.latencies()).isZero();
        LatencyParts parts = LatencyParts.ZERO.afterLink(40, 0, 0, 0);
        Measurement.Latency l = new Measurement.Latency(3, 5, 40, true, parts);
        fx.record(l);
        assertThat(fx.latency()).isSameAs(l);
        assertThat(fx.latencies()).isEqualTo(1);
        assertThat(fx.records()).hasSize(2);
    }
}
