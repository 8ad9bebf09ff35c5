package org.cfqnn.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A site's QPUs as its machine sees them: inference first come first served, training behind it. */
class QpusTest {

    private static final long D = 10_000; // one decision's circuits, ns

    @Test
    void aDecisionWaitsForTheOneBeforeItThenRunsItsOwnCircuits() {
        Qpus q = new Qpus(1);
        assertThat(q.inference(0, D, new Effects())).isEqualTo(new Compute(0, D, 0));
        // ready at 4 us, the QPU is busy until 10 us: 6 us in the queue
        assertThat(q.inference(4_000, D, new Effects())).isEqualTo(new Compute(6_000, D, 0));
        // ready at 30 us: the QPU has been idle since 20 us
        assertThat(q.inference(30_000, D, new Effects())).isEqualTo(new Compute(0, D, 0));
    }

    /** On the real clock a message can be handled after a later timer: the QPU does not go back in time. */
    @Test
    void anEventHandledLateIsPlacedWhenHandledNotBeforeWhatTheQpuAlreadyRan() {
        Qpus q = new Qpus(1);
        List<Long> started = new ArrayList<>();
        q.inference(20_000, D, new Effects()); // the QPU busy from 20 us to 30 us
        q.train(5_000, D, (charged, fx) -> started.add(charged), new Effects()); // stamped 5 us, handled after
        assertThat(started).isEmpty(); // behind the decision, not before it
        // a decision stamped 8 us, handled after: the 30 us the QPU is busy from its stamp, then its circuits
        assertThat(q.inference(8_000, D, new Effects())).isEqualTo(new Compute(22_000, D, 0));
    }

    @Test
    void twoQpusRunTwoDecisionsSideBySide() {
        Qpus q = new Qpus(2);
        assertThat(q.inference(0, D, new Effects()).queueNanos()).isZero();
        assertThat(q.inference(1_000, D, new Effects()).queueNanos()).isZero();
        assertThat(q.inference(2_000, D, new Effects()).queueNanos()).isEqualTo(D - 2_000); // the first frees at 10 us
    }

    @Test
    void trainingStartsWhenTheQpuIsFreeAndInferenceThatArrivesMeanwhileGoesFirst() {
        Qpus q = new Qpus(1);
        List<long[]> started = new ArrayList<>(); // {time, charged}
        long[] now = {0};
        q.inference(0, D, new Effects());
        Effects fx = new Effects();
        q.train(1_000, 50_000, (charged, f) -> started.add(new long[] {now[0], charged}), fx);
        assertThat(started).isEmpty(); // the QPU is busy with the decision
        assertThat(fx.timers()).singleElement().satisfies(t -> {
            assertThat(t.timer()).isInstanceOf(Timer.QpuFree.class);
            assertThat(t.delay()).isEqualTo(D - 1_000); // when the decision ends
        });
        // a decision ready at 5 us, before the QPU frees: it goes ahead of the waiting training
        Effects fx2 = new Effects();
        assertThat(q.inference(5_000, D, fx2)).isEqualTo(new Compute(5_000, D, 0));
        assertThat(fx2.timers()).isEmpty(); // the timer set for 10 us is still pending
        now[0] = D;
        Effects fx3 = new Effects();
        q.free(D, fx3); // at 10 us the second decision holds the QPU until 20 us
        assertThat(started).isEmpty();
        assertThat(fx3.timers()).singleElement().satisfies(t -> assertThat(t.delay()).isEqualTo(D));
        now[0] = 2 * D;
        q.free(2 * D, new Effects());
        assertThat(started).singleElement().satisfies(s -> assertThat(s).containsExactly(2 * D, 50_000));
        // training runs without preemption: a decision at 30 us waits for it (until 70 us)
        assertThat(q.inference(30_000, D, new Effects())).isEqualTo(new Compute(40_000, D, 0));
    }

    @Test
    void trainingOnAnIdleQpuStartsAtOnce() {
        Qpus q = new Qpus(1);
        List<Long> charged = new ArrayList<>();
        Effects fx = new Effects();
        q.train(7, 123, (c, f) -> charged.add(c), fx);
        assertThat(charged).containsExactly(123L);
        assertThat(fx.timers()).isEmpty();
    }

    @Test
    void aDecisionIsStaleWhenItWouldWaitAStepPeriodOrMore() {
        Qpus q = new Qpus(1);
        assertThat(q.stale(0, 1)).isFalse(); // never used: free
        q.inference(0, D, new Effects());
        assertThat(q.waitAt(4_000)).isEqualTo(6_000);
        assertThat(q.stale(4_000, 6_001)).isFalse();
        assertThat(q.stale(4_000, 6_000)).isTrue();
        assertThat(q.waitAt(D + 1)).isZero();
    }
}
