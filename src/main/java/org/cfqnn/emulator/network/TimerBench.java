package org.cfqnn.emulator.network;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.function.ObjLongConsumer;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.cfqnn.scenario.Defaults;

/**
 * How late the real clock's own timer ({@link WallTimer}) and Pekko's scheduler run tasks scheduled
 * 0.1-1 ms ahead, one task at a time ({@code cfqnn bench timer}).
 */
public final class TimerBench {

    /** Lateness in microseconds: median, 99th percentile, maximum. */
    public record Lateness(long p50, long p99, long max) {
    }

    /** The real clock's timer and Pekko's scheduler. */
    public record Result(Lateness own, Lateness pekko) {
    }

    private TimerBench() {
    }

    public static Result run(int samples) throws InterruptedException {
        Lateness own;
        try (WallTimer t = new WallTimer()) {
            own = lateness(samples, t::schedule);
        }
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "bench", Defaults.config());
        try {
            return new Result(own, lateness(samples, (task, delay) -> system.scheduler().scheduleOnce(
                    Duration.ofNanos(delay), task, system.executionContext())));
        } finally {
            system.terminate();
        }
    }

    private static Lateness lateness(int samples, ObjLongConsumer<Runnable> schedule) throws InterruptedException {
        long[] late = new long[samples];
        for (int i = 0; i < samples; i++) {
            long delay = 100_000 + (i % 10) * 100_000;
            CountDownLatch done = new CountDownLatch(1);
            long[] at = new long[1];
            long t0 = System.nanoTime();
            schedule.accept(() -> {
                at[0] = System.nanoTime();
                done.countDown();
            }, delay);
            done.await();
            late[i] = Math.max(0, at[0] - t0 - delay) / 1000;
        }
        Arrays.sort(late);
        return new Lateness(late[samples / 2], late[(int) (samples * 0.99)], late[samples - 1]);
    }
}
