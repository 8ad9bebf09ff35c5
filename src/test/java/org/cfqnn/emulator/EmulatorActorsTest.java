package org.cfqnn.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.serialization.SerializationExtension;
import org.cfqnn.emulator.network.Coordinator;
import org.cfqnn.emulator.network.Network;
import org.cfqnn.emulator.network.NetworkCommand;
import org.cfqnn.emulator.network.Placement;
import org.cfqnn.emulator.record.Recorder;
import org.cfqnn.emulator.record.TraceWriter;
import org.cfqnn.protocol.AccessPoint;
import org.cfqnn.protocol.Address;
import org.cfqnn.protocol.Charges;
import org.cfqnn.protocol.Compute;
import org.cfqnn.protocol.Cloud;
import org.cfqnn.protocol.Effects;
import org.cfqnn.protocol.Link;
import org.cfqnn.protocol.Measurement;
import org.cfqnn.protocol.Message;
import org.cfqnn.protocol.Plan;
import org.cfqnn.protocol.Protocol;
import org.cfqnn.protocol.Timer;
import org.cfqnn.qnn.TrainedQnn;
import org.cfqnn.qnn.train.SystemTrainer;
import org.cfqnn.scenario.EmulatorSettings.LinkSettings;
import org.cfqnn.scenario.Models;
import org.cfqnn.scenario.ScenarioSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The network's clocks against probes, the cloud's actor while training, the AP's fallback. */
@ExtendWith(TestKitJUnit5Extension.class)
class EmulatorActorsTest {

    @JUnit5TestKit
    public ActorTestKit testKit = new JUnit5TestKitBuilder()
            .withCustomConfig(EmulatorTestSupport.actorConfig()).build();

    private static final Duration SHORT = Duration.ofMillis(200);

    private static Map<Link, LinkSettings> links(long latencyNanos, double loss) {
        Map<Link, LinkSettings> m = new EnumMap<>(Link.class);
        for (Link l : List.of(Link.FRONTHAUL, Link.AP_EDGE, Link.CLOUD_EDGE)) {
            m.put(l, new LinkSettings(latencyNanos, 0, 1e15, loss));
        }
        return m;
    }

    private static Message.Csi csi(long step, int ap) {
        return new Message.Csi(step, ap, new double[6], new double[6], true);
    }

    /** A node's network alone (probes as its entities and coordinator), every entity on this node. */
    private ActorRef<NetworkCommand> network(boolean virtual, long latency, double loss,
                                             ActorRef<Coordinator.Command> coordinator) {
        return network(virtual, latency, loss, coordinator, List.of());
    }

    /** As above, with {@code elsewhere} placed on another node (virtual time: rounds of a coordinator). */
    private ActorRef<NetworkCommand> network(boolean virtual, long latency, double loss,
                                             ActorRef<Coordinator.Command> coordinator, List<Placement.Entry> elsewhere) {
        ScenarioSettings s = EmulatorTestSupport.small("emulator.clock=" + (virtual ? "virtual" : "real"));
        ActorRef<NetworkCommand> net = testKit.spawn(Network.create(new Network.Setup("local",
                Plans.of(s, Protocol.SEARCH, null, false), links(latency, loss), TraceWriter.disabled(), Set.of(),
                coordinator)));
        net.tell(new NetworkCommand.Directory(new Placement(elsewhere), List.of(), elsewhere.isEmpty(),
                org.cfqnn.emulator.network.WallClock.micros()));
        return net;
    }

    /** A withdrawn timer is dropped from the queue; another entity's equal timer is still delivered. */
    @Test
    void aWithdrawnTimerIsNotDeliveredButAnotherEntitysEqualOneIs() {
        TestProbe<Deliver> ap0 = testKit.createTestProbe();
        TestProbe<Deliver> ap1 = testKit.createTestProbe();
        TestProbe<Coordinator.Command> coordinator = testKit.createTestProbe();
        ActorRef<NetworkCommand> net = network(true, 0, 0, coordinator.ref());
        net.tell(new NetworkCommand.Register(Address.ap(0), ap0.ref(), "local"));
        net.tell(new NetworkCommand.Register(Address.ap(1), ap1.ref(), "local"));
        Timer.TransmitDue due = new Timer.TransmitDue(0);
        net.tell(handled(Address.ap(0), List.of(), List.of(new NetworkCommand.Later(10, due, 0)), false));
        net.tell(handled(Address.ap(1), List.of(), List.of(new NetworkCommand.Later(10, due, 0)), false));
        net.tell(handled(Address.ap(0), List.of(), List.of(new NetworkCommand.Later(Effects.CANCEL, due, -1)), false));
        net.tell(new NetworkCommand.Advance(Long.MAX_VALUE, -1, false, -1, 0, List.of()));
        assertThat(ap1.expectMessageClass(Deliver.class).event()).isEqualTo(due);
        ap0.expectNoMessage(SHORT);
    }

    /**
     * A window granted with the first wave at its end (the coordinator's sole earliest node): the wave is
     * delivered in the same round, unless the window sent something that reaches another node at that very
     * instant, whose delivery there belongs to the same wave; then it waits for a round of its own.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aWindowEndsWithTheWaveAtItsEndUnlessItSentSomethingArrivingThen(boolean sendsToTheEnd) {
        TestProbe<Deliver> ap = testKit.createTestProbe();
        TestProbe<Coordinator.Command> coordinator = testKit.createTestProbe();
        ActorRef<NetworkCommand> net = network(true, 1_000, 0, coordinator.ref(),
                List.of(new Placement.Entry(Address.CLOUD, "other")));
        net.tell(new NetworkCommand.Register(Address.ap(0), ap.ref(), "local"));
        long end = 1_001; // the CSI's arrival: 1 us of latency and 1 ns of serialization at 1e15 bit/s
        net.tell(handled(Address.ap(0), List.of(), List.of(new NetworkCommand.Later(end, new Timer.TransmitDue(0), 0)),
                false));
        net.tell(new NetworkCommand.Advance(end, -1, true, -1, 0, List.of(new NetworkCommand.Arrival(Address.ap(0),
                new Timer.Begin(), 0, -1, 1, -1, null))));
        assertThat(ap.expectMessageClass(Deliver.class).at()).isZero();
        List<NetworkCommand.Out> csi = List.of(new NetworkCommand.Out(Address.CLOUD, csi(0, 0), Compute.NONE, -1, 2));
        net.tell(handled(Address.ap(0), sendsToTheEnd ? csi : List.of(), List.of(), true));
        if (!sendsToTheEnd) {
            Deliver due = ap.expectMessageClass(Deliver.class);
            assertThat(due.at()).isEqualTo(end);
            assertThat(due.event()).isInstanceOf(Timer.TransmitDue.class);
            net.tell(handled(Address.ap(0), List.of(), List.of(), true));
        } else {
            ap.expectNoMessage(SHORT);
        }
        Coordinator.Reached r = coordinator.fishForMessage(Duration.ofSeconds(5), m -> m instanceof Coordinator.Reached
                ? org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes.complete()
                : org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes.continueAndIgnore())
                .stream().map(Coordinator.Reached.class::cast).findFirst().orElseThrow();
        assertThat(r.now()).isEqualTo(sendsToTheEnd ? 0 : end);
        assertThat(r.next()).isEqualTo(sendsToTheEnd ? end : Long.MAX_VALUE);
        assertThat(r.outgoing()).extracting(NetworkCommand.Arrival::time).containsExactlyElementsOf(
                sendsToTheEnd ? List.of(end) : List.of());
    }

    /** What {@code from} sends after handling a delivery: {@code sends}, {@code timers}, acknowledged or not. */
    private static NetworkCommand.Handled handled(Address from, List<NetworkCommand.Out> sends,
                                                  List<NetworkCommand.Later> timers, boolean ack) {
        return new NetworkCommand.Handled(from, 0, sends, timers, ack, false, -1, 0);
    }

    @Test
    void realClockDeliversAfterTheLinkLatencyOnTheWallClock() {
        // the network's own timer thread, not Pekko's (manual) scheduler: 30 ms of link latency on the wall clock
        TestProbe<Deliver> edge = testKit.createTestProbe();
        ActorRef<NetworkCommand> net = network(false, 30_000_000, 0, testKit.<Coordinator.Command>createTestProbe().ref());
        net.tell(new NetworkCommand.Register(Address.edge(0), edge.ref(), "local"));
        long t0 = System.nanoTime();
        net.tell(handled(Address.ap(0), List.of(new NetworkCommand.Out(Address.edge(0), csi(0, 0), Compute.NONE, -1, 0)), List.of(),
                false));
        edge.expectNoMessage(Duration.ofMillis(20));
        Deliver d = edge.expectMessageClass(Deliver.class, Duration.ofSeconds(5));
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(30_000_000L);
        assertThat(d.event()).isInstanceOf(Message.Csi.class);
        assertThat(d.wallMicros()).isPositive(); // stamped when it left, for the hop measurement
    }

    @Test
    void realClockLosesMessagesWithTheLinksProbability() {
        TestProbe<Deliver> edge = testKit.createTestProbe();
        ActorRef<NetworkCommand> net = network(false, 0, 0.9999, testKit.<Coordinator.Command>createTestProbe().ref());
        net.tell(new NetworkCommand.Register(Address.edge(0), edge.ref(), "local"));
        net.tell(handled(Address.ap(0), List.of(new NetworkCommand.Out(Address.edge(0), csi(0, 0), Compute.NONE, -1, 0)), List.of(),
                false));
        edge.expectNoMessage(SHORT);
    }

    @Test
    void virtualClockWaitsForEveryAcknowledgementBeforeAdvancing() {
        TestProbe<Deliver> edge = testKit.createTestProbe();
        TestProbe<Deliver> ap0 = testKit.createTestProbe();
        TestProbe<Deliver> ap1 = testKit.createTestProbe();
        TestProbe<Coordinator.Command> coordinator = testKit.createTestProbe();
        ActorRef<NetworkCommand> net = network(true, 0, 0, coordinator.ref());
        net.tell(new NetworkCommand.Register(Address.edge(0), edge.ref(), "local"));
        net.tell(new NetworkCommand.Register(Address.ap(0), ap0.ref(), "local"));
        net.tell(new NetworkCommand.Register(Address.ap(1), ap1.ref(), "local"));
        coordinator.expectMessageClass(Coordinator.NodeReady.class); // every entity expected here has registered
        net.tell(handled(Address.ap(1), List.of(), List.of(new NetworkCommand.Later(10, new Timer.TransmitDue(7), 0)),
                false));
        net.tell(handled(Address.ap(0), List.of(), List.of(new NetworkCommand.Later(10, new Timer.TransmitDue(8), 0)),
                false));
        net.tell(new NetworkCommand.Advance(Long.MAX_VALUE, -1, false, -1, 0, List.of(new NetworkCommand.Arrival(Address.edge(0),
                new Timer.Begin(), 0, -1, 0, -1, null))));
        assertThat(edge.expectMessageClass(Deliver.class).at()).isZero();
        ap0.expectNoMessage(SHORT); // t = 10 must wait for the t = 0 event to be acknowledged
        net.tell(handled(Address.edge(0), List.of(), List.of(), true));
        Deliver d0 = ap0.expectMessageClass(Deliver.class);
        Deliver d1 = ap1.expectMessageClass(Deliver.class);
        assertThat(d0.at()).isEqualTo(10);
        assertThat(d1.at()).isEqualTo(10);
        assertThat(((Timer.TransmitDue) d0.event()).step()).isEqualTo(8);
        coordinator.expectNoMessage(SHORT); // nothing to report while deliveries are unanswered
        net.tell(handled(Address.ap(0), List.of(), List.of(), true));
        net.tell(handled(Address.ap(1), List.of(), List.of(), true));
        Coordinator.Reached idle = coordinator.expectMessageClass(Coordinator.Reached.class);
        assertThat(idle.now()).isEqualTo(10);
        assertThat(idle.next()).isEqualTo(Long.MAX_VALUE); // nothing left: the run is idle at t = 10
    }

    private static TrainedQnn qnn(ScenarioSettings s) {
        return SystemTrainer.initial(s.radio(), Models.cloud(s.cloud(), s.radio()), s.cloud().training(), "direct", 8,
                Models.edge(s.edge(), s.radio()), s.edge().training(), 1);
    }

    /** One node's view of a run around probes; training jobs go to {@code executor}. */
    private RunNode node(ScenarioSettings s, Plan plan, TestProbe<NetworkCommand> network,
                         TestProbe<Recorder.Command> recorder, Executor executor) {
        Map<Address, Endpoint> endpoints = new LinkedHashMap<>();
        for (Address a : List.of(Address.CLOUD, Address.ap(0), Address.ap(1), Address.edge(0), Address.edge(1))) {
            endpoints.put(a, new Endpoint(a));
        }
        return new RunNode(plan, "local", Charging.of(s), s.optimumLimit(), network.ref(), recorder.ref(),
                testKit.<Emulation.Command>createTestProbe().ref(), executor, new ParameterStore(),
                new Faults(List.of()), NodeCrash.NONE, endpoints);
    }

    private static long assignmentsFor(List<NetworkCommand.Handled> got, long step) {
        return got.stream().flatMap(h -> h.sends().stream())
                .filter(o -> o.message() instanceof Message.Assignment a && a.step() == step).count();
    }

    @Test
    void theCloudKeepsAssigningWhileATrainingJobIsStillRunning() {
        // circuits take no QPU time, so each training job gets the QPU as soon as it is offered
        ScenarioSettings s = EmulatorTestSupport.small("emulator.online-training=true",
                "quantum.device.presets.ideal.circuit=0 us");
        TestProbe<NetworkCommand> network = testKit.createTestProbe();
        List<Runnable> held = new ArrayList<>(); // training jobs that never get a thread
        Plan plan = Plans.of(s, Protocol.NON_CENTRALIZED, qnn(s), false);
        RunNode run = node(s, plan, network, testKit.createTestProbe(), held::add);
        ActorRef<EntityActor.Command> cloud = testKit.spawn(EntityActor.create(run, Address.CLOUD,
                n -> new Cloud(n.plan(), n.charges(), n.memory(), n.classicalLimit())));
        for (long step = 0; step < 3; step++) {
            List<NetworkCommand.Handled> got = new ArrayList<>();
            for (int m = 0; m < 4; m++) {
                cloud.tell(new Deliver(csi(step, m), 1000 * step, step * 10 + m));
                got.add(network.expectMessageClass(NetworkCommand.Handled.class));
            }
            assertThat(got).allMatch(NetworkCommand.Handled::ack);
            assertThat(assignmentsFor(got, step)).as("step %d", step).isEqualTo(8); // 4 APs + 4 edges
        }
        assertThat(held).hasSize(1); // the first job still runs; later samples wait in the backlog
    }

    private static Message.Transmission transmission(Effects fx) {
        return fx.sends().stream().map(Effects.Send::message).filter(Message.Transmission.class::isInstance)
                .map(Message.Transmission.class::cast).findFirst().orElseThrow();
    }

    @Test
    void anApTransmitsItsFreshPrecoderOrFallsBack() {
        ScenarioSettings s = EmulatorTestSupport.small();
        AccessPoint ap = new AccessPoint(Plans.of(s, Protocol.NON_CENTRALIZED, qnn(s), false), Charges.FREE, 1);
        double[] h = {1, 0, 0, 1, 1, 1}; // K = 3 users x N = 2 antennas
        double[] beta = {1, 1, 1};
        // step 0: no precoder arrives before the transmit instant
        Effects pilot = ap.handle(new Message.Pilot(0, 1, h.clone(), h.clone(), beta, true), 0, 1);
        assertThat(pilot.sends()).filteredOn(x -> x.message() instanceof Message.Csi).hasSize(2);
        assertThat(pilot.timers()).filteredOn(x -> x.delay() == 1_000_000).hasSize(1);
        Message.Transmission t0 = transmission(ap.handle(new Timer.TransmitDue(0), 1_000_000, 2));
        assertThat(t0.fresh()).isFalse();
        assertThat(t0.user()).isEqualTo(1); // no assignment yet: round robin, AP 1 -> user 1
        // step 1: the precoder arrives in time
        ap.handle(new Message.Pilot(1, 1, h.clone(), h.clone(), beta, true), 1_000_000, 3);
        double[] vr = {0.6, 0};
        double[] vi = {0, 0.8};
        Effects arrived = ap.handle(new Message.Precoder(1, 1, 2, vr, vi), 1_400_000, 4);
        Measurement.Latency l = (Measurement.Latency) arrived.records().get(0);
        assertThat(l.nanos()).isEqualTo(400_000);
        assertThat(l.onTime()).isTrue();
        Effects due1 = ap.handle(new Timer.TransmitDue(1), 2_000_000, 5);
        Message.Transmission t1 = transmission(due1);
        assertThat(t1.fresh()).isTrue();
        assertThat(t1.user()).isEqualTo(2);
        assertThat(t1.re()).containsExactly(vr);
        assertThat(due1.sends().get(0).cause()).isEqualTo(4); // its cause: the message that brought the precoder
        // step 2: nothing new, the last precoder stands in
        ap.handle(new Message.Pilot(2, 1, h.clone(), h.clone(), beta, true), 2_000_000, 6);
        Message.Transmission t2 = transmission(ap.handle(new Timer.TransmitDue(2), 3_000_000, 7));
        assertThat(t2.fresh()).isFalse();
        assertThat(t2.basedOnStep()).isEqualTo(1);
        assertThat(t2.im()).containsExactly(vi);
    }

    @Test
    void modelledSizesFollowTheSerializedCborSizes() throws Exception {
        var serialization = SerializationExtension.get(testKit.system());
        var cbor = serialization.serializerFor(Deliver.class);
        double[] six = {1.5, -2.25, 3e-3, 4, 5, 6};
        List<Message> messages = List.of(new Message.Csi(7, 1, six, six, true),
                new Message.Assignment(7, new int[] {0, 2, 1, 1}, true),
                new Message.Precoder(7, 1, 2, new double[] {0.6, 0.1}, new double[] {0.2, -0.7}),
                new Message.Pilot(7, 1, six, six, new double[] {1, 2, 3}, true),
                new Message.Transmission(7, 1, 2, new double[] {0.6, 0.1}, new double[] {0.2, -0.7}, true, 7));
        for (Message m : messages) {
            byte[] bytes = cbor.toBinary(m);
            double ratio = (double) m.sizeBytes() / bytes.length;
            assertThat(ratio).as(m.type() + " modelled " + m.sizeBytes() + " vs CBOR " + bytes.length).isBetween(0.5, 2.0);
            Deliver d = new Deliver(m, 1, 2, 3);
            Object back = serialization.deserialize(serialization.serialize(d).get(), cbor.identifier(),
                    org.apache.pekko.serialization.Serializers.manifestFor(cbor, d)).get();
            assertThat(((Deliver) back).event().getClass()).isEqualTo(m.getClass());
        }
    }
}
