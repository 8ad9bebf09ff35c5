package org.cfqnn.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.cfqnn.quantum.backend.BackendSpec;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.rng.Seed;
import org.junit.jupiter.api.Test;

/** The protocol's lookahead, hand-derived from its schedule: 1 ms steps, 400 us deadline, 10 steps. */
class LookaheadTest {

    private static final Plan PLAN = new Plan(Protocol.NON_CENTRALIZED, RadioModel.paper(), new Seed(1), 1_000_000,
            400_000, 800_000, Fallback.LAST, 0, 0, false, false, false, 0, 10, 0, null, BackendSpec.EXACT, 0);

    /** Every link leaves this node: air 0, fronthaul 100 us, AP-edge 5 us, cloud-edge 70 us, control 0. */
    private static final Lookahead.Links ALL_REMOTE = (link, from, to) -> switch (link) {
        case AIR, CONTROL -> 0L;
        case FRONTHAUL -> 100_000L;
        case AP_EDGE -> 5_000L;
        case CLOUD_EDGE -> 70_000L;
    };

    private static Message.Transmission transmission(long step) {
        return new Message.Transmission(step, 0, 0, new double[2], new double[2], true, step);
    }

    @Test
    void boundsFollowTheProtocolsSchedule() {
        assertThat(Lookahead.of(Role.WORLD, new Timer.StepTick(3), PLAN, ALL_REMOTE)).isZero(); // pilots now
        assertThat(Lookahead.of(Role.AP, new Message.Pilot(3, 0, new double[6], new double[6], new double[3], true),
                PLAN, ALL_REMOTE)).isEqualTo(100_000); // CSI up before the transmission at 400 us
        assertThat(Lookahead.of(Role.AP, new Timer.TransmitDue(3), PLAN, ALL_REMOTE)).isZero();
        assertThat(Lookahead.of(Role.EDGE, new Message.Assignment(3, new int[] {0, 1, 2, 0}, true), PLAN, ALL_REMOTE)).isEqualTo(5_000);
        assertThat(Lookahead.of(Role.USER, new Message.Reception(3, 0, 1.0, true), PLAN, ALL_REMOTE))
                .isEqualTo(Lookahead.NEVER);
    }

    @Test
    void onlyTheLastStepsTransmissionsCanEndTheRunAtOnce() {
        assertThat(Lookahead.of(Role.WORLD, transmission(8), PLAN, ALL_REMOTE)).isEqualTo(Lookahead.NEVER);
        assertThat(Lookahead.of(Role.WORLD, transmission(PLAN.totalTicks() - 1), PLAN, ALL_REMOTE)).isZero();
        Lookahead.Links apsLocal = (link, from, to) -> link == Link.AIR ? Lookahead.NEVER : 0L;
        assertThat(Lookahead.of(Role.WORLD, new Timer.StepTick(PLAN.totalTicks()), PLAN, apsLocal)).isZero(); // drained
    }

    @Test
    void withinANodeEventsAreQuietUntilTheirFirstPossibleOutput() {
        // every link as if remote: fronthaul 100 us, AP-edge 5 us, cloud-edge 70 us; deadline 400 us,
        // collect timeout 800 us
        Message.Pilot pilot = new Message.Pilot(3, 0, new double[6], new double[6], new double[3], true);
        assertThat(Lookahead.local(Role.AP, pilot, PLAN, ALL_REMOTE)).isEqualTo(5_000); // CSI to its edge
        Plan search = new Plan(Protocol.SEARCH, RadioModel.paper(), new Seed(1), 1_000_000, 400_000, 800_000,
                Fallback.LAST, 0, 0, false, false, false, 0, 10, 0, null, BackendSpec.EXACT, 0);
        assertThat(Lookahead.local(Role.AP, pilot, search, ALL_REMOTE)).isEqualTo(100_000); // no edge: CSI up
        assertThat(Lookahead.local(Role.AP, new Message.Assignment(3, new int[4], true), PLAN, ALL_REMOTE))
                .isEqualTo(Lookahead.NEVER); // it only stores the assignment
        assertThat(Lookahead.local(Role.CLOUD, new Message.Csi(3, 0, new double[6], new double[6], true), PLAN,
                ALL_REMOTE)).isEqualTo(70_000); // an assignment down the cloud-edge link
        assertThat(Lookahead.local(Role.EDGE, new Message.Assignment(3, new int[4], true), PLAN, ALL_REMOTE))
                .isEqualTo(5_000);
        assertThat(Lookahead.local(Role.WORLD, new Timer.StepTick(3), PLAN, ALL_REMOTE)).isZero();
        assertThat(Lookahead.local(Role.USER, new Message.Reception(3, 0, 1.0, true), PLAN, ALL_REMOTE))
                .isEqualTo(Lookahead.NEVER);
        // training on the QPUs may set timers at any instant: no window at all
        Plan online = new Plan(Protocol.NON_CENTRALIZED, RadioModel.paper(), new Seed(1), 1_000_000, 400_000,
                800_000, Fallback.LAST, 0, 0, true, false, false, 0, 10, 0, null, BackendSpec.EXACT, 0);
        assertThat(Lookahead.local(Role.AP, pilot, online, ALL_REMOTE)).isZero();
    }

    @Test
    void linksThatStayOnTheNodeAddNothing() {
        Lookahead.Links local = (link, from, to) -> link == Link.AIR ? Lookahead.NEVER : ALL_REMOTE.delay(link, from, to);
        // an AP whose world is local: only its CSI upload can leave the node
        assertThat(Lookahead.of(Role.AP, new Timer.TransmitDue(3), PLAN, local)).isEqualTo(Lookahead.NEVER);
        assertThat(Lookahead.of(Role.WORLD, new Timer.StepTick(3), PLAN, local)).isEqualTo(Lookahead.NEVER);
    }
}
