package org.cfqnn.emulator;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.cfqnn.rng.Seed;
import org.cfqnn.scenario.EmulatorSettings.Link;

/**
 * When a message sent at {@code departure} arrives: {@code latency + U(0, jitter) + 8 * size / bandwidth}
 * later, or never (lost with the link's probability). Messages between one ordered pair of entities
 * arrive in the order they were sent (a FIFO transport). The n-th message of a pair draws from stream
 * {@code link/from/to/n}, so outcomes do not depend on how senders interleave.
 */
final class LinkModel {

    static final long LOST = -1;

    private final Map<String, Link> links;
    private final Seed seed;
    private final Map<Long, long[]> pairs = new HashMap<>(); // {messages sent, last arrival}

    LinkModel(Map<String, Link> links, Seed seed) {
        this.links = links;
        this.seed = seed;
    }

    long arrival(String link, int fromOrdinal, int toOrdinal, long departure, int sizeBytes) {
        long[] pair = pairs.computeIfAbsent(((long) fromOrdinal << 32) | toOrdinal, k -> new long[] {0, Long.MIN_VALUE});
        long n = pair[0]++;
        Link l = links.get(link);
        if (l == null) { // air interface and control signalling: instantaneous, reliable
            return departure;
        }
        SplittableRandom r = seed.split("link", fromOrdinal, toOrdinal, n).random();
        if (l.loss() > 0 && r.nextDouble() < l.loss()) {
            return LOST;
        }
        long jitter = l.jitter() > 0 ? (long) (r.nextDouble() * l.jitter()) : 0;
        long serialization = (long) Math.ceil(8.0 * sizeBytes / l.bandwidth() * 1e9);
        long arrival = Math.max(departure + l.latency() + jitter + serialization, pair[1]);
        pair[1] = arrival;
        return arrival;
    }
}
