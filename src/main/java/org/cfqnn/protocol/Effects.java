package org.cfqnn.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What handling one input causes: messages to send, timers to set, measurements to record, a training
 * job to start, and whether the run is finished or cannot go on. The emulator carries them out.
 */
public final class Effects {

    /** Cause of a message: the event being handled (the emulator knows its id). */
    public static final long CURRENT = Long.MIN_VALUE;

    /**
     * Send {@code message} to {@code to} after {@code compute} (its parts: QPU queue, circuits, classical
     * work), naming the event that caused it ({@link #CURRENT}: the one being handled). {@code chain}: the
     * latency parts of the AP chain it continues when it leaves, its compute included (null: on no chain).
     */
    public record Send(Address to, Message message, Compute compute, long cause, LatencyParts chain) {

        public Send(Address to, Message message, Compute compute, long cause) {
            this(to, message, compute, cause, null);
        }

        /** How long after the input handled the message leaves. */
        public long computeNanos() {
            return compute.total();
        }
    }

    /** Deliver {@code timer} back to the entity {@code delay} ns from now ({@link #CANCEL}: drop it if pending). */
    public record After(long delay, Timer timer) {
        public boolean cancels() {
            return delay == CANCEL;
        }
    }

    /** The delay of an {@link After} that withdraws a timer set earlier. */
    public static final long CANCEL = -1;

    /**
     * Start training job {@code id}: {@code work} maps a copy of {@code start} to new parameters, off the
     * entity's thread; in virtual time its result takes effect {@code chargedNanos} after now.
     */
    public record Job(long id, UnaryOperator<double[]> work, double[] start, long chargedNanos) {
    }

    private final List<Send> sends = new ArrayList<>(4);
    private final List<After> timers = new ArrayList<>(1);
    private final List<Measurement> records = new ArrayList<>(1);
    private Measurement.Latency latency;
    private int latencies; // 0 or 1: counted without asking whether there is one
    private Job job;
    private String failure;
    private boolean finished;

    public void send(Address to, Message message) {
        sends.add(new Send(to, message, Compute.NONE, CURRENT));
    }

    public void send(Address to, Message message, Compute compute, long cause) {
        sends.add(new Send(to, message, compute, cause));
    }

    /** A message continuing an AP's latency chain: {@code chain} holds its parts when it leaves. */
    public void send(Address to, Message message, Compute compute, long cause, LatencyParts chain) {
        sends.add(new Send(to, message, compute, cause, chain));
    }

    public void after(long delay, Timer timer) {
        timers.add(new After(delay, timer));
    }

    /**
     * A timer set earlier has become a no-op: if it is still pending, it is dropped (virtual time; in real
     * time it fires). Only for a timer whose handling can no longer do anything, so that nothing changes
     * but that the clock need not wait for it: a pending timer that may send keeps other nodes from going
     * past it (the lookahead of windowed runs across nodes).
     */
    public void cancel(Timer timer) {
        timers.add(new After(CANCEL, timer));
    }

    public void record(Measurement m) {
        records.add(m);
        if (m instanceof Measurement.Latency l) {
            latency = l;
            latencies = 1;
        }
    }

    public void start(Job j) {
        if (job != null) {
            throw new IllegalStateException("one training job per input");
        }
        job = j;
    }

    /** The run cannot go on ({@code reason} says why). */
    public void fail(String reason) {
        failure = reason;
    }

    /** The last step is on the air. */
    public void finish() {
        finished = true;
    }

    public List<Send> sends() {
        return sends;
    }

    public List<After> timers() {
        return timers;
    }

    public List<Measurement> records() {
        return records;
    }

    /** The protocol latency an AP measured on this input (the last recorded), or null. */
    public Measurement.Latency latency() {
        return latency;
    }

    /** 1 with a {@link #latency()}, else 0. */
    public int latencies() {
        return latencies;
    }

    /** The job to start, or null. */
    public Job job() {
        return job;
    }

    /** Why the run cannot go on, or null. */
    public String failure() {
        return failure;
    }

    public boolean finished() {
        return finished;
    }
}
