package org.cfqnn.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
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
        Map<Class<?>, Object> m = new LinkedHashMap<>();
        List<Object> all = List.of(
                new Wire.Pilot(3, 1, v, v, new double[] {1}, true), new Wire.Csi(3, 1, v, v, false),
                new Wire.Assignment(3, new int[] {0, -1, 2}, true), new Wire.Precoder(3, 1, 2, v, v),
                new Wire.Transmission(3, 1, 2, v, v, false, 2), new Wire.Reception(3, 0, 1.5, true),
                new Wire.TrainingData(0, 1, 100, 6), new Wire.CloudReady(0),
                new Timers.Begin(), new Timers.StepTick(4), new Timers.TransmitDue(4), new Timers.CollectTimeout(4),
                new Timers.TrainingDue(7), new Timers.EntityLost("ap-2", "edge-1"), new Timers.AirDeadline(4),
                new NetworkCommand.Register("ap-1", ref.unsafeUpcast(), "edge-0"),
                new NetworkCommand.Send("ap-1", 3, 9, "cloud", new Wire.Csi(3, 1, v, v, true), 20, 5, 1234),
                new NetworkCommand.Schedule("ap-1", 3, 9, 1000, new Timers.TransmitDue(3), 500),
                new NetworkCommand.Ack("cloud", 42), new NetworkCommand.Start(List.of(
                        new NetworkCommand.Initial("world", new Timers.Begin()))),
                new NetworkCommand.Initial("world", new Timers.Begin()),
                new NetworkCommand.Close(), new NetworkCommand.EntityStopped("ap-1"),
                new NetworkCommand.Dispatch("ap-1", new Deliver(new Timers.Begin(), 5, 6, 7)),
                new Deliver(new Wire.Reception(1, 0, 2, true), 10, 11, 12),
                new Network.Idle(5), new Network.Lost("ap-1", "edge-0", 5, 6),
                new Recorder.AirOutcome(1, 2, 0, new int[] {1, 0}), new Recorder.UserRate(1, 0, 2.5, true),
                new Recorder.Latency(1, 0, 300, true), new Recorder.EntityLost("ap-1", "edge-0", 4),
                new Recorder.Reassigned(5), new Recorder.Finish(ref.unsafeUpcast(), new long[] {3, -1}),
                new Recorder.Results(2, 1, 2, 0.5, 1, 1.5, 2, 0, 1, 4, 0, 10, 20, 30, new long[] {1, 2},
                        List.of(new Recorder.Outage("edge-1", List.of("ap-3"), 4, 5, 1, 0, 2))),
                new Recorder.Outage("edge-1", List.of("ap-3"), 4, -1, 1, 0, 2),
                Emulation.WorldDone.INSTANCE, new Emulation.NodeDying("edge-0", 99), new Emulation.Failed("too slow"),
                new Host.StartRun("run-0", "edge-0", "{\"seed\":1}", "non-centralized", null, false, false, new int[] {0, 1},
                        -1, ref.unsafeUpcast(), ref.unsafeUpcast(), ref.unsafeUpcast()),
                new Host.StopRun("run-0", "cloud", ref.unsafeUpcast()),
                new Host.Stopped("run-0", "cloud", v, Map.of(1, v), Map.of("cloud", 1), Map.of(1, 5L)), new Host.Shutdown(),
                new Cloud.TrainingFinished(1, v, null), new Edge.TrainingFinished(1, null, "boom"));
        for (Object o : all) {
            m.put(o.getClass(), o);
        }
        return m;
    }

    /** Every concrete message type reachable from the actors' protocols. */
    private static List<Class<?>> messageTypes() {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> root : List.of(Wire.class, NetworkCommand.class, Network.Report.class, Recorder.Command.class,
                Emulation.Command.class, Host.Command.class, Cloud.Command.class, Edge.Command.class, Ap.Command.class,
                World.Command.class, UserActor.Command.class)) {
            collect(root, out);
        }
        for (Class<?> timer : Timers.class.getDeclaredClasses()) {
            out.add(timer);
        }
        out.addAll(List.of(NetworkCommand.Initial.class, Recorder.Results.class, Recorder.Outage.class, Host.Stopped.class));
        return out;
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
            Object message = samples.get(type);
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
        assertThat(Set.copyOf(messageTypes())).allMatch(CborSerializable.class::isAssignableFrom);
    }
}
