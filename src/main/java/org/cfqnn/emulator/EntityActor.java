package org.cfqnn.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.cfqnn.emulator.network.NetworkCommand;
import org.cfqnn.emulator.network.WallClock;
import org.cfqnn.emulator.record.Recorder;
import org.cfqnn.protocol.Address;
import org.cfqnn.protocol.Effects;
import org.cfqnn.protocol.Entity;
import org.cfqnn.protocol.Event;
import org.cfqnn.protocol.Measurement;
import org.cfqnn.protocol.Message;
import org.cfqnn.protocol.Notice;
import org.cfqnn.protocol.Timer;

/**
 * The one actor that runs any of the protocol's entities ({@link Entity}): it hands each delivery to the
 * state machine and carries out what it returns. Sends and timers go back to the network in one
 * {@link NetworkCommand.Handled} (which also acknowledges the delivery to the virtual clock), measurements
 * to the recorder. Training jobs run on the training dispatcher; in virtual time a job's result takes
 * effect at its charged time, and if the computation has not finished by then the actor holds that
 * delivery's acknowledgement (the clock waits for the result). On failure the actor restarts with a new
 * machine, which resumes from the node's memory; injected faults ({@code emulator.faults}) and node crashes
 * ({@code cluster.faults}) happen here.
 */
public final class EntityActor extends AbstractBehavior<EntityActor.Command> {

    /** What an entity's actor receives: deliveries from the network, and its training jobs' results. */
    public sealed interface Command extends CborSerializable permits Deliver, JobFinished {
    }

    /** A training job's result (or failure), piped back to the actor. Local only. */
    public record JobFinished(int incarnation, long job, double[] params, Throwable error)
            implements Command, NoSerializationVerificationNeeded {
    }

    private final RunNode run;
    private final Endpoint endpoint;
    private final Address address;
    private final Entity<Event> machine;
    private final int incarnation;
    private long runningJob = -1;
    private double[] result;
    private boolean due;
    private Deliver held; // the TrainingDue delivery whose acknowledgement waits for the result
    private long lastAt;
    private long lastWall;

    @SuppressWarnings("unchecked")
    private EntityActor(ActorContext<Command> ctx, RunNode run, Address address, Function<RunNode, Entity<?>> factory) {
        super(ctx);
        this.run = run;
        this.address = address;
        this.endpoint = run.endpoint(address);
        this.machine = (Entity<Event>) factory.apply(run);
        this.incarnation = endpoint.incarnate();
    }

    /** The actor of entity {@code address}, built by {@code factory}; restarted with a new machine on failure. */
    public static Behavior<Command> create(RunNode run, Address address, Function<RunNode, Entity<?>> factory) {
        return Behaviors.supervise(Behaviors.<Command>setup(ctx -> new EntityActor(ctx, run, address, factory)))
                .onFailure(Exception.class, SupervisorStrategy.restart());
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Deliver.class, this::onDeliver)
                .onMessage(JobFinished.class, this::onJobFinished)
                .onSignal(PreRestart.class, s -> {
                    run.memory().restarted(address);
                    return this;
                })
                .build();
    }

    private Behavior<Command> onDeliver(Deliver d) {
        Event e = d.event();
        if (run.crash().down(e instanceof Message m ? run.plan().deploymentStep(m.step()) : Long.MIN_VALUE)) {
            return this; // this node is dead: not even an acknowledgement
        }
        lastAt = d.at();
        lastWall = System.nanoTime();
        long hop = d.wallMicros() < 0 ? -1 : WallClock.micros() - d.wallMicros();
        if (e instanceof Timer.TrainingDue t) {
            onDue(t, d, hop);
            return this;
        }
        if (e.step() >= 0 && run.faults().fire(address, run.plan().deploymentStep(e.step()))) {
            answer(new Effects(), d, true, hop);
            throw new IllegalStateException("injected fault: " + address + " at step " + run.plan().deploymentStep(e.step()));
        }
        handle(e, d, true, hop);
        return this;
    }

    /** Hands {@code e} to the machine and carries out its effects; a failure still answers, then restarts us. */
    private void handle(Event e, Deliver d, boolean ack, long hop) {
        if (!machine.inputType().isInstance(e)) {
            answer(new Effects(), d, ack, hop);
            throw new IllegalStateException(address + " cannot handle " + e.getClass().getSimpleName());
        }
        Effects fx;
        try {
            fx = machine.handle(e, d.at(), d.id(), d.chain());
        } catch (RuntimeException x) {
            answer(new Effects(), d, ack, hop);
            throw x;
        }
        answer(fx, d, ack, hop);
    }

    /** Training job {@code t.job()} is due. Without its result yet, the delivery waits (no acknowledgement). */
    private void onDue(Timer.TrainingDue t, Deliver d, long hop) {
        if (t.job() != runningJob) {
            answer(new Effects(), d, true, hop); // from before a restart
            return;
        }
        due = true;
        if (result == null) {
            held = d;
            return;
        }
        finishJob(d, hop);
    }

    private Behavior<Command> onJobFinished(JobFinished f) {
        if (run.crash().down(Long.MIN_VALUE) || f.incarnation() != incarnation || f.job() != runningJob) {
            return this;
        }
        if (f.error() != null) {
            if (held != null) {
                answer(new Effects(), held, true, -1);
            }
            throw new IllegalStateException("training job " + f.job() + " of " + address + " failed: "
                    + f.error().getMessage(), f.error());
        }
        result = f.params();
        if (!run.virtual()) { // real time: the result takes effect when the computation ends
            long now = lastAt + (System.nanoTime() - lastWall);
            finishJob(new Deliver(new Timer.TrainingDue(f.job()), now, -1), -1);
        } else if (due && held != null) {
            Deliver d = held;
            held = null;
            finishJob(d, -1);
        }
        return this;
    }

    /** The job's result takes effect now: the machine gets it, and the delivery {@code d} is answered. */
    private void finishJob(Deliver d, long hop) {
        Notice.TrainingDone done = new Notice.TrainingDone(runningJob, result);
        runningJob = -1;
        result = null;
        due = false;
        handle(done, d, run.virtual(), hop);
    }

    /** Carries out {@code fx} for delivery {@code d}: one message to the network, measurements to the recorder. */
    private void answer(Effects fx, Deliver d, boolean ack, long hop) {
        List<NetworkCommand.Out> outs = new ArrayList<>(fx.sends().size());
        for (Effects.Send s : fx.sends()) {
            long cause = s.cause() == Effects.CURRENT ? d.id() : s.cause();
            outs.add(new NetworkCommand.Out(s.to(), s.message(), s.compute(), cause, endpoint.next(), s.chain()));
        }
        List<NetworkCommand.Later> timers = new ArrayList<>(fx.timers().size() + 1);
        for (Effects.After a : fx.timers()) {
            timers.add(new NetworkCommand.Later(a.delay(), a.timer(), a.cancels() ? -1 : endpoint.next()));
        }
        if (fx.job() != null) {
            startJob(fx.job(), timers);
        }
        // Nothing here depends on the phase: a type test or a branch that emulated training never takes has
        // the JIT compile this hot method without it and recompile it (interpreted meanwhile) when deployment
        // begins, which cost paper.conf's first deployment steps a third of their speed. So records go over
        // whole, and the latency count grows by 0 or 1 instead of behind a test.
        if (!fx.records().isEmpty()) {
            run.recorder().tell(new Recorder.Records(List.copyOf(fx.records())));
        }
        endpoint.reported(fx.latencies());
        Measurement.Latency latency = fx.latency();
        run.network().tell(new NetworkCommand.Handled(address, d.at(), outs, timers, ack, fx.finished(), hop,
                WallClock.micros(), d.id(), latency));
        if (fx.failure() != null) {
            run.emulation().tell(new Emulation.Failed(fx.failure()));
        }
    }

    /** Runs the job off this thread; in virtual time its result is due after its charged time. */
    private void startJob(Effects.Job job, List<NetworkCommand.Later> timers) {
        runningJob = job.id();
        result = null;
        due = false;
        int inc = incarnation;
        getContext().pipeToSelf(CompletableFuture.supplyAsync(() -> job.work().apply(job.start()), run.training()),
                (params, error) -> new JobFinished(inc, job.id(), params, error));
        if (run.virtual()) {
            timers.add(new NetworkCommand.Later(job.chargedNanos(), new Timer.TrainingDue(job.id()), endpoint.next()));
        }
    }
}
