package org.cfqnn.emulator.network;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.cfqnn.protocol.Link;
import org.cfqnn.rng.Seed;
import org.cfqnn.scenario.EmulatorSettings.LinkSettings;

/**
 * When a message sent at {@code departure} arrives: {@code latency + U(0, jitter) + 8 * size / bandwidth}
 * later, and no earlier than the message sent before it on the same ordered pair of entities (a FIFO
 * transport: the wait behind it is the queueing part); or never (lost with the link's probability). The
 * n-th message of a pair draws from stream {@code link/from/to/n}, so outcomes do not depend on how
 * senders interleave. The air interface and control signalling are instantaneous and reliable.
 */
public final class LinkModel {

    /**
     * When a message arrives and what its delay is made of (ns): propagation latency, jitter,
     * serialization, and waiting behind earlier messages of its pair (FIFO).
     */
    public record Arrival(long time, long latency, long jitter, long serialization, long queueing) {
    }

    private final Map<Link, LinkSettings> links;
    private final Seed seed;
    private final Map<Long, long[]> pairs = new HashMap<>(); // {messages sent, last arrival}

    public LinkModel(Map<Link, LinkSettings> links, Seed seed) {
        this.links = new EnumMap<>(Link.class);
        this.links.putAll(links);
        this.seed = seed;
    }

    /** The arrival of a message of {@code sizeBytes} leaving at {@code departure} ns, or null if it is lost. */
    public Arrival arrival(Link link, int fromOrdinal, int toOrdinal, long departure, int sizeBytes) {
        LinkSettings l = links.get(link);
        if (l == null) { // air interface and control signalling
            return new Arrival(departure, 0, 0, 0, 0);
        }
        long[] pair = pairs.computeIfAbsent(((long) fromOrdinal << 32) | toOrdinal, k -> new long[] {0, Long.MIN_VALUE});
        long n = pair[0]++;
        SplittableRandom r = seed.split("link", fromOrdinal, toOrdinal, n).random();
        if (l.loss() > 0 && r.nextDouble() < l.loss()) {
            return null;
        }
        long jitter = l.jitter() > 0 ? (long) (r.nextDouble() * l.jitter()) : 0;
        long serialization = (long) Math.ceil(8.0 * sizeBytes / l.bandwidth() * 1e9);
        long unqueued = departure + l.latency() + jitter + serialization;
        long arrival = Math.max(unqueued, pair[1]);
        pair[1] = arrival;
        return new Arrival(arrival, l.latency(), jitter, serialization, arrival - unqueued);
    }
}
