package org.cfqnn.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * Training inside an actor without blocking it. A job (parameters in, parameters out) runs on the
 * training dispatcher and its result is piped back; the actor keeps answering with its current
 * parameters meanwhile. In virtual time a job is due {@code charged} ns after it starts: the new
 * parameters take effect exactly then, and if the computation has not finished by that virtual time
 * the actor holds that one acknowledgement (the clock waits for the result). Jobs run one at a time;
 * the backlog is bounded, dropping the oldest job.
 *
 * @param <M> the actor's message type
 */
final class TrainingLoop<M> {

    /** A result for the actor to hand back to {@link #onFinished}. */
    interface Wrap<M> {
        M finished(long job, double[] params, Throwable error);
    }

    private record Job(long id, UnaryOperator<double[]> work, long charged, Runnable after) {
    }

    private final ActorContext<M> ctx;
    private final Endpoint endpoint;
    private final Executor executor;
    private final boolean virtual;
    private final int maxBacklog;
    private final Supplier<double[]> current;
    private final Consumer<double[]> apply;
    private final Wrap<M> wrap;
    private final Deque<Job> backlog = new ArrayDeque<>();
    private Job running;
    private double[] result;
    private boolean due;
    private boolean holding;
    private long nextId;
    private long dropped;
    private long completed;

    TrainingLoop(ActorContext<M> ctx, Endpoint endpoint, Executor executor, boolean virtual, int maxBacklog,
                 Supplier<double[]> current, Consumer<double[]> apply, Wrap<M> wrap) {
        this.ctx = ctx;
        this.endpoint = endpoint;
        this.executor = executor;
        this.virtual = virtual;
        this.maxBacklog = maxBacklog;
        this.current = current;
        this.apply = apply;
        this.wrap = wrap;
    }

    /** Queues a job; {@code after} runs on the actor once its parameters are in effect. */
    void offer(UnaryOperator<double[]> work, long charged, Runnable after) {
        if (backlog.size() >= maxBacklog) {
            backlog.pollFirst();
            dropped++;
        }
        backlog.addLast(new Job(nextId++, work, charged, after));
        if (running == null) {
            startNext();
        }
    }

    private void startNext() {
        running = backlog.pollFirst();
        if (running == null) {
            return;
        }
        result = null;
        due = false;
        double[] start = current.get();
        Job job = running;
        ctx.pipeToSelf(CompletableFuture.supplyAsync(() -> job.work().apply(start), executor),
                (params, error) -> wrap.finished(job.id(), params, error));
        // real time: take effect when the computation ends; virtual time: at its charged end
        endpoint.schedule(virtual ? job.charged() : 0, new Timers.TrainingDue(job.id()));
    }

    /** The job's charged time has passed. Returns false if the delivery must wait for the result. */
    boolean onDue(long job) {
        if (running == null || job != running.id()) {
            return true; // from before a restart
        }
        due = true;
        if (result == null) {
            holding = true;
            return false;
        }
        complete();
        return true;
    }

    /**
     * The computation ended. Returns true when a held delivery can now be acknowledged.
     *
     * @throws IllegalStateException wrapping a training failure (the actor's supervisor restarts it)
     */
    boolean onFinished(long job, double[] params, Throwable error) {
        if (running == null || job != running.id()) {
            return false;
        }
        if (error != null) {
            throw new IllegalStateException("training job " + job + " failed: " + error.getMessage(), error);
        }
        result = params;
        if (!due) {
            return false;
        }
        complete();
        boolean release = holding;
        holding = false;
        return release;
    }

    private void complete() {
        Job job = running;
        apply.accept(result);
        completed++;
        running = null;
        job.after().run();
        startNext();
    }

    long completed() {
        return completed;
    }

    long dropped() {
        return dropped;
    }
}
