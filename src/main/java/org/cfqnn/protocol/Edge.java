package org.cfqnn.protocol;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.cfqnn.qnn.TrainedQnn;
import org.cfqnn.qnn.edge.EdgeWorker;
import org.cfqnn.qnn.train.OnlineTrainer;
import org.cfqnn.radio.Channel;

/**
 * The edge unit beside AP m (paper Fig. 1, Algorithm 3). Once it has both a step's CSI from its AP and the
 * cloud's assignment, it computes the AP's precoder with its QNN and sends it to the AP. In the
 * edge-training phase, and during deployment with online training, the same samples train its QNN
 * (jobs off its thread); new parameters are saved in its {@link Memory}, which a restart resumes from.
 *
 * <p>Compute: a precoder holds one of the edge's QPUs for the device time of its circuit, queued behind the
 * precoders before it; training runs behind them ({@link Qpus}). The circuit is read through the run's
 * backend (shots, noise) from the stream of this AP and step ({@link #readout}). A precoder that would wait a
 * step period or more for the QPU is skipped (its AP falls back). The precoder continues the AP's latency
 * chain from whichever input (CSI or assignment) arrived last ({@link LatencyParts}).
 */
public final class Edge extends Machine<Edge.Input> {

    /** What an edge handles. */
    public sealed interface Input extends Event permits Message.Csi, Message.Assignment, Notice.TrainingDone,
            Timer.QpuFree {
    }

    /** Steps of CSI kept waiting for their assignment (a slow cloud decides steps far apart). */
    private static final int KEEP_STEPS = 1024;
    private static final int MAX_BACKLOG = 64;

    private final Plan plan;
    private final Charges charges;
    private final Memory memory;
    private final int m;
    private final TrainedQnn qnn;
    private final EdgeWorker inference;
    private final EdgeWorker training; // used by one job at a time, off the edge's thread
    private final OnlineTrainer trainer;
    private final Qpus qpus;
    private final JobQueue jobs;
    private final long precodeDevice; // device time of one precoder's circuit
    private final long trainingStepDevice;
    private final Map<Long, Message.Csi> csi = new HashMap<>();
    private final Map<Long, Integer> users = new HashMap<>();
    private final double[] vRe;
    private final double[] vIm;
    private double[] params;

    public Edge(Plan plan, Charges charges, Memory memory, int m) {
        super(Address.edge(m), Input.class);
        this.plan = plan;
        this.charges = charges;
        this.memory = memory;
        this.m = m;
        this.qnn = plan.qnn();
        this.inference = qnn.edge().worker(plan.decisions());
        this.training = qnn.edge().worker();
        this.trainer = new OnlineTrainer(qnn.edgeTraining(), qnn.edge().parameterCount());
        this.qpus = new Qpus(charges.qpus());
        this.jobs = new JobQueue(MAX_BACKLOG, qpus);
        this.precodeDevice = charges.device(List.of(qnn.edge().inferenceStage()));
        this.trainingStepDevice = Cloud.trainingDevice(precodeDevice, qnn.edge().circuitsPerInference(),
                qnn.edge().circuitsPerTrainingStep());
        double[] saved = memory.load(address());
        this.params = saved != null ? saved : qnn.edgeParams()[m].clone();
        this.vRe = new double[plan.nTx()];
        this.vIm = new double[plan.nTx()];
        on(Message.Csi.class, (c, fx) -> {
            csi.put(c.step(), c);
            csi.remove(c.step() - KEEP_STEPS);
            tryCompute(c.step(), fx);
        });
        on(Message.Assignment.class, (a, fx) -> {
            users.put(a.step(), a.users()[m]);
            users.remove(a.step() - KEEP_STEPS);
            tryCompute(a.step(), fx);
        });
        on(Notice.TrainingDone.class, (d, fx) -> jobs.done(d, this::apply, now(), fx));
        on(Timer.QpuFree.class, (t, fx) -> qpus.free(now(), fx));
        requireEveryInputHandled();
    }

    private void tryCompute(long step, Effects fx) {
        Message.Csi c = csi.get(step);
        Integer user = users.get(step);
        if (c == null || user == null) {
            return;
        }
        csi.keySet().removeIf(s -> s <= step); // assignments come in step order: older CSI is no longer needed
        users.remove(step);
        Channel estimate = Channel.of(1, plan.nUser(), plan.nTx(), c.re(), c.im()); // the edge knows nothing else
        boolean deployment = plan.isDeployment(step);
        if (deployment && qpus.stale(now(), plan.stepPeriod())) {
            return; // the QPU is a step or more behind: skip this stale precoder (the AP falls back)
        }
        if (deployment) {
            long t0 = System.nanoTime();
            inference.precode(estimate, 0, user, params, vRe, vIm, readout(plan, step, m));
            Compute compute = qpus.inference(now(), charges.quantum(precodeDevice, System.nanoTime() - t0), fx);
            // the input that completed the pair arrived last: the chain goes on from it, with no wait here
            fx.send(Address.ap(m), new Message.Precoder(step, m, user, vRe.clone(), vIm.clone()), compute, current(),
                    arrived().afterQpu(compute));
        }
        if (!deployment || plan.onlineTraining()) {
            double rho = plan.radio().rho();
            jobs.offer(p -> {
                trainer.step(training.objective(estimate, 0, user, rho), p);
                return p;
            }, charges.quantum(trainingStepDevice, 0), f -> { }, params, now(), fx);
        }
    }

    /**
     * The stream AP m's precoder circuit is read from at {@code step} (shots, trajectories): split from the
     * step's realization, so a run is reproducible and the centralized cloud reads AP m's circuit as its
     * edge would. Null when the readout is exact (nothing is drawn).
     */
    static RandomGenerator readout(Plan plan, long step, int m) {
        return plan.decisions().exact() ? null : plan.realization(step).split("readout", m).random();
    }

    private void apply(double[] p) {
        params = p;
        memory.save(address(), p);
    }
}
