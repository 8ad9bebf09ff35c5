package org.cfqnn.emulator.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import java.util.concurrent.atomic.AtomicLong;
import org.cfqnn.emulator.EmulatorTestSupport;
import org.cfqnn.io.AsyncLines;
import org.cfqnn.protocol.Address;
import org.cfqnn.protocol.Measurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outage windows when their bounds are known late (the real clock: steps go on the air before a loss is
 * detected, and the cloud's reassignment may name a step already recorded). The expected counts are
 * summed here from the steps fed in.
 */
@ExtendWith(TestKitJUnit5Extension.class)
class RecorderOutageTest {

    @JUnit5TestKit
    public ActorTestKit testKit = new JUnit5TestKitBuilder()
            .withCustomConfig(EmulatorTestSupport.actorConfig()).build();

    private static final int STEPS = 10;

    /** Step s: s % 3 APs fell back; user 0 is unserved on odd steps, user 1 always served. */
    private static int fallbacks(long s) {
        return (int) (s % 3);
    }

    private static int unserved(long s) {
        return s % 2 == 1 ? 1 : 0;
    }

    private static void record(ActorRef<Recorder.Command> r, long s) {
        r.tell(new Recorder.Records(List.of(new Measurement.OnAir(s, s * 1000, fallbacks(s), new int[] {0, 1}))));
        r.tell(new Recorder.Records(List.of(new Measurement.UserRate(s, 0, 1.0, unserved(s) == 0))));
        r.tell(new Recorder.Records(List.of(new Measurement.UserRate(s, 1, 2.0, true))));
    }

    @Test
    void windowsKnownLateCountTheStepsAlreadyRecorded(@TempDir Path dir) {
        AsyncLines<String> csv = new AsyncLines<>(dir.resolve("steps.csv"), l -> l);
        ActorRef<Recorder.Command> r = testKit.spawn(Recorder.create(new Recorder.Setup(2, STEPS, csv, "", 1,
                "non-centralized", "", new AtomicLong())));
        for (long s = 0; s < 6; s++) {
            record(r, s);
        }
        // edge-1's loss is detected after step 5 was recorded; its APs last transmitted at steps 1 and 0
        r.tell(new Recorder.Records(List.of(new Measurement.Lost(Address.parse("ap-3"), "edge-1", 2))));
        r.tell(new Recorder.Records(List.of(new Measurement.Lost(Address.parse("edge-3"), "edge-1", 4)))); // a later bound does not shrink the window
        r.tell(new Recorder.Records(List.of(new Measurement.Lost(Address.parse("ap-4"), "edge-1", 1))));
        record(r, 6);
        record(r, 7);
        r.tell(new Recorder.Records(List.of(new Measurement.Reassigned(7)))); // the assignment from step 7 on leaves them out: step 7 is not in the window
        r.tell(new Recorder.Records(List.of(new Measurement.Lost(Address.parse("cloud"), "cloud", 8)))); // never reassigned: counted as steps are recorded
        record(r, 8);
        record(r, 9);
        TestProbe<Recorder.Results> probe = testKit.createTestProbe();
        r.tell(new Recorder.Finish(probe.ref(), new long[] {-1, -1}, false));
        Recorder.Results results = probe.receiveMessage();
        csv.close();

        assertThat(results.outages()).hasSize(2);
        Recorder.Outage cloud = results.outages().get(0);
        Recorder.Outage edge = results.outages().get(1);
        assertThat(edge.node()).isEqualTo("edge-1");
        assertThat(edge.entities()).containsExactly("ap-3", "ap-4", "edge-3");
        assertThat(edge.lostAtStep()).isEqualTo(1);
        assertThat(edge.reassignedAtStep()).isEqualTo(7);
        assertThat(edge.windowSteps()).isEqualTo(6);
        assertThat(edge.unservedUserSteps()).isEqualTo(LongStream.range(1, 7).map(RecorderOutageTest::unserved).sum());
        assertThat(edge.fallbacks()).isEqualTo(LongStream.range(1, 7).map(RecorderOutageTest::fallbacks).sum());

        assertThat(cloud.node()).isEqualTo("cloud");
        assertThat(cloud.lostAtStep()).isEqualTo(8);
        assertThat(cloud.reassignedAtStep()).isEqualTo(-1);
        assertThat(cloud.windowSteps()).isEqualTo(2);
        assertThat(cloud.unservedUserSteps()).isEqualTo(unserved(8) + unserved(9));
        assertThat(cloud.fallbacks()).isEqualTo(fallbacks(8) + fallbacks(9));
        assertThat(results.fallbacks()).isEqualTo(LongStream.range(0, STEPS).map(RecorderOutageTest::fallbacks).sum());
    }
}
