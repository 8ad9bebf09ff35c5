package org.cfqnn.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.serialization.SerializationExtension;
import org.cfqnn.qnn.TrainedQnn;
import org.cfqnn.qnn.train.SystemTrainer;
import org.cfqnn.rng.Seed;
import org.cfqnn.scenario.EmulatorSettings.Link;
import org.cfqnn.scenario.Models;
import org.cfqnn.scenario.ScenarioSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Single actors against probes: the network's clocks, the cloud while training, the AP's fallback. */
@ExtendWith(TestKitJUnit5Extension.class)
class EmulatorActorsTest {

    @JUnit5TestKit
    public ActorTestKit testKit = new JUnit5TestKitBuilder()
            .withCustomConfig(EmulatorTestSupport.actorConfig()).build();

    private static final Duration SHORT = Duration.ofMillis(200);

    private static Map<String, Link> links(long latencyNanos, double loss) {
        Map<String, Link> m = new LinkedHashMap<>();
        for (String l : List.of("fronthaul", "ap-edge", "cloud-edge")) {
            m.put(l, new Link(latencyNanos, 0, 1e15, loss));
        }
        return m;
    }

    private static Wire.Csi csi(long step, int ap) {
        return new Wire.Csi(step, ap, new double[6], new double[6], true);
    }

    @Test
    void realClockDeliversAfterTheLinkLatencyOnTheWallClock() {
        // the network's own timer thread, not Pekko's (manual) scheduler: 30 ms of link latency on the wall clock
        TestProbe<Deliver> edge = testKit.createTestProbe();
        ActorRef<NetworkCommand> net = testKit.spawn(Network.create(false, 4, new LinkModel(links(30_000_000, 0),
                new Seed(1)), TraceSink.disabled(), new TrafficStats(), testKit.<Network.Report>createTestProbe().ref(),
                "local", Set.of()));
        net.tell(new NetworkCommand.Register("edge-0", edge.ref(), "local"));
        long t0 = System.nanoTime();
        net.tell(new NetworkCommand.Send("ap-0", 2, 0, "edge-0", csi(0, 0), 0, -1, 0));
        edge.expectNoMessage(Duration.ofMillis(20));
        Deliver d = edge.expectMessageClass(Deliver.class, Duration.ofSeconds(5));
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(30_000_000L);
        assertThat(d.event()).isInstanceOf(Wire.Csi.class);
        assertThat(d.wallMicros()).isPositive(); // stamped when it left, for the hop measurement
    }

    @Test
    void realClockLosesMessagesWithTheLinksProbability() {
        TestProbe<Deliver> edge = testKit.createTestProbe();
        TrafficStats stats = new TrafficStats();
        ActorRef<NetworkCommand> net = testKit.spawn(Network.create(false, 4, new LinkModel(links(0, 0.9999),
                new Seed(1)), TraceSink.disabled(), stats, testKit.<Network.Report>createTestProbe().ref(), "local",
                Set.of()));
        net.tell(new NetworkCommand.Register("edge-0", edge.ref(), "local"));
        net.tell(new NetworkCommand.Send("ap-0", 2, 0, "edge-0", csi(0, 0), 0, -1, 0));
        edge.expectNoMessage(SHORT);
    }

    @Test
    void virtualClockWaitsForEveryAcknowledgementBeforeAdvancing() {
        TestProbe<Deliver> edge = testKit.createTestProbe();
        TestProbe<Deliver> ap0 = testKit.createTestProbe();
        TestProbe<Deliver> ap1 = testKit.createTestProbe();
        TestProbe<Network.Report> idle = testKit.createTestProbe();
        ActorRef<NetworkCommand> net = testKit.spawn(Network.create(true, 4, new LinkModel(links(0, 0), new Seed(1)),
                TraceSink.disabled(), new TrafficStats(), idle.ref(), "local", Set.of()));
        net.tell(new NetworkCommand.Register("edge-0", edge.ref(), "local"));
        net.tell(new NetworkCommand.Register("ap-0", ap0.ref(), "local"));
        net.tell(new NetworkCommand.Register("ap-1", ap1.ref(), "local"));
        net.tell(new NetworkCommand.Schedule("ap-1", 3, 0, 10, new Timers.TransmitDue(7), 0));
        net.tell(new NetworkCommand.Schedule("ap-0", 2, 0, 10, new Timers.TransmitDue(8), 0));
        net.tell(new NetworkCommand.Start(List.of(new NetworkCommand.Initial("edge-0", new Timers.Begin()))));
        assertThat(edge.expectMessageClass(Deliver.class).at()).isZero();
        ap0.expectNoMessage(SHORT); // t = 10 must wait for the t = 0 event to be acknowledged
        net.tell(new NetworkCommand.Ack("edge-0", -1));
        Deliver d0 = ap0.expectMessageClass(Deliver.class);
        Deliver d1 = ap1.expectMessageClass(Deliver.class);
        assertThat(d0.at()).isEqualTo(10);
        assertThat(d1.at()).isEqualTo(10);
        assertThat(((Timers.TransmitDue) d0.event()).step()).isEqualTo(8);
        idle.expectNoMessage(SHORT);
        net.tell(new NetworkCommand.Ack("ap-0", -1));
        net.tell(new NetworkCommand.Ack("ap-1", -1));
        assertThat(((Network.Idle) idle.expectMessageClass(Network.Idle.class)).at()).isEqualTo(10);
    }

    /** A run context around probes; training jobs go to {@code executor}. */
    private RunContext context(ScenarioSettings s, String protocol, TestProbe<NetworkCommand> network,
                               TestProbe<Recorder.Command> recorder, Executor executor) {
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        for (String a : List.of("world", "cloud", "ap-0", "ap-1", "ap-2", "ap-3", "edge-0", "edge-1", "edge-2", "edge-3",
            "user-0", "user-1", "user-2")) {
            endpoints.put(a, new Endpoint(a, Addresses.ordinal(a, 4), network.ref()));
        }
        TrainedQnn qnn = SystemTrainer.initial(s.radio(), Models.cloud(s.cloud(), s.radio()), s.cloud().training(),
                "direct", 8, Models.edge(s.edge(), s.radio()), s.edge().training(), 1);
        return new RunContext(s, protocol, new Seed(1), endpoints, new ParameterStore(qnn.cloudParams(), qnn.edgeParams()),
                qnn, false, 0, recorder.ref(), testKit.<Emulation.Command>createTestProbe().ref(), executor,
                RunContext.faults(s.emulator()), new AtomicLong(), new AtomicLong(), "local", RunContext.NodeCrash.NONE,
                new java.util.concurrent.atomic.AtomicLongArray(4));
    }

    /** Everything the probe received until {@code acks} acknowledgements arrived. */
    private static List<NetworkCommand> untilAcks(TestProbe<NetworkCommand> probe, int acks) {
        List<NetworkCommand> got = new ArrayList<>();
        int seen = 0;
        while (seen < acks) {
            NetworkCommand c = probe.receiveMessage();
            got.add(c);
            seen += c instanceof NetworkCommand.Ack ? 1 : 0;
        }
        return got;
    }

    private static long assignmentsFor(List<NetworkCommand> got, long step) {
        return got.stream().filter(c -> c instanceof NetworkCommand.Send s && s.message() instanceof Wire.Assignment a
                && a.step() == step).count();
    }

    @Test
    void theCloudKeepsAssigningWhileATrainingJobIsStillRunning() {
        ScenarioSettings s = EmulatorTestSupport.small("emulator.online-training=true");
        TestProbe<NetworkCommand> network = testKit.createTestProbe();
        List<Runnable> held = new ArrayList<>(); // training jobs that never get a thread
        ActorRef<Cloud.Command> cloud = testKit.spawn(Cloud.create(context(s, "non-centralized", network,
                testKit.createTestProbe(), held::add)));
        for (long step = 0; step < 3; step++) {
            for (int m = 0; m < 4; m++) {
                cloud.tell(new Deliver(csi(step, m), 1000 * step, step * 10 + m));
            }
            List<NetworkCommand> got = untilAcks(network, 4);
            assertThat(assignmentsFor(got, step)).as("step %d", step).isEqualTo(8); // 4 APs + 4 edges
        }
        assertThat(held).hasSize(1); // the first job still runs; later samples wait in the backlog
    }

    @Test
    void anApTransmitsItsFreshPrecoderOrFallsBack() {
        ScenarioSettings s = EmulatorTestSupport.small();
        TestProbe<NetworkCommand> network = testKit.createTestProbe();
        TestProbe<Recorder.Command> recorder = testKit.createTestProbe();
        ActorRef<Ap.Command> ap = testKit.spawn(Ap.create(context(s, "non-centralized", network, recorder, Runnable::run), 1));
        double[] h = {1, 0, 0, 1, 1, 1, 0, 0, 2, 0, 0, 1};
        double[] beta = {1, 1, 1};
        // step 0: no precoder arrives before the transmit instant
        ap.tell(new Deliver(new Wire.Pilot(0, 1, h.clone(), h.clone(), beta, true), 0, 1));
        List<NetworkCommand> got = untilAcks(network, 1);
        assertThat(got).filteredOn(c -> c instanceof NetworkCommand.Send x && x.message() instanceof Wire.Csi).hasSize(2);
        assertThat(got).filteredOn(c -> c instanceof NetworkCommand.Schedule x && x.delay() == 1_000_000).hasSize(1);
        ap.tell(new Deliver(new Timers.TransmitDue(0), 1_000_000, 2));
        Wire.Transmission t0 = transmission(untilAcks(network, 1));
        assertThat(t0.fresh()).isFalse();
        assertThat(t0.user()).isEqualTo(1); // no assignment yet: round robin, AP 1 -> user 1
        // step 1: the precoder arrives in time
        ap.tell(new Deliver(new Wire.Pilot(1, 1, h.clone(), h.clone(), beta, true), 1_000_000, 3));
        untilAcks(network, 1);
        double[] vr = {0.6, 0};
        double[] vi = {0, 0.8};
        ap.tell(new Deliver(new Wire.Precoder(1, 1, 2, vr, vi), 1_400_000, 4));
        untilAcks(network, 1);
        Recorder.Latency l = (Recorder.Latency) recorder.receiveMessage();
        assertThat(l.nanos()).isEqualTo(400_000);
        assertThat(l.onTime()).isTrue();
        ap.tell(new Deliver(new Timers.TransmitDue(1), 2_000_000, 5));
        Wire.Transmission t1 = transmission(untilAcks(network, 1));
        assertThat(t1.fresh()).isTrue();
        assertThat(t1.user()).isEqualTo(2);
        assertThat(t1.re()).containsExactly(vr);
        // step 2: nothing new, the last precoder stands in
        ap.tell(new Deliver(new Wire.Pilot(2, 1, h.clone(), h.clone(), beta, true), 2_000_000, 6));
        untilAcks(network, 1);
        ap.tell(new Deliver(new Timers.TransmitDue(2), 3_000_000, 7));
        Wire.Transmission t2 = transmission(untilAcks(network, 1));
        assertThat(t2.fresh()).isFalse();
        assertThat(t2.basedOnStep()).isEqualTo(1);
        assertThat(t2.im()).containsExactly(vi);
    }

    private static Wire.Transmission transmission(List<NetworkCommand> got) {
        return got.stream().filter(c -> c instanceof NetworkCommand.Send x && x.message() instanceof Wire.Transmission)
                .map(c -> (Wire.Transmission) ((NetworkCommand.Send) c).message()).findFirst().orElseThrow();
    }

    @Test
    void modelledSizesFollowTheSerializedCborSizes() {
        var serialization = SerializationExtension.get(testKit.system());
        double[] six = {1.5, -2.25, 3e-3, 4, 5, 6};
        List<Wire> messages = List.of(new Wire.Csi(7, 1, six, six, true), new Wire.Assignment(7, new int[] {0, 2, 1, 1}, true),
                new Wire.Precoder(7, 1, 2, new double[] {0.6, 0.1}, new double[] {0.2, -0.7}),
                new Wire.Pilot(7, 1, six, six, new double[] {1, 2, 3}, true),
                new Wire.Transmission(7, 1, 2, new double[] {0.6, 0.1}, new double[] {0.2, -0.7}, true, 7));
        for (Wire m : messages) {
            byte[] bytes = serialization.serialize(m).get();
            double ratio = (double) m.sizeBytes() / bytes.length;
            assertThat(ratio).as(m.getClass().getSimpleName() + " modelled " + m.sizeBytes() + " vs CBOR " + bytes.length)
                    .isBetween(0.5, 2.0);
            Object back = serialization.deserialize(bytes, serialization.findSerializerFor(m).identifier(),
                    serialization.findSerializerFor(m) instanceof org.apache.pekko.serialization.SerializerWithStringManifest sm
                            ? sm.manifest(m) : "").get();
            assertThat(back.getClass()).isEqualTo(m.getClass());
        }
    }
}
