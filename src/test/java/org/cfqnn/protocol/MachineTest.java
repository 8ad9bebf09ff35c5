package org.cfqnn.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cfqnn.qnn.TrainedQnn;
import org.cfqnn.qnn.cloud.GraphCloud;
import org.cfqnn.qnn.cloud.Teacher;
import org.cfqnn.qnn.edge.AmplitudeEdge;
import org.cfqnn.qnn.GradientMethod;
import org.cfqnn.qnn.train.SystemTrainer;
import org.cfqnn.qnn.train.TrainingSettings;
import org.cfqnn.quantum.backend.BackendSpec;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.rng.Seed;
import org.junit.jupiter.api.Test;

/** Every entity handles every input its sealed type permits; a machine that forgets one fails when built. */
class MachineTest {

    private static final RadioModel RADIO = RadioModel.paper();

    private static Plan plan(Protocol p) {
        TrainingSettings t = new TrainingSettings("adam", 0.01, 2, 1, GradientMethod.ADJOINT, Math.PI / 2, 0.1, 0.1);
        TrainedQnn qnn = SystemTrainer.initial(RADIO, new GraphCloud(2, 1, 1, GraphCloud.IMITATION, new Teacher(0.1, 1000),
                -10, GradientMethod.ADJOINT, Math.PI / 2), t, "direct", 4, new AmplitudeEdge(2, GradientMethod.ADJOINT,
                Math.PI / 2), t, 1);
        return new Plan(p, RADIO, new Seed(1), 1_000_000, 1_000_000, 2_000_000, Fallback.LAST, 0, 0, false, false, false,
                0, 10, 2, p.usesQnn() ? qnn : null, BackendSpec.EXACT, 0);
    }

    private static final Memory NO_MEMORY = new Memory() {
        @Override
        public double[] load(Address owner) {
            return null;
        }

        @Override
        public void save(Address owner, double[] params) {
        }
    };

    @Test
    void everyEntityHandlesEveryInputItsTypePermits() {
        Plan nc = plan(Protocol.NON_CENTRALIZED);
        List<Entity<?>> all = List.of(new World(nc), new AccessPoint(nc, Charges.FREE, 0), new User(nc, 0),
                new Cloud(nc, Charges.FREE, NO_MEMORY, 1000), new Edge(nc, Charges.FREE, NO_MEMORY, 0),
                new Cloud(plan(Protocol.SEARCH), Charges.FREE, NO_MEMORY, 1000));
        for (Entity<?> e : all) {
            assertThat(Machine.permitted(e.inputType())).as(e.address().toString()).isNotEmpty();
        }
        assertThat(Machine.permitted(AccessPoint.Input.class)).containsExactlyInAnyOrder(Timer.Begin.class,
                Message.Pilot.class, Message.Assignment.class, Message.Precoder.class, Timer.TransmitDue.class);
    }

    /**
     * Once a step is decided its collect timeout can do nothing more, and the cloud withdraws it: a pending
     * timer that could send assignments would hold every other node of a windowed cluster run back.
     */
    @Test
    void aDecidedStepWithdrawsItsCollectTimeout() {
        Plan search = plan(Protocol.SEARCH);
        Cloud cloud = new Cloud(search, Charges.FREE, NO_MEMORY, 1000);
        int m = RADIO.nAp();
        List<Effects> fx = new java.util.ArrayList<>();
        java.util.Random rng = new java.util.Random(3);
        for (int ap = 0; ap < m; ap++) {
            double[] re = rng.doubles(RADIO.nUser() * RADIO.nTx()).toArray();
            double[] im = rng.doubles(RADIO.nUser() * RADIO.nTx()).toArray();
            fx.add(cloud.handle(new Message.Csi(0, ap, re, im, true), 1_000 * ap, ap, null));
        }
        Timer.CollectTimeout timeout = new Timer.CollectTimeout(0);
        assertThat(fx.get(0).timers()).containsExactly(new Effects.After(search.collectTimeout(), timeout));
        assertThat(fx.get(m - 1).sends()).hasSize(m); // the assignments
        assertThat(fx.get(m - 1).timers()).containsExactly(new Effects.After(Effects.CANCEL, timeout))
                .allSatisfy(a -> assertThat(a.cancels()).isTrue());
        assertThat(cloud.handle(timeout, 2_000_000, 99, null).sends()).isEmpty(); // had it fired: nothing
    }

    /** A machine that handles only part of its inputs. */
    private static final class Forgetful extends Machine<AccessPoint.Input> {
        Forgetful() {
            super(Address.ap(0), AccessPoint.Input.class);
            on(Message.Pilot.class, (p, fx) -> { });
            requireEveryInputHandled();
        }
    }

    @Test
    void aMachineThatForgetsAnInputFailsWhenBuilt() {
        assertThatThrownBy(Forgetful::new).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Assignment").hasMessageContaining("TransmitDue");
    }

    @Test
    void addressesReadAndWriteTheirNames() {
        for (Address a : List.of(Address.WORLD, Address.CLOUD, Address.ap(3), Address.edge(0), Address.user(12))) {
            assertThat(Address.parse(a.toString())).isEqualTo(a);
        }
        assertThat(Address.ap(2).ordinal(4)).isEqualTo(4);
        assertThat(Address.edge(2).ordinal(4)).isEqualTo(8);
        assertThat(Address.user(1).ordinal(4)).isEqualTo(11);
        assertThat(Link.between(Address.ap(1), Address.CLOUD)).isEqualTo(Link.FRONTHAUL);
        assertThat(Link.between(Address.edge(1), Address.ap(1))).isEqualTo(Link.AP_EDGE);
        assertThat(Link.between(Address.CLOUD, Address.WORLD)).isEqualTo(Link.CONTROL);
        assertThatThrownBy(() -> Address.parse("ap-x")).hasMessageContaining("ap-x");
    }
}
