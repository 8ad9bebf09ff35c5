package org.cfqnn.protocol;

import java.util.List;

/**
 * Where the time of one AP's causal chain went, in ns: from its pilot (CSI measured) through its CSI, the
 * cloud, the assignment (and the edge) to its precoder at the AP. Each message of the chain carries the
 * parts so far; every link adds its own ({@link #afterLink}), every entity its waiting and compute before it
 * sends. Not on the air: the emulator carries the parts beside a message, not in it (they do not change its
 * size).
 *
 * @param linkLatency    the links' fixed one-way latency
 * @param jitter         the links' random jitter
 * @param serialization  the message's size over the links' bandwidth
 * @param linkQueue      waiting behind the earlier messages of the same sender and recipient (FIFO links)
 * @param collectionWait at the cloud: this AP's CSI waiting for the other APs' CSI (or the collect timeout)
 * @param qpuQueue       waiting for a QPU of the cloud or the edge (behind earlier decisions or a training step)
 * @param cpuQueue       a classical decision waiting for the cloud's processor (behind earlier decisions)
 * @param quantum        circuits on a QPU
 * @param classical      classical work (the cloud's method or a QNN's encoding and decoding, the AP's MR precoder)
 * @param runtime        what the named parts do not cover: 0 in virtual time; with the real clock, this
 *                       machine's thread hand-offs and late deliveries (and, for old steps, the estimate of
 *                       the pilot time)
 */
public record LatencyParts(long linkLatency, long jitter, long serialization, long linkQueue, long collectionWait,
                           long qpuQueue, long cpuQueue, long quantum, long classical, long runtime) {

    /** The part names, in the order of {@link #part(int)} (summary.json and trace keys). */
    public static final List<String> NAMES = List.of("linkLatency", "jitter", "serialization", "linkQueue",
            "collectionWait", "qpuQueue", "cpuQueue", "quantum", "classical", "runtime");

    /** A chain's start: the pilot has just arrived. */
    public static final LatencyParts ZERO = new LatencyParts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The parts after a hop over a link. */
    public LatencyParts afterLink(long latency, long jitter, long serialization, long queue) {
        return new LatencyParts(linkLatency + latency, this.jitter + jitter, this.serialization + serialization,
                linkQueue + queue, collectionWait, qpuQueue, cpuQueue, quantum, classical, runtime);
    }

    /** The parts after waiting {@code nanos} at the cloud for the step's other CSI. */
    public LatencyParts afterCollection(long nanos) {
        return new LatencyParts(linkLatency, jitter, serialization, linkQueue, collectionWait + nanos, qpuQueue,
                cpuQueue, quantum, classical, runtime);
    }

    /** The parts after {@code c} on a site's QPUs: its queue is a QPU's. */
    public LatencyParts afterQpu(Compute c) {
        return new LatencyParts(linkLatency, jitter, serialization, linkQueue, collectionWait,
                qpuQueue + c.queueNanos(), cpuQueue, quantum + c.quantumNanos(), classical + c.classicalNanos(), runtime);
    }

    /** The parts after {@code c} on a processor: its queue is the processor's. */
    public LatencyParts afterCpu(Compute c) {
        return new LatencyParts(linkLatency, jitter, serialization, linkQueue, collectionWait, qpuQueue,
                cpuQueue + c.queueNanos(), quantum + c.quantumNanos(), classical + c.classicalNanos(), runtime);
    }

    /** The same parts with {@code nanos} of {@code runtime}. */
    public LatencyParts withRuntime(long nanos) {
        return new LatencyParts(linkLatency, jitter, serialization, linkQueue, collectionWait, qpuQueue, cpuQueue,
                quantum, classical, nanos);
    }

    /** Part {@code i} of {@link #NAMES}. */
    public long part(int i) {
        return switch (i) {
            case 0 -> linkLatency;
            case 1 -> jitter;
            case 2 -> serialization;
            case 3 -> linkQueue;
            case 4 -> collectionWait;
            case 5 -> qpuQueue;
            case 6 -> cpuQueue;
            case 7 -> quantum;
            case 8 -> classical;
            case 9 -> runtime;
            default -> throw new IndexOutOfBoundsException(i);
        };
    }

    /** The sum of the parts. */
    public long total() {
        long sum = 0;
        for (int i = 0; i < NAMES.size(); i++) {
            sum = Math.addExact(sum, part(i));
        }
        return sum;
    }
}
