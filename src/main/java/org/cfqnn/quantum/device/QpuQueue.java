package org.cfqnn.quantum.device;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The QPUs of one site (the cloud, or one edge) as a deterministic queue in virtual time. Inference
 * executions are served first come, first served, each on the QPU free first (lowest index on ties);
 * training executions wait in their own FIFO and start only when a QPU is idle with no inference
 * waiting: training runs behind inference. Nothing is preempted: a training execution that started
 * before an inference arrived finishes first.
 *
 * <p>Calls must come in non-decreasing time. A training start depends on the inference that arrives
 * later, so it is not known at submission: {@link #nextTrainingStart()} says when the head of the
 * training FIFO would start if no inference came first, and {@link #advanceTo} starts, at their times,
 * every training execution that can start up to then and returns their grants (with those started
 * while an inference submission placed it, at their own earlier times). At equal times
 * inference wins: a training execution starts at t only if {@code advanceTo(t)} is called (after that
 * instant's inference).
 */
public final class QpuQueue {

    /** Where and when an execution runs. */
    public record Grant(long ticket, int qpu, long startNanos, long finishNanos) {
    }

    private record Waiting(long ticket, long readyNanos, long durationNanos) {
    }

    private final long[] freeAt;
    private final ArrayDeque<Waiting> training = new ArrayDeque<>();
    private final List<Grant> started = new ArrayList<>();
    private long now = Long.MIN_VALUE;
    private long tickets;

    public QpuQueue(int qpus) {
        if (qpus < 1) {
            throw new IllegalArgumentException("a site needs at least one QPU, got " + qpus);
        }
        this.freeAt = new long[qpus];
        java.util.Arrays.fill(freeAt, Long.MIN_VALUE);
    }

    /**
     * An inference execution ready at {@code readyNanos}: it starts when a QPU is free, after the
     * inference submitted before it and any training already running, ahead of waiting training.
     */
    public Grant submitInference(long readyNanos, long durationNanos) {
        startTrainingBefore(readyNanos, false);
        int q = firstFree();
        long start = Math.max(readyNanos, freeAt[q]);
        freeAt[q] = start + durationNanos;
        return new Grant(tickets++, q, start, start + durationNanos);
    }

    /** A training execution ready at {@code readyNanos}; returns its ticket (its grant comes from {@link #advanceTo}). */
    public long submitTraining(long readyNanos, long durationNanos) {
        startTrainingBefore(readyNanos, false);
        long ticket = tickets++;
        training.add(new Waiting(ticket, readyNanos, durationNanos));
        return ticket;
    }

    /** Starts every training execution that can start at or before {@code nowNanos}; their grants, in order. */
    public List<Grant> advanceTo(long nowNanos) {
        startTrainingBefore(nowNanos, true);
        List<Grant> out = List.copyOf(started);
        started.clear();
        return out;
    }

    /** When the head of the training FIFO starts if no inference arrives first; empty if none waits. */
    public OptionalLong nextTrainingStart() {
        Waiting head = training.peek();
        return head == null ? OptionalLong.empty() : OptionalLong.of(Math.max(head.readyNanos(), freeAt[firstFree()]));
    }

    /** When the QPU free first is free (every QPU busy until then); {@code Long.MIN_VALUE} if one never ran. */
    public long firstFreeAt() {
        return freeAt[firstFree()];
    }

    /** Training executions submitted and not yet started. */
    public int trainingWaiting() {
        return training.size();
    }

    private void startTrainingBefore(long t, boolean inclusive) {
        if (t < now) {
            throw new IllegalArgumentException("time went backwards: " + t + " ns after " + now + " ns");
        }
        now = t;
        while (!training.isEmpty()) {
            Waiting w = training.peek();
            int q = firstFree();
            long start = Math.max(w.readyNanos(), freeAt[q]);
            if (inclusive ? start > t : start >= t) {
                return;
            }
            training.poll();
            freeAt[q] = start + w.durationNanos();
            started.add(new Grant(w.ticket(), q, start, start + w.durationNanos()));
        }
    }

    private int firstFree() {
        int q = 0;
        for (int i = 1; i < freeAt.length; i++) {
            if (freeAt[i] < freeAt[q]) {
                q = i;
            }
        }
        return q;
    }
}
