package org.cfqnn.emulator.network;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The real clock's timer: one daemon thread that runs tasks after a delay in nanoseconds. On a 2-core VM
 * it is 0.15 ms late at the median, where Pekko's scheduler, which works in ticks of 10 ms, is 29 ms late
 * ({@code cfqnn bench timer}).
 */
public final class WallTimer implements AutoCloseable {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cfqnn-wall-timer");
        t.setDaemon(true);
        return t;
    });

    public void schedule(Runnable task, long delayNanos) {
        executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
