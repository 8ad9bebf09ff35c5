package org.cfqnn.emulator;

import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.cfqnn.qnn.edge.EdgeWorker;
import org.cfqnn.qnn.train.OnlineTrainer;
import org.cfqnn.radio.Channel;

/**
 * The edge unit beside AP m (paper Fig. 1, Algorithm 3). Once it has both the step's CSI from its AP
 * and the cloud's assignment, it computes the AP's precoder with its QNN (charged compute time) and
 * sends it to the AP. In the edge-training phase, and during deployment with online training, the same
 * samples train its QNN asynchronously ({@link TrainingLoop}); new parameters are saved in the run's
 * store, which a restart after a failure resumes from.
 */
public final class Edge extends AbstractBehavior<Edge.Command> {

    /** Edge's protocol: deliveries and its own training results. */
    public sealed interface Command extends CborSerializable permits Deliver, TrainingFinished {
    }

    /** A training job's result, piped back to the actor. */
    public record TrainingFinished(long job, double[] params, String error) implements Command {
    }

    private static final int KEEP_STEPS = 16;
    private static final int MAX_BACKLOG = 64;

    private final RunContext run;
    private final int m;
    private final String address;
    private final Endpoint endpoint;
    private final EdgeWorker inference;
    private final EdgeWorker training;
    private final OnlineTrainer trainer;
    private final TrainingLoop<Command> loop;
    private final Map<Long, Wire.Csi> csi = new HashMap<>();
    private final Map<Long, Integer> users = new HashMap<>();
    private final double[] vRe;
    private final double[] vIm;
    private double[] params;

    private Edge(ActorContext<Command> ctx, RunContext run, int m) {
        super(ctx);
        this.run = run;
        this.m = m;
        this.address = Addresses.edge(m);
        this.endpoint = run.endpoint(address);
        this.inference = run.qnn().edge().worker();
        this.training = run.qnn().edge().worker();
        this.trainer = new OnlineTrainer(run.qnn().edgeTraining(), run.qnn().edge().parameterCount());
        this.params = run.store().edge(m);
        this.vRe = new double[run.nTx()];
        this.vIm = new double[run.nTx()];
        this.loop = new TrainingLoop<>(ctx, endpoint, run.trainingExecutor(), run.emulator().clock().equals("virtual"),
                MAX_BACKLOG, () -> params.clone(), this::apply,
                (job, p, error) -> new TrainingFinished(job, p, error == null ? null : error.toString()));
    }

    /** An edge restarted from its last saved parameters whenever it fails. */
    public static Behavior<Command> create(RunContext run, int m) {
        return Behaviors.supervise(Behaviors.<Command>setup(ctx -> new Edge(ctx, run, m)))
                .onFailure(Exception.class, SupervisorStrategy.restart());
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Deliver.class, this::onDeliver)
                .onMessage(TrainingFinished.class, this::onTrainingFinished)
                .onSignal(PreRestart.class, s -> {
                    run.store().restarted(address);
                    return this;
                })
                .build();
    }

    private Behavior<Command> onDeliver(Deliver d) {
        if (run.crash().down(d.event())) {
            return this; // this node is dead: not even an acknowledgement
        }
        endpoint.handleHolding(d, e -> {
            if (e instanceof Wire.Csi c) {
                csi.put(c.step(), c);
                csi.remove(c.step() - KEEP_STEPS);
                tryCompute(c.step());
            } else if (e instanceof Wire.Assignment a) {
                users.put(a.step(), a.users()[m]);
                users.remove(a.step() - KEEP_STEPS);
                tryCompute(a.step());
            } else if (e instanceof Timers.TrainingDue t) {
                return loop.onDue(t.job()); // false: held until the job's result arrives
            }
            return true;
        });
        return this;
    }

    private Behavior<Command> onTrainingFinished(TrainingFinished f) {
        if (run.crash().down(null)) {
            return this;
        }
        if (loop.onFinished(f.job(), f.params(), f.error() == null ? null : new RuntimeException(f.error()))) {
            endpoint.ack(); // the delivery held for this result
        }
        return this;
    }

    private void tryCompute(long step) {
        Wire.Csi c = csi.get(step);
        Integer user = users.get(step);
        if (c == null || user == null) {
            return;
        }
        csi.remove(step);
        users.remove(step);
        if (run.fault(address, step)) {
            throw new IllegalStateException("injected fault: " + address + " at step " + step);
        }
        Channel estimate = ownChannel(c);
        boolean deployment = run.isDeployment(step);
        if (deployment) {
            long t0 = System.nanoTime();
            inference.precode(estimate, 0, user, params, vRe, vIm);
            long compute = run.quantumTime(run.qnn().edge().circuitsPerInference(), System.nanoTime() - t0);
            endpoint.send(Addresses.ap(m), new Wire.Precoder(step, m, user, vRe.clone(), vIm.clone()), compute,
                    endpoint.currentEvent());
        }
        if (!deployment || run.emulator().onlineTraining()) {
            double rho = run.radio().rho();
            loop.offer(p -> {
                trainer.step(training.objective(estimate, 0, user, rho), p);
                return p;
            }, run.quantumTime(run.qnn().edge().circuitsPerTrainingStep(), 0), () -> { });
        }
    }

    /** This AP's estimated channels as a one-AP channel (the edge knows nothing else). */
    private Channel ownChannel(Wire.Csi c) {
        return Channel.of(1, run.nUser(), run.nTx(), c.re(), c.im());
    }

    private void apply(double[] p) {
        params = p;
        run.store().saveEdge(m, p);
    }
}
