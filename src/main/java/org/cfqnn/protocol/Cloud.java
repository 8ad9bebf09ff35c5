package org.cfqnn.protocol;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.cfqnn.baseline.AssignmentMethod;
import org.cfqnn.baseline.AssignmentProblem;
import org.cfqnn.baseline.Baselines;
import org.cfqnn.baseline.CoverageRepair;
import org.cfqnn.qnn.TrainedQnn;
import org.cfqnn.qnn.cloud.CloudSample;
import org.cfqnn.qnn.cloud.CloudWorker;
import org.cfqnn.qnn.edge.EdgeWorker;
import org.cfqnn.qnn.train.CloudTrainer;
import org.cfqnn.qnn.train.OnlineTrainer;
import org.cfqnn.progress.ProgressListener;
import org.cfqnn.quantum.device.DeviceModel;
import org.cfqnn.radio.Channel;

/**
 * The cloud unit (paper Fig. 1, Algorithm 2). Each step it collects the CSI of every AP (deciding
 * {@code collectTimeout} after the first one even if some are missing, with their last known CSI),
 * assigns the APs (its QNN, or a classical method for the control protocols, exactly as {@code cfqnn
 * compare} does: {@link Baselines}) and sends the assignment to every AP and, non-centralized, to every
 * edge. Centralized, it also runs every AP's edge circuit itself and sends each AP its precoder.
 *
 * <p>When APs are lost (their cluster node died), the model still decides for the whole network (their
 * last known CSI), then {@link CoverageRepair} leaves them out and keeps every user served.
 *
 * <p>Compute: a classical method is charged its counted operations ({@link Charges#classical}) on the
 * cloud's processor, one decision at a time; a QNN decision holds one of the cloud's QPUs for the device
 * time of its circuits ({@link Charges#device} of {@code inferenceStages(M, K)}; centralized, followed by
 * every live AP's edge circuit), queued behind the decisions before it ({@link Qpus}); its messages leave
 * when it ends. A step whose decision would wait a step period or more is skipped (its CSI would be stale
 * before it started; the APs fall back). The circuits are read through the run's backend (shots, noise)
 * from a stream of the step. Each AP's assignment (centralized: and precoder) continues that AP's latency
 * chain ({@link LatencyParts}): its CSI's parts, the wait for the other APs' CSI ({@link CsiCollection}),
 * then the decision's compute.
 *
 * <p>Emulated training (Algorithm 1, line 2): once every AP has uploaded its dataset, the cloud trains its
 * QNN (a job off its thread), then tells the world to start. With online training it keeps training on
 * the live CSI during deployment, hot-swapping its parameters, which it saves in its {@link Memory}.
 */
public final class Cloud extends Machine<Cloud.Input> {

    /** What the cloud handles. */
    public sealed interface Input extends Event permits Message.Csi, Timer.CollectTimeout, Message.TrainingData,
            Notice.EntityLost, Notice.TrainingDone, Timer.QpuFree {
    }

    private static final int MAX_BACKLOG = 64;

    private final Plan plan;
    private final Charges charges;
    private final Memory memory;
    private final TrainedQnn qnn;
    private final CloudWorker inference;
    private final CloudWorker training; // used by one job at a time, off the cloud's thread
    private final EdgeWorker precoding; // centralized only
    private final AssignmentMethod classical;
    private final OnlineTrainer trainer;
    private final Qpus qpus;
    private final Qpus cpu; // classical methods decide one at a time on the cloud's processor
    private final JobQueue jobs;
    private final long assignDevice; // device time of one assignment's circuits
    private final long trainingStepDevice; // of one training step's
    private final DeviceModel.Stage edgeStage; // centralized: one AP's edge circuit
    private int precodedAps = -1;
    private long precodeDevice; // of the edge circuits of precodedAps APs
    private final Map<Long, CsiCollection> collecting = new HashMap<>();
    private final Message.Csi[] lastKnown;
    private final boolean[] lost;
    private boolean anyLost;
    private boolean reassignPending;
    private long decidedUpTo = -1;
    private int uploads;
    private double[] params;

    /** {@code classicalLimit}: the exhaustive optimum's size limit (classical protocols). */
    public Cloud(Plan plan, Charges charges, Memory memory, long classicalLimit) {
        super(Address.CLOUD, Input.class);
        this.plan = plan;
        this.charges = charges;
        this.memory = memory;
        this.qnn = plan.qnn();
        this.lastKnown = new Message.Csi[plan.nAp()];
        this.lost = new boolean[plan.nAp()];
        boolean usesQnn = plan.protocol().usesQnn();
        this.inference = usesQnn ? qnn.cloud().worker(plan.decisions()) : null;
        this.training = usesQnn ? qnn.cloud().worker() : null;
        boolean centralized = plan.protocol() == Protocol.CENTRALIZED;
        this.precoding = centralized ? qnn.edge().worker(plan.decisions()) : null;
        this.edgeStage = centralized ? qnn.edge().inferenceStage() : null;
        this.qpus = new Qpus(charges.qpus());
        this.cpu = new Qpus(1);
        this.jobs = new JobQueue(MAX_BACKLOG, qpus);
        this.assignDevice = usesQnn ? charges.device(qnn.cloud().inferenceStages(plan.nAp(), plan.nUser())) : 0;
        this.trainingStepDevice = usesQnn ? trainingDevice(assignDevice,
                qnn.cloud().circuitsPerInference(plan.nAp(), plan.nUser()),
                qnn.cloud().circuitsPerTrainingStep(plan.nAp(), plan.nUser())) : 0;
        this.classical = usesQnn ? null : Baselines.byName(plan.protocol().method(), classicalLimit);
        this.trainer = usesQnn ? new OnlineTrainer(qnn.cloudTraining(), qnn.cloud().parameterCount()) : null;
        double[] saved = usesQnn ? memory.load(Address.CLOUD) : null;
        this.params = saved != null ? saved : usesQnn ? qnn.cloudParams().clone() : null;
        on(Message.Csi.class, this::onCsi);
        on(Timer.CollectTimeout.class, (t, fx) -> {
            if (t.step() > decidedUpTo && collecting.containsKey(t.step())) {
                decide(t.step(), fx);
            }
        });
        on(Message.TrainingData.class, (d, fx) -> {
            if (++uploads == plan.nAp()) {
                trainFully(fx);
            }
        });
        on(Notice.EntityLost.class, this::onLost);
        on(Notice.TrainingDone.class, (d, fx) -> jobs.done(d, this::apply, now(), fx));
        on(Timer.QpuFree.class, (t, fx) -> qpus.free(now(), fx));
        requireEveryInputHandled();
    }

    private void onCsi(Message.Csi c, Effects fx) {
        lastKnown[c.ap()] = c;
        if (c.step() <= decidedUpTo) {
            return; // late: that step was decided without it
        }
        CsiCollection got = collecting.get(c.step());
        if (got == null) {
            got = new CsiCollection(plan.nAp());
            collecting.put(c.step(), got);
            fx.after(plan.collectTimeout(), new Timer.CollectTimeout(c.step()));
        }
        got.add(c, arrived(), now());
        if (complete(got.csi())) {
            decide(c.step(), fx);
        }
    }

    /** Every AP still alive has reported. */
    private boolean complete(Message.Csi[] got) {
        for (int m = 0; m < got.length; m++) {
            if (got[m] == null && !lost[m]) {
                return false;
            }
        }
        return true;
    }

    /**
     * An AP's node is gone: from the next decision on, assignments leave it out and keep every user served
     * if enough APs remain; steps that were waiting for its CSI go ahead.
     */
    private void onLost(Notice.EntityLost l, Effects fx) {
        if (l.address().role() != Role.AP) {
            return;
        }
        lost[l.address().index()] = true;
        anyLost = true;
        reassignPending = true;
        for (Long step : new TreeSet<>(collecting.keySet())) {
            CsiCollection got = collecting.get(step);
            if (got != null && step > decidedUpTo && complete(got.csi())) {
                decide(step, fx);
            }
        }
    }

    /** Assigns a step from the CSI collected (missing APs: their last known CSI). */
    private void decide(long step, Effects fx) {
        CsiCollection got = collecting.remove(step);
        fx.cancel(new Timer.CollectTimeout(step));
        for (var it = collecting.keySet().iterator(); it.hasNext(); ) {
            long older = it.next();
            if (older < step) { // can no longer be decided in time
                it.remove();
                fx.cancel(new Timer.CollectTimeout(older));
            }
        }
        decidedUpTo = step;
        if ((classical != null ? cpu : qpus).stale(now(), plan.stepPeriod())) {
            return; // the processor is a step or more behind: newer CSI comes before this could start
        }
        Channel estimate = estimate(got.csi());
        boolean deployment = plan.isDeployment(step);
        double rho = plan.radio().rho();
        double mu = plan.radio().mu();
        long t0 = System.nanoTime();
        int[] a;
        long quantum = 0;
        long classicalNanos = 0;
        CloudSample s = null;
        RandomGenerator rng = null;
        if (classical != null) {
            AssignmentProblem problem = AssignmentProblem.of(estimate, rho, mu);
            a = classical.assign(problem, Baselines.decisionRandom(plan.realization(step), classical.name()));
            classicalNanos = charges.classical(classical.name(), problem.operations().steps(),
                    problem.operations().table(), System.nanoTime() - t0);
        } else {
            s = new CloudSample(estimate, rho, mu);
            rng = Baselines.decisionRandom(plan.realization(step), "qnn"); // the circuits' shots, then sampling
            a = qnn.sampled() ? inference.assignSampled(s, params, qnn.candidates(), rng)
                    : inference.assign(s, params, rng);
            quantum = charges.quantum(assignDevice, System.nanoTime() - t0);
            // its encoding and decoding, counted (measured wall time is in the quantum part already)
            classicalNanos = charges.classical(Charges.QNN_CLOUD, s.operations().steps(), s.operations().table(), 0);
        }
        if (anyLost) {
            a = CoverageRepair.repair(a, lost, estimate);
            if (reassignPending && deployment) {
                fx.record(new Measurement.Reassigned(plan.deploymentStep(step)));
                reassignPending = false;
            }
        }
        long cause = current();
        Message.Precoder[] precoders = null;
        if (plan.protocol() == Protocol.CENTRALIZED && deployment) {
            long t1 = System.nanoTime();
            precoders = precodeForEveryAp(step, estimate, a);
            quantum += charges.quantum(precodeDevice(precoders), System.nanoTime() - t1);
        }
        Compute compute;
        if (classical != null) { // after the decisions before it on the cloud's processor
            Compute c = cpu.inference(now(), classicalNanos, fx);
            compute = new Compute(c.queueNanos(), 0, classicalNanos);
        } else { // the circuits hold a QPU of the cloud, after the decisions queued before; then the decoding
            Compute c = qpus.inference(now(), quantum, fx);
            compute = new Compute(c.queueNanos(), c.quantumNanos(), classicalNanos);
            if (plan.onlineTraining() && deployment) {
                CloudSample sample = s;
                RandomGenerator r = rng;
                jobs.offer(p -> {
                    trainer.step(training.objective(sample, r), p);
                    return p;
                }, charges.quantum(trainingStepDevice, 0), f -> { }, params, now(), fx);
            }
        }
        if (precoders != null) {
            for (Message.Precoder p : precoders) {
                if (p != null) {
                    fx.send(Address.ap(p.ap()), p, compute, cause, chain(got, p.ap(), compute));
                }
            }
        }
        Message.Assignment msg = new Message.Assignment(step, a, deployment);
        for (int m = 0; m < plan.nAp(); m++) {
            if (lost[m]) {
                continue;
            }
            LatencyParts chain = chain(got, m, compute);
            fx.send(Address.ap(m), msg, compute, cause, chain);
            if (plan.protocol() == Protocol.NON_CENTRALIZED) {
                fx.send(Address.edge(m), msg, compute, cause, chain);
            }
        }
    }

    /** AP m's latency chain when the decision's messages leave: its CSI's, the collection wait, then the compute. */
    private LatencyParts chain(CsiCollection got, int m, Compute compute) {
        LatencyParts waited = got.chainAt(m, now());
        return classical != null ? waited.afterCpu(compute) : waited.afterQpu(compute);
    }

    /**
     * Centralized: the cloud runs every live AP's edge circuit (each read from the stream AP m's edge
     * would use) before anything leaves; the precoders go out with the assignment. Null for lost APs.
     */
    private Message.Precoder[] precodeForEveryAp(long step, Channel estimate, int[] a) {
        Message.Precoder[] precoders = new Message.Precoder[plan.nAp()];
        double[] vRe = new double[plan.nTx()];
        double[] vIm = new double[plan.nTx()];
        for (int m = 0; m < plan.nAp(); m++) {
            if (!lost[m]) {
                double[] edgeParams = memory.load(Address.edge(m));
                precoding.precode(estimate, m, a[m], edgeParams != null ? edgeParams : qnn.edgeParams()[m], vRe, vIm,
                        Edge.readout(plan, step, m));
                precoders[m] = new Message.Precoder(step, m, a[m], vRe.clone(), vIm.clone());
            }
        }
        return precoders;
    }

    /** Device time of the edge circuits of the APs precoded (independent: packed side by side when parallel). */
    private long precodeDevice(Message.Precoder[] precoders) {
        int live = 0;
        for (Message.Precoder p : precoders) {
            live += p != null ? 1 : 0;
        }
        if (live != precodedAps) {
            precodedAps = live;
            precodeDevice = live == 0 ? 0 : charges.device(List.of(new DeviceModel.Stage(edgeStage.circuit(),
                    edgeStage.observables(), (long) live * edgeStage.count())));
        }
        return precodeDevice;
    }

    /**
     * Device time of one training step: every circuit of a decision run {@code perTraining / perInference}
     * times (the parameter-shift rule's shifted runs and the unshifted one, per sample), as a decision's are.
     */
    static long trainingDevice(long decisionDevice, long perInference, long perTraining) {
        return perInference == 0 ? 0 : Math.multiplyExact(decisionDevice, perTraining) / perInference;
    }

    /** The network's estimate: every AP's row, from this step or, where missing, the last known. */
    private Channel estimate(Message.Csi[] got) {
        int row = plan.nUser() * plan.nTx();
        double[] re = new double[plan.nAp() * row];
        double[] im = new double[re.length];
        for (int m = 0; m < plan.nAp(); m++) {
            Message.Csi c = got[m] != null ? got[m] : lastKnown[m];
            if (c != null) {
                System.arraycopy(c.re(), 0, re, m * row, row);
                System.arraycopy(c.im(), 0, im, m * row, row);
            }
        }
        return Channel.of(plan.nAp(), plan.nUser(), plan.nTx(), re, im);
    }

    /** Algorithm 2 on the uploaded dataset, as a job; the world starts when it is done. */
    private void trainFully(Effects fx) {
        var settings = qnn.cloudTraining();
        long charged = charges.quantum(Math.multiplyExact(settings.iterations(), trainingStepDevice), 0);
        jobs.offer(p -> {
            new CloudTrainer(qnn.cloud(), plan.radio(), settings, plan.seed()).train(p, ProgressListener.NONE);
            return p;
        }, charged, f -> f.send(Address.WORLD, new Message.CloudReady(0)), params, now(), fx);
    }

    private void apply(double[] p) {
        params = p;
        memory.save(Address.CLOUD, p);
    }
}
