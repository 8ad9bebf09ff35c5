package org.cfqnn.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.cfqnn.quantum.backend.BackendSpec;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.rng.Seed;
import org.junit.jupiter.api.Test;

/** A classical protocol's AP computes MR itself: the precoder is ready, and measured, its charge later. */
class ApPrecoderChargeTest {

    private static final long DEADLINE = 1_000_000;

    /** Charges {@code nsPerAntenna} per antenna of an MR precoder, nothing else. */
    private static Charges mrCosts(long nsPerAntenna) {
        return new Charges.Free() {
            @Override
            public long classical(String work, long operations, long tableOperations, long measuredNanos) {
                return work.equals(Charges.MR_PRECODER) ? operations * nsPerAntenna : 0;
            }
        };
    }

    private static AccessPoint ap(long nsPerAntenna) {
        Plan plan = new Plan(Protocol.SEARCH, RadioModel.paper(), new Seed(1), DEADLINE, DEADLINE, 2_000_000,
                Fallback.LAST, 0, 0, false, false, false, 0, 10, 0, null, BackendSpec.EXACT, 0);
        return new AccessPoint(plan, mrCosts(nsPerAntenna), 0);
    }

    private static final double[] H = {1, 0, 0, 1, 1, 1}; // K = 3 users x N = 2 antennas
    private static final double[] BETA = {1, 1, 1};

    private static Measurement.Latency latency(Effects fx) {
        return fx.records().stream().filter(Measurement.Latency.class::isInstance).map(Measurement.Latency.class::cast)
                .findFirst().orElseThrow();
    }

    private static Message.Transmission transmission(Effects fx) {
        return fx.sends().stream().map(Effects.Send::message).filter(Message.Transmission.class::isInstance)
                .map(Message.Transmission.class::cast).findFirst().orElseThrow();
    }

    @Test
    void theMrPrecoderCostsItsNMultiplyAddsBeforeItIsReady() {
        AccessPoint ap = ap(250); // N = 2 antennas: 500 ns
        ap.handle(new Message.Pilot(0, 0, H, H, BETA, true), 0, 1);
        Effects fx = ap.handle(new Message.Assignment(0, new int[] {1, 0, 2, 0}, true), 300_000, 2);
        assertThat(latency(fx).nanos()).isEqualTo(300_000 + 500);
        assertThat(latency(fx).onTime()).isTrue();
        assertThat(transmission(ap.handle(new Timer.TransmitDue(0), DEADLINE, 3)).fresh()).isTrue();
    }

    @Test
    void theLatencyItReportsIsTheChainItArrivedOnPlusItsOwnMrWhateverTheChainMissesIsRuntime() {
        AccessPoint ap = ap(250);
        ap.handle(new Message.Pilot(0, 0, H, H, BETA, true), 0, 1);
        // an assignment whose chain accounts for 299 us of the 300 us since the pilot (as no virtual-time chain
        // would: the real clock's hand-offs are the missing 1 us)
        LatencyParts chain = LatencyParts.ZERO.afterLink(200_000, 3_000, 1_280, 0).afterCollection(74_720)
                .afterCpu(new Compute(0, 0, 20_000));
        Effects fx = ap.handle(new Message.Assignment(0, new int[] {1, 0, 2, 0}, true), 300_000, 2, chain);
        Measurement.Latency l = latency(fx);
        assertThat(l.nanos()).isEqualTo(300_500);
        assertThat(l.parts()).isEqualTo(new LatencyParts(200_000, 3_000, 1_280, 0, 74_720, 0, 0, 0, 20_500, 1_000));
    }

    @Test
    void aPrecoderStillComputingAtTheTransmitInstantIsAMiss() {
        AccessPoint ap = ap(400_000); // 0.8 ms: ready at 1.1 ms, after the 1 ms deadline
        ap.handle(new Message.Pilot(0, 0, H, H, BETA, true), 0, 1);
        Effects fx = ap.handle(new Message.Assignment(0, new int[] {1, 0, 2, 0}, true), 300_000, 2);
        assertThat(latency(fx).nanos()).isEqualTo(1_100_000);
        assertThat(latency(fx).onTime()).isFalse();
        assertThat(transmission(ap.handle(new Timer.TransmitDue(0), DEADLINE, 3)).fresh()).isFalse();
    }
}
