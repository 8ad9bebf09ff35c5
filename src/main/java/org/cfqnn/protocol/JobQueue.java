package org.cfqnn.protocol;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Training inside an entity without blocking it: jobs (parameters in, parameters out) run one at a time,
 * off the entity's thread; the entity keeps deciding with its current parameters meanwhile. A bounded
 * backlog drops its oldest job when full (online training cannot fall ever further behind).
 */
final class JobQueue {

    private record Pending(UnaryOperator<double[]> work, long charged, Consumer<Effects> after) {
    }

    private final int maxBacklog;
    private final Deque<Pending> backlog = new ArrayDeque<>();
    private Pending running;
    private long runningId = -1;
    private long nextId;
    private long dropped;

    JobQueue(int maxBacklog) {
        this.maxBacklog = maxBacklog;
    }

    /** Queues a job charged {@code chargedNanos}; {@code after} runs once its parameters are in effect. */
    void offer(UnaryOperator<double[]> work, long chargedNanos, Consumer<Effects> after, double[] current, Effects fx) {
        if (backlog.size() >= maxBacklog) {
            backlog.pollFirst();
            dropped++;
        }
        backlog.addLast(new Pending(work, chargedNanos, after));
        if (running == null) {
            startNext(current, fx);
        }
    }

    /**
     * Job {@code d.job()} is done: {@code apply} takes its parameters, its follow-up runs, and the next
     * job starts from them. A result of an earlier incarnation (before a restart) is ignored.
     */
    void done(Notice.TrainingDone d, Consumer<double[]> apply, Effects fx) {
        if (running == null || d.job() != runningId) {
            return;
        }
        Pending p = running;
        running = null;
        apply.accept(d.params());
        p.after().accept(fx);
        startNext(d.params(), fx);
    }

    private void startNext(double[] current, Effects fx) {
        running = backlog.pollFirst();
        if (running != null) {
            runningId = nextId++;
            fx.start(new Effects.Job(runningId, running.work(), current.clone(), running.charged()));
        }
    }

    long dropped() {
        return dropped;
    }
}
