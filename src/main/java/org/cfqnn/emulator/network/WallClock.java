package org.cfqnn.emulator.network;

import java.time.Clock;
import java.time.Instant;

/**
 * Wall-clock time since the epoch, in microseconds: comparable between JVMs on one machine, so the
 * time a message spends between two cluster nodes can be measured from both ends.
 */
public final class WallClock {

    private static final Clock UTC = Clock.systemUTC();

    private WallClock() {
    }

    public static long micros() {
        Instant now = UTC.instant();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }
}
