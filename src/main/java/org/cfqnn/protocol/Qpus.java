package org.cfqnn.protocol;

import org.cfqnn.quantum.device.QpuQueue;

/**
 * The QPUs of one site (the cloud, or one edge) as its machine uses them: a {@link QpuQueue} in the
 * machine's virtual time. A decision's circuits are placed at once, first come first served on the QPU
 * free first; the one training job that may be waiting starts only when a QPU is idle with no inference
 * waiting (training runs behind inference, without preemption), which the machine learns from a
 * {@link Timer.QpuFree} set for the instant the queue says it would start. Pure and deterministic.
 */
final class Qpus {

    /** Starts a training job whose result takes effect {@code chargedNanos} after now. */
    interface Start {
        void start(long chargedNanos, Effects fx);
    }

    private final QpuQueue queue;
    private long waiting = -1; // ticket of the training job waiting for a QPU
    private Start onStart;
    private long armedAt = Long.MIN_VALUE; // time of the QpuFree timer pending, if any
    private long clock = Long.MIN_VALUE; // latest time seen

    Qpus(int qpus) {
        this.queue = new QpuQueue(qpus);
    }

    /** How long a decision ready at {@code now} would wait for a QPU. */
    long waitAt(long time) {
        long now = at(time);
        long free = queue.firstFreeAt(); // Long.MIN_VALUE before any execution: no subtraction then
        return free <= now ? 0 : free - now;
    }

    /**
     * Whether a decision ready at {@code now} would wait a step period or more: by the time it could start,
     * newer CSI has come, so the site skips it (its APs fall back) rather than queueing stale work.
     */
    boolean stale(long now, long stepPeriod) {
        return waitAt(now) >= stepPeriod;
    }

    /**
     * A decision's circuits, ready at {@code now}, holding a QPU for {@code quantumNanos}: what it waits for
     * a QPU and what it runs, as the compute of the messages it causes.
     */
    Compute inference(long time, long quantumNanos, Effects fx) {
        long now = at(time);
        QpuQueue.Grant g = queue.submitInference(now, quantumNanos);
        poll(now, time, fx);
        return new Compute(g.startNanos() - time, quantumNanos, 0);
    }

    /**
     * A training job of {@code quantumNanos} on the QPU, ready now: {@code start} runs when it gets a QPU
     * (now, or at a later {@link Timer.QpuFree}) with the time from then to its end.
     */
    void train(long time, long quantumNanos, Start start, Effects fx) {
        long now = at(time);
        if (waiting >= 0) {
            throw new IllegalStateException("one training job waits at a time");
        }
        waiting = queue.submitTraining(now, quantumNanos);
        onStart = start;
        poll(now, time, fx);
    }

    /** A {@link Timer.QpuFree} is due: start the waiting training job if a QPU is free for it. */
    void free(long time, Effects fx) {
        long now = at(time);
        armedAt = Long.MIN_VALUE;
        poll(now, time, fx);
    }

    /**
     * The site's time for an event of time {@code time}: never before one it has already handled. In virtual
     * time events come in time order and this is {@code time}; on the real clock an event handled late (a
     * message behind a timer) is placed when it is handled, as a real QPU would see it.
     */
    private long at(long time) {
        clock = Math.max(clock, time);
        return clock;
    }

    /** {@code now}: the site's time; {@code time}: the event's, which timers and charges count from. */
    private void poll(long now, long time, Effects fx) {
        for (QpuQueue.Grant g : queue.advanceTo(now)) {
            if (g.ticket() == waiting) {
                waiting = -1;
                Start s = onStart;
                onStart = null;
                s.start(Math.max(0, g.finishNanos() - time), fx);
            }
        }
        if (waiting >= 0 && armedAt < now) { // a timer already pending re-arms itself when it fires
            long at = queue.nextTrainingStart().orElseThrow();
            armedAt = at;
            fx.after(at - time, new Timer.QpuFree());
        }
    }
}
