package org.cfqnn.protocol;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Training inside an entity without blocking it: jobs (parameters in, parameters out) run one at a time,
 * off the entity's thread; the entity keeps deciding with its current parameters meanwhile. Each job's
 * circuits run on the site's QPUs behind inference ({@link Qpus}): it starts when it gets a QPU, and its
 * result takes effect when its device time there has passed. A bounded backlog drops its oldest job when
 * full (online training cannot fall ever further behind).
 */
final class JobQueue {

    private record Pending(UnaryOperator<double[]> work, long quantumNanos, Consumer<Effects> after) {
    }

    private final int maxBacklog;
    private final Qpus qpus;
    private final Deque<Pending> backlog = new ArrayDeque<>();
    private Pending running;
    private long runningId = -1;
    private long nextId;
    private long dropped;

    JobQueue(int maxBacklog, Qpus qpus) {
        this.maxBacklog = maxBacklog;
        this.qpus = qpus;
    }

    /**
     * Queues a job holding a QPU for {@code quantumNanos}, offered at {@code now}; {@code after} runs once
     * its parameters are in effect.
     */
    void offer(UnaryOperator<double[]> work, long quantumNanos, Consumer<Effects> after, double[] current, long now,
               Effects fx) {
        if (backlog.size() >= maxBacklog) {
            backlog.pollFirst();
            dropped++;
        }
        backlog.addLast(new Pending(work, quantumNanos, after));
        if (running == null) {
            startNext(current, now, fx);
        }
    }

    /**
     * Job {@code d.job()} is done: {@code apply} takes its parameters, its follow-up runs, and the next
     * job starts from them. A result of an earlier incarnation (before a restart) is ignored.
     */
    void done(Notice.TrainingDone d, Consumer<double[]> apply, long now, Effects fx) {
        if (running == null || d.job() != runningId) {
            return;
        }
        Pending p = running;
        running = null;
        apply.accept(d.params());
        p.after().accept(fx);
        startNext(d.params(), now, fx);
    }

    /** The next job takes the QPU when it is free for training; its computation starts then. */
    private void startNext(double[] current, long now, Effects fx) {
        running = backlog.pollFirst();
        if (running != null) {
            long id = nextId++;
            runningId = id;
            Pending p = running;
            double[] start = current.clone();
            qpus.train(now, p.quantumNanos(), (charged, f) -> f.start(new Effects.Job(id, p.work(), start, charged)), fx);
        }
    }

    long dropped() {
        return dropped;
    }
}
