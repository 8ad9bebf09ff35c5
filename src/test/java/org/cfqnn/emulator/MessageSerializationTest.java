package org.cfqnn.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.cfqnn.emulator.network.Coordinator;
import org.cfqnn.emulator.network.Placement;
import org.cfqnn.emulator.record.BreakdownStats;
import org.cfqnn.emulator.record.TraceWriter;
import org.cfqnn.protocol.Link;
import org.cfqnn.emulator.network.NetworkCommand;
import org.cfqnn.emulator.network.Traffic;
import org.cfqnn.emulator.record.Recorder;
import org.cfqnn.protocol.Address;
import org.cfqnn.protocol.Compute;
import org.cfqnn.protocol.Event;
import org.cfqnn.protocol.LatencyParts;
import org.cfqnn.protocol.Measurement;
import org.cfqnn.protocol.Message;
import org.cfqnn.protocol.Notice;
import org.cfqnn.protocol.Protocol;
import org.cfqnn.protocol.Timer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every message that may cross a node boundary goes through Jackson CBOR (the one marker interface) and
 * comes back equal; a new message type without a sample here fails the test.
 */
class MessageSerializationTest {

    private static final ActorTestKit KIT = ActorTestKit.create(EmulatorTestSupport.actorConfig());

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    private static Map<Class<?>, Object> samples() {
        ActorRef<Object> ref = KIT.createTestProbe().ref();
        double[] v = {0.5, -1.25};
        LatencyParts parts = new LatencyParts(100_000, 3_000, 960, 5, 40_000, 7, 0, 20_000, 2_883, 0);
        Measurement.Latency latency = new Measurement.Latency(1, 0, parts.total(), true, parts);
        Map<Class<?>, Object> m = new LinkedHashMap<>();
        List<Object> all = List.of(
                new Message.Pilot(3, 1, v, v, new double[] {1}, true), new Message.Csi(3, 1, v, v, false),
                new Message.Assignment(3, new int[] {0, -1, 2}, true), new Message.Precoder(3, 1, 2, v, v),
                new Message.Transmission(3, 1, 2, v, v, false, 2), new Message.Reception(3, 0, 1.5, true),
                new Message.TrainingData(0, 1, 100, 6), new Message.CloudReady(0),
                new Timer.Begin(), new Timer.StepTick(4), new Timer.TransmitDue(4), new Timer.CollectTimeout(4),
                new Timer.TrainingDue(7), new Timer.AirDeadline(4), new Timer.QpuFree(),
                new Notice.EntityLost(Address.ap(2), "edge-1"), new Notice.TrainingDone(3, v),
                new Measurement.OnAir(1, 2, 0, new int[] {1, 0}), new Measurement.UserRate(1, 0, 2.5, true),
                latency, new Measurement.Lost(Address.ap(1), "edge-0", 4),
                new Measurement.Reassigned(5), new Measurement.Tick(7, true, 99),
                new NetworkCommand.Register(Address.ap(1), ref.unsafeUpcast(), "edge-0"),
                new NetworkCommand.Handled(Address.ap(1), 500, List.of(new NetworkCommand.Out(Address.CLOUD,
                        new Message.Csi(3, 1, v, v, true), new Compute(1, 2, 3), 5, 9)), List.of(new NetworkCommand.Later(1000,
                        new Timer.TransmitDue(3), 10)), true, false, 42, 1234, 77, latency),
                new NetworkCommand.Out(Address.edge(1), new Message.Precoder(3, 1, 2, v, v), Compute.NONE, 1, 2, parts),
                new NetworkCommand.Later(5, new Timer.StepTick(2), 3),
                new NetworkCommand.Initial(Address.WORLD, new Timer.Begin()),
                new NetworkCommand.Arrival(Address.ap(2), new Message.Precoder(1, 2, 0, v, v), 5, 3, 4, 77,
                        new TraceWriter.Line(1, 5, 0, "deployment", Address.edge(2), Address.ap(2), "Precoder", 60,
                                Link.AP_EDGE, 77, 8, "edge-0", "world", Compute.NONE, 4, 1, 0, 0, 12, latency), parts),
                new NetworkCommand.Peer("edge-0", ref.unsafeUpcast()),
                new NetworkCommand.Directory(new Placement(List.of(new Placement.Entry(Address.ap(1), "edge-0"))),
                        List.of(new NetworkCommand.Peer("edge-0", ref.unsafeUpcast())), false, 123),
                new Placement(List.of(new Placement.Entry(Address.CLOUD, "cloud"))),
                new Placement.Entry(Address.CLOUD, "cloud"),
                new NetworkCommand.Advance(100, -1, true, 5, 2, List.of()),
                new NetworkCommand.Incoming(List.of(), 1),
                new Coordinator.NodeReady("edge-0", ref.unsafeUpcast(), List.of(Address.ap(0))),
                new Coordinator.Reached("edge-0", List.of(), List.of(new Coordinator.Traced(5, 1, 2, 3,
                        new TraceWriter.Line(1, 5, 0, "deployment", Address.ap(0), Address.CLOUD, "Csi", 120,
                                Link.FRONTHAUL, 9, 8, "edge-0", "cloud", new Compute(5, 6, 7), 4, 1, 0, 0, 12))), 7, 8, 9, 10),
                new Coordinator.Traced(5, 1, 2, 3, new TraceWriter.Line(1, 5, 0, "deployment", Address.ap(0),
                        Address.CLOUD, "Csi", 120, Link.FRONTHAUL, 9, 8, "edge-0", "cloud", Compute.NONE, 4, 1, 0, 0, 12)),
                new BreakdownStats.Part("quantum", 20.0, 21.5),
                new Coordinator.WorldFinished(4), new Coordinator.EntityGone(Address.ap(1), "edge-0", 3, 4),
                new Coordinator.Lines(List.of()),
                new Coordinator.Idle(5), new Coordinator.Lost(Address.ap(1), "edge-0", 5, 6),
                new Coordinator.Finished(9),
                new NetworkCommand.Close(ref.unsafeUpcast()), new NetworkCommand.EntityStopped(Address.ap(1)),
                new NetworkCommand.Dispatch(Address.ap(1), new Deliver(new Timer.Begin(), 5, 6, 7)),
                new Deliver(new Message.Precoder(1, 2, 0, v, v), 10, 11, 12, parts),
                new Recorder.Records(List.of(new Measurement.Reassigned(5), new Measurement.Tick(2, true, 9))), // mixed types in one list
                new Recorder.Finish(ref.unsafeUpcast(), new long[] {3, -1}, true),
                new Recorder.GiveUp(),
                new Recorder.Results(2, 1, 2, 0.5, 1, 1.5, 2, 0, 1, 4, 0, 9, 10, 20, 30, new long[] {1, 2},
                        List.of(new BreakdownStats.Part("linkLatency", 200.0, 200.0)), List.of(new Recorder.Outage("edge-1", List.of("ap-3"), 4, 5, 1, 0, 2)), 77, 88),
                new Recorder.Outage("edge-1", List.of("ap-3"), 4, -1, 1, 0, 2),
                new Traffic(Map.of("deployment", new Traffic.Count(5, 100, 1)), Map.of("Csi", new Traffic.Count(2, 60, 0)),
                        new Traffic.Hops(3, 10, 20, 30), new Traffic.Hops(0, 0, 0, 0), 4),
                new Emulation.NodeDying("edge-0", 99), new Emulation.Failed("too slow"),
                new Host.StartRun("run-0", "edge-0", "{\"seed\":1}", Protocol.NON_CENTRALIZED, null, false, false,
                        new int[] {0, 1}, -1, "world", ref.unsafeUpcast(), ref.unsafeUpcast(), ref.unsafeUpcast(),
                        ref.unsafeUpcast()),
                new Host.StopRun("run-0", "cloud", ref.unsafeUpcast()),
                new Host.Stopped("run-0", "cloud", v, Map.of(1, v), Map.of("cloud", 1), Map.of(1, 5L)), new Host.Shutdown());
        for (Object o : all) {
            m.put(o.getClass(), o);
        }
        return m;
    }

    /** Every concrete message type reachable from the actors' protocols, and every protocol event they carry. */
    private static List<Class<?>> messageTypes() {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> root : List.of(NetworkCommand.class, Coordinator.Command.class, Coordinator.Report.class,
                Recorder.Command.class,
                Emulation.Command.class, Host.Command.class, EntityActor.Command.class, Message.class, Timer.class,
                Notice.class, Measurement.class)) {
            collect(root, out);
        }
        out.addAll(List.of(NetworkCommand.Initial.class, NetworkCommand.Out.class, NetworkCommand.Later.class,
                NetworkCommand.Arrival.class, NetworkCommand.Peer.class, Placement.class, Placement.Entry.class,
                Coordinator.Traced.class, BreakdownStats.Part.class,
                Recorder.Results.class, Recorder.Outage.class, Host.Stopped.class, Traffic.class));
        return out;
    }

    /** Protocol events travel inside the emulator's envelopes: a delivery, or a record for the recorder. */
    private static Object envelope(Object message) {
        if (message instanceof Event e) {
            return new Deliver(e, 1, 2, 3);
        }
        if (message instanceof Measurement x) {
            return new Recorder.Records(List.of(x));
        }
        return message;
    }

    private static void collect(Class<?> c, List<Class<?>> out) {
        if (c.isSealed()) {
            for (Class<?> sub : c.getPermittedSubclasses()) {
                collect(sub, out);
            }
        } else if (!out.contains(c)) {
            out.add(c);
        }
    }

    @Test
    void everyMessageTypeRoundTripsThroughJacksonCbor() {
        Serialization serialization = SerializationExtension.get(KIT.system());
        Map<Class<?>, Object> samples = samples();
        for (Class<?> type : messageTypes()) {
            if (NoSerializationVerificationNeeded.class.isAssignableFrom(type)) {
                continue; // local only (adapters' wrappers)
            }
            assertThat(samples).as("a sample of " + type.getName()).containsKey(type);
            Object message = envelope(samples.get(type));
            assertThat(message).isInstanceOf(CborSerializable.class);
            var serializer = serialization.findSerializerFor(message);
            assertThat(serializer.getClass().getSimpleName()).as(type.getName()).isEqualTo("JacksonCborSerializer");
            byte[] bytes = serialization.serialize(message).get();
            Object back = serialization.deserialize(bytes, serializer.identifier(),
                    Serializers.manifestFor(serializer, message)).get();
            assertThat(back).as(type.getName()).usingRecursiveComparison().isEqualTo(message);
        }
    }

    @Test
    void javaSerializationIsOff() {
        assertThat(KIT.system().settings().config().getBoolean("pekko.actor.allow-java-serialization")).isFalse();
        assertThat(messageTypes()).allMatch(t -> CborSerializable.class.isAssignableFrom(t)
                || Event.class.isAssignableFrom(t) || Measurement.class.isAssignableFrom(t));
    }
}
