package org.cfqnn.emulator;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.cfqnn.baseline.AssignmentMethod;
import org.cfqnn.baseline.AssignmentProblem;
import org.cfqnn.baseline.Baselines;
import org.cfqnn.baseline.CoverageRepair;
import org.cfqnn.qnn.cloud.CloudSample;
import org.cfqnn.qnn.cloud.CloudWorker;
import org.cfqnn.qnn.edge.EdgeWorker;
import org.cfqnn.qnn.train.CloudTrainer;
import org.cfqnn.qnn.train.OnlineTrainer;
import org.cfqnn.radio.Channel;
import org.cfqnn.report.Progress;

/**
 * The cloud unit (paper Fig. 1, Algorithm 2). Each step it collects the CSI of every AP (deciding
 * {@code cloud-collect-timeout} after the first one even if some are missing, with their last known
 * CSI), assigns the APs (QNN, or a classical method for the control protocols; charged compute time),
 * and sends the assignment to every AP and, non-centralized, to every edge. Centralized, it also runs
 * every AP's precoding circuit itself and sends each AP its precoder.
 *
 * <p>When a cluster node hosting APs is lost, the model still decides for the whole network (the lost APs'
 * last known CSI), then the assignment is repaired to leave them out and keep every user served.
 *
 * <p>Emulated training (Algorithm 1, line 2): once every AP has uploaded its dataset, the cloud trains
 * its QNN asynchronously, then tells the world to start. With online training it keeps training on the
 * live CSI during deployment, hot-swapping its parameters; they are saved for restarts.
 */
public final class Cloud extends AbstractBehavior<Cloud.Command> {

    /** Cloud's protocol: deliveries and its own training results. */
    public sealed interface Command extends CborSerializable permits Deliver, TrainingFinished {
    }

    /** A training job's result, piped back to the actor. */
    public record TrainingFinished(long job, double[] params, String error) implements Command {
    }

    private static final int MAX_BACKLOG = 64;

    private final RunContext run;
    private final Endpoint endpoint;
    private final CloudWorker inference;
    private final CloudWorker training;
    private final EdgeWorker precoding; // centralized only
    private final AssignmentMethod classical;
    private final OnlineTrainer trainer;
    private final TrainingLoop<Command> loop;
    private final Map<Long, Wire.Csi[]> collecting = new HashMap<>();
    private final Wire.Csi[] lastKnown;
    private final boolean[] lost;
    private boolean reassignPending;
    private long decidedUpTo = -1;
    private int uploads;
    private double[] params;

    private Cloud(ActorContext<Command> ctx, RunContext run) {
        super(ctx);
        this.run = run;
        this.endpoint = run.endpoint(Addresses.CLOUD);
        this.lastKnown = new Wire.Csi[run.nAp()];
        this.lost = new boolean[run.nAp()];
        boolean qnn = !run.classical();
        this.inference = qnn ? run.qnn().cloud().worker() : null;
        this.training = qnn ? run.qnn().cloud().worker() : null;
        this.precoding = run.centralized() ? run.qnn().edge().worker() : null;
        this.classical = qnn ? null : Baselines.byName(run.protocol(), run.settings().optimumLimit());
        this.trainer = qnn ? new OnlineTrainer(run.qnn().cloudTraining(), run.qnn().cloud().parameterCount()) : null;
        this.params = run.store().cloud();
        this.loop = new TrainingLoop<>(ctx, endpoint, run.trainingExecutor(), run.emulator().clock().equals("virtual"),
                MAX_BACKLOG, () -> params.clone(), this::apply,
                (job, p, error) -> new TrainingFinished(job, p, error == null ? null : error.toString()));
    }

    /** The cloud, restarted from its last saved parameters whenever it fails. */
    public static Behavior<Command> create(RunContext run) {
        return Behaviors.supervise(Behaviors.<Command>setup(ctx -> new Cloud(ctx, run)))
                .onFailure(Exception.class, SupervisorStrategy.restart());
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Deliver.class, this::onDeliver)
                .onMessage(TrainingFinished.class, this::onTrainingFinished)
                .onSignal(PreRestart.class, s -> {
                    run.store().restarted(Addresses.CLOUD);
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
                onCsi(c);
            } else if (e instanceof Timers.CollectTimeout t) {
                if (t.step() > decidedUpTo && collecting.containsKey(t.step())) {
                    decide(t.step());
                }
            } else if (e instanceof Wire.TrainingData) {
                if (++uploads == run.nAp()) {
                    trainFully();
                }
            } else if (e instanceof Timers.TrainingDue t) {
                return loop.onDue(t.job()); // false: held until the job's result arrives
            } else if (e instanceof Timers.EntityLost l) {
                onLost(l);
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
            endpoint.ack();
        }
        return this;
    }

    private void onCsi(Wire.Csi c) {
        lastKnown[c.ap()] = c;
        if (c.step() <= decidedUpTo) {
            return; // late: that step was decided without it
        }
        Wire.Csi[] got = collecting.get(c.step());
        if (got == null) {
            got = new Wire.Csi[run.nAp()];
            collecting.put(c.step(), got);
            endpoint.schedule(run.emulator().collectTimeout(), new Timers.CollectTimeout(c.step()));
        }
        got[c.ap()] = c;
        if (complete(got)) {
            decide(c.step());
        }
    }

    /** Every AP still alive has reported. */
    private boolean complete(Wire.Csi[] got) {
        for (int m = 0; m < got.length; m++) {
            if (got[m] == null && !lost[m]) {
                return false;
            }
        }
        return true;
    }

    /**
     * An AP's node is gone: from the next decision on, assignments leave it out and keep every user
     * served if enough APs remain ({@link CoverageRepair}); steps that were waiting for its CSI go ahead.
     */
    private void onLost(Timers.EntityLost l) {
        if (!l.address().startsWith("ap-")) {
            return;
        }
        lost[Integer.parseInt(l.address().substring(3))] = true;
        reassignPending = true;
        for (Long step : new java.util.TreeSet<>(collecting.keySet())) {
            Wire.Csi[] got = collecting.get(step);
            if (got != null && step > decidedUpTo && complete(got)) {
                decide(step);
            }
        }
    }

    /** Assigns step s from the CSI collected (missing APs: their last known CSI). */
    private void decide(long step) {
        Wire.Csi[] got = collecting.remove(step);
        collecting.keySet().removeIf(s -> s < step); // older steps can no longer be decided in time
        decidedUpTo = step;
        if (run.fault(Addresses.CLOUD, step)) {
            throw new IllegalStateException("injected fault: cloud at step " + step);
        }
        Channel estimate = estimate(got);
        boolean deployment = run.isDeployment(step);
        long t0 = System.nanoTime();
        int[] a;
        long compute;
        if (run.classical()) {
            a = classical.assign(AssignmentProblem.of(estimate, run.radio().rho(), run.radio().mu()),
                    run.seed().split("cloud-decide", step).random());
            compute = run.classicalTime(System.nanoTime() - t0);
        } else {
            CloudSample s = new CloudSample(estimate, run.radio().rho(), run.radio().mu());
            SplittableRandom rng = run.seed().split("cloud-decode", step).random();
            a = run.qnn().sampled() ? inference.assignSampled(s, params, run.qnn().candidates(), rng)
                    : inference.assign(s, params);
            compute = run.quantumTime(run.qnn().cloud().circuitsPerInference(run.nAp(), run.nUser()),
                    System.nanoTime() - t0);
            if (run.emulator().onlineTraining() && deployment) {
                loop.offer(p -> {
                    trainer.step(training.objective(s, rng), p);
                    return p;
                }, run.quantumTime(run.qnn().cloud().circuitsPerTrainingStep(run.nAp(), run.nUser()), 0), () -> { });
            }
        }
        if (anyLost()) {
            a = CoverageRepair.repair(a, lost, estimate);
            if (reassignPending && deployment) {
                run.recorder().tell(new Recorder.Reassigned(step - run.edgeTrainingSteps()));
                reassignPending = false;
            }
        }
        long cause = endpoint.currentEvent();
        Wire.Assignment msg = new Wire.Assignment(step, a, deployment);
        if (run.centralized() && deployment) {
            // the cloud precodes for every AP: M more circuits before anything leaves
            long t1 = System.nanoTime();
            Wire.Precoder[] precoders = new Wire.Precoder[run.nAp()];
            double[] vRe = new double[run.nTx()];
            double[] vIm = new double[run.nTx()];
            int live = 0;
            for (int m = 0; m < run.nAp(); m++) {
                if (!lost[m]) {
                    precoding.precode(estimate, m, a[m], run.store().edge(m), vRe, vIm);
                    precoders[m] = new Wire.Precoder(step, m, a[m], vRe.clone(), vIm.clone());
                    live++;
                }
            }
            compute += run.quantumTime(live * run.qnn().edge().circuitsPerInference(), System.nanoTime() - t1);
            for (int m = 0; m < run.nAp(); m++) {
                if (!lost[m]) {
                    endpoint.send(Addresses.ap(m), precoders[m], compute, cause);
                }
            }
        }
        for (int m = 0; m < run.nAp(); m++) {
            if (lost[m]) {
                continue;
            }
            endpoint.send(Addresses.ap(m), msg, compute, cause);
            if (run.nonCentralized()) {
                endpoint.send(Addresses.edge(m), msg, compute, cause);
            }
        }
    }

    private boolean anyLost() {
        for (boolean l : lost) {
            if (l) {
                return true;
            }
        }
        return false;
    }

    /** The network's estimate: every AP's row, from this step or, where missing, the last known. */
    private Channel estimate(Wire.Csi[] got) {
        int row = run.nUser() * run.nTx();
        double[] re = new double[run.nAp() * row];
        double[] im = new double[re.length];
        for (int m = 0; m < run.nAp(); m++) {
            Wire.Csi c = got[m] != null ? got[m] : lastKnown[m];
            if (c != null) {
                System.arraycopy(c.re(), 0, re, m * row, row);
                System.arraycopy(c.im(), 0, im, m * row, row);
            }
        }
        return Channel.of(run.nAp(), run.nUser(), run.nTx(), re, im);
    }

    /** Algorithm 2 on the uploaded dataset, off the actor's thread; the world starts when it is done. */
    private void trainFully() {
        var settings = run.qnn().cloudTraining();
        long charged = run.quantumTime(settings.iterations()
                * run.qnn().cloud().circuitsPerTrainingStep(run.nAp(), run.nUser()), 0);
        loop.offer(p -> {
            new CloudTrainer(run.qnn().cloud(), run.radio(), settings, run.seed()).train(p, Progress.start("", 1, false));
            return p;
        }, charged, () -> endpoint.send(Addresses.WORLD, new Wire.CloudReady(0)));
    }

    private void apply(double[] p) {
        params = p;
        run.store().saveCloud(p);
    }
}
