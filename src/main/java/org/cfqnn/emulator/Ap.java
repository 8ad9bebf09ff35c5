package org.cfqnn.emulator;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.cfqnn.rng.Seed;

/**
 * An access point. Each step it estimates its channel from the pilot (the imperfect-CSI model of docs/model.md,
 * stream {@code ap-csi/m/step}), uploads the estimate to the cloud and, in the non-centralized
 * protocol, to its edge; at the step's transmit instant it sends with the precoder computed for this
 * step if one has arrived, else falls back (last precoder, or MR for the assignment in force) and the
 * miss is counted. With the classical protocols the AP computes MR itself once the assignment arrives.
 */
public final class Ap extends AbstractBehavior<Ap.Command> {

    /** AP's protocol: deliveries only. */
    public sealed interface Command extends CborSerializable permits Deliver {
    }

    /** What the AP transmits with, for which step's CSI it was computed, and the message it came in. */
    private record Beam(long step, int user, double[] re, double[] im, long cause) {
    }

    private static final int KEEP_STEPS = 16;

    private final RunContext run;
    private final int m;
    private final Endpoint endpoint;
    private final Seed seed;
    private final Map<Long, double[][]> estimates = new HashMap<>(); // step -> {re, im}, [k*N + j]
    private final Map<Long, Long> pilotTime = new HashMap<>();
    private int[] assignment;
    private long assignmentStep = -1;
    private Beam latest;

    private Ap(ActorContext<Command> ctx, RunContext run, int m) {
        super(ctx);
        this.run = run;
        this.m = m;
        this.endpoint = run.endpoint(Addresses.ap(m));
        this.seed = run.seed().split("ap-csi", m);
    }

    public static Behavior<Command> create(RunContext run, int m) {
        return Behaviors.setup(ctx -> new Ap(ctx, run, m));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder().onMessage(Deliver.class, this::onDeliver).build();
    }

    private Behavior<Command> onDeliver(Deliver d) {
        if (run.crash().down(d.event())) {
            return this; // this node is dead: not even an acknowledgement
        }
        endpoint.handle(d, e -> {
            if (e instanceof Wire.Pilot p) {
                onPilot(p);
            } else if (e instanceof Wire.Assignment a) {
                onAssignment(a);
            } else if (e instanceof Wire.Precoder p) {
                onPrecoder(p);
            } else if (e instanceof Timers.TransmitDue t) {
                onTransmitDue(t.step());
            } else if (e instanceof Timers.Begin) {
                uploadTrainingData();
            }
        });
        return this;
    }

    /** Algorithm 1, line 2: the AP's CSI dataset goes to the cloud (only its size is modelled). */
    private void uploadTrainingData() {
        int samples = run.settings().cloud().training().iterations();
        endpoint.send(Addresses.CLOUD, new Wire.TrainingData(0, m, samples, run.nUser() * run.nTx()));
    }

    private void onPilot(Wire.Pilot p) {
        double csi = run.radio().csiError();
        int nTx = run.nTx();
        double[] re = p.re().clone();
        double[] im = p.im().clone();
        if (csi > 0) {
            SplittableRandom r = seed.split("step", p.step()).random();
            for (int k = 0; k < run.nUser(); k++) {
                double sigma = csi * Math.sqrt(p.beta()[k] / 2);
                for (int j = 0; j < nTx; j++) {
                    re[k * nTx + j] += sigma * r.nextGaussian();
                    im[k * nTx + j] += sigma * r.nextGaussian();
                }
            }
        }
        estimates.put(p.step(), new double[][] {re, im});
        pilotTime.put(p.step(), endpoint.now());
        estimates.remove(p.step() - KEEP_STEPS);
        pilotTime.remove(p.step() - KEEP_STEPS);
        endpoint.send(Addresses.CLOUD, new Wire.Csi(p.step(), m, re, im, p.deployment()));
        if (run.nonCentralized()) {
            endpoint.send(Addresses.edge(m), new Wire.Csi(p.step(), m, re, im, p.deployment()));
        }
        if (p.deployment()) {
            endpoint.schedule(run.emulator().deadline(), new Timers.TransmitDue(p.step()));
        }
    }

    private void onAssignment(Wire.Assignment a) {
        if (a.step() >= assignmentStep) {
            assignment = a.users();
            assignmentStep = a.step();
        }
        if (run.classical() && a.deployment()) {
            double[][] est = estimates.get(a.step());
            if (est != null) {
                accept(mrBeam(a.step(), est, a.users()[m], endpoint.currentEvent()));
            }
        }
    }

    private void onPrecoder(Wire.Precoder p) {
        accept(new Beam(p.step(), p.user(), p.re(), p.im(), endpoint.currentEvent()));
    }

    /** A precoder for step s arrived: keep it if it is the freshest, and record how long it took. */
    private void accept(Beam b) {
        if (latest == null || b.step() >= latest.step()) {
            latest = b;
        }
        Long sent = pilotTime.get(b.step());
        if (sent != null && run.isDeployment(b.step())) {
            long latency = endpoint.now() - sent;
            run.recorder().tell(new Recorder.Latency(b.step() - run.edgeTrainingSteps(), m, latency,
                    latency <= run.emulator().deadline()));
            run.latencyReports().incrementAndGet(m);
        }
    }

    private void onTransmitDue(long step) {
        Beam use = latest;
        boolean fresh = use != null && use.step() == step;
        if (!fresh) {
            double[][] est = estimates.get(step);
            int user = assignment != null ? assignment[m] : m % run.nUser(); // before any assignment: round robin
            if (est == null) {
                // real clock, far behind (e.g. warming up): this step's estimate is already dropped
                if (use == null) {
                    use = new Beam(step, user, new double[run.nTx()], new double[run.nTx()], endpoint.currentEvent());
                }
            } else if (use == null || run.emulator().fallback().equals("mr")) {
                use = mrBeam(assignmentStep, est, user, endpoint.currentEvent());
            }
        }
        // the transmission's cause is the message that brought its precoder: CSI -> assignment -> precoder -> here
        endpoint.send(Addresses.WORLD, new Wire.Transmission(step, m, use.user(), use.re(), use.im(), fresh, use.step()), 0,
                use.cause());
    }

    /** The MR precoder {@code conj(hHat_k) / ||hHat_k||} from this AP's estimate {@code est}. */
    private Beam mrBeam(long step, double[][] est, int k, long cause) {
        double[][] v = mr(est, k);
        return new Beam(step, k, v[0], v[1], cause);
    }

    private double[][] mr(double[][] est, int k) {
        int nTx = run.nTx();
        double[] re = new double[nTx];
        double[] im = new double[nTx];
        double norm = 0;
        for (int j = 0; j < nTx; j++) {
            norm += est[0][k * nTx + j] * est[0][k * nTx + j] + est[1][k * nTx + j] * est[1][k * nTx + j];
        }
        double inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
        for (int j = 0; j < nTx; j++) {
            re[j] = est[0][k * nTx + j] * inv;
            im[j] = -est[1][k * nTx + j] * inv;
        }
        return new double[][] {re, im};
    }
}
