package org.cfqnn.protocol;

import java.util.HashMap;
import java.util.Map;
import org.cfqnn.radio.Channel;
import org.cfqnn.radio.ChannelModel;
import org.cfqnn.radio.Precoders;

/**
 * Access point m. Each step it estimates its channel from the pilot ({@link ChannelModel#estimateRow}: row m
 * of the network's estimate for this realization), uploads the estimate to the cloud and, in the
 * non-centralized protocol, to its edge. At the step's transmit instant (the deadline) it transmits with the
 * precoder computed for this step if one has arrived, else falls back (the last precoder, or MR for the
 * assignment in force) and the miss is counted. With the classical protocols it computes MR itself
 * ({@link Precoders#maxRatioInto}) once the assignment arrives, charged as classical work of N complex
 * multiply-adds ({@link Charges#MR_PRECODER}): the precoder is ready, and its latency measured, that much later.
 * Its CSI starts its latency chain ({@link LatencyParts}); the precoder (or assignment) that ends it brings
 * the parts, which it reports with the latency.
 */
public final class AccessPoint extends Machine<AccessPoint.Input> {

    /** What an AP handles. */
    public sealed interface Input extends Event permits Timer.Begin, Message.Pilot, Message.Assignment,
            Message.Precoder, Timer.TransmitDue {
    }

    /**
     * What the AP transmits with, for which step's CSI it was computed, the event it came in, when it is ready,
     * and the latency parts of its chain until then (null: not measured, a fallback).
     */
    private record Beam(long step, int user, double[] re, double[] im, long cause, long readyAt, LatencyParts parts) {
    }

    /** Steps of pilot times (older ones are reconstructed from the step period) and, with a QNN, estimates. */
    private static final int KEEP_STEPS = 16;
    /** Steps of estimates a classical protocol keeps for late assignments (a slow cloud decides steps far apart). */
    private static final int KEEP_ESTIMATES = 1024;

    private final Plan plan;
    private final Charges charges;
    private final int m;
    private final ChannelModel channels;
    private final Map<Long, Channel> estimates = new HashMap<>(); // step -> this AP's estimate (one-AP channel)
    private final Map<Long, Long> pilotTime = new HashMap<>();
    private int[] assignment;
    private long assignmentStep = -1;
    private Beam latest;
    private Beam previous; // what latest replaced, in case latest is not ready at the transmit instant
    private long lastPilotStep = -1;
    private long lastPilotAt;

    public AccessPoint(Plan plan, Charges charges, int m) {
        super(Address.ap(m), Input.class);
        this.plan = plan;
        this.charges = charges;
        this.m = m;
        this.channels = new ChannelModel(plan.radio());
        on(Timer.Begin.class, this::uploadTrainingData);
        on(Message.Pilot.class, this::onPilot);
        on(Message.Assignment.class, this::onAssignment);
        on(Message.Precoder.class, (p, fx) -> accept(new Beam(p.step(), p.user(), p.re(), p.im(), current(), now(),
                arrived()), fx));
        on(Timer.TransmitDue.class, this::onTransmitDue);
        requireEveryInputHandled();
    }

    /** Algorithm 1, line 2: the AP's CSI dataset goes to the cloud (only its size is modelled). */
    private void uploadTrainingData(Timer.Begin b, Effects fx) {
        fx.send(Address.CLOUD, new Message.TrainingData(0, m, plan.cloudUploadSamples(), plan.nUser() * plan.nTx()));
    }

    private void onPilot(Message.Pilot p, Effects fx) {
        double[][] est = channels.estimateRow(p.re(), p.im(), p.beta(), plan.realization(p.step()), m);
        estimates.put(p.step(), Channel.of(1, plan.nUser(), plan.nTx(), est[0], est[1]));
        pilotTime.put(p.step(), now());
        estimates.remove(p.step() - (plan.protocol().usesQnn() ? KEEP_STEPS : KEEP_ESTIMATES));
        pilotTime.remove(p.step() - KEEP_STEPS);
        lastPilotStep = p.step();
        lastPilotAt = now();
        Message.Csi csi = new Message.Csi(p.step(), m, est[0], est[1], p.deployment());
        fx.send(Address.CLOUD, csi, Compute.NONE, Effects.CURRENT, LatencyParts.ZERO); // the chain starts here
        if (plan.protocol() == Protocol.NON_CENTRALIZED) {
            fx.send(Address.edge(m), csi, Compute.NONE, Effects.CURRENT, LatencyParts.ZERO);
        }
        if (p.deployment()) {
            fx.after(plan.deadline(), new Timer.TransmitDue(p.step()));
        }
    }

    private void onAssignment(Message.Assignment a, Effects fx) {
        if (a.step() >= assignmentStep) {
            assignment = a.users();
            assignmentStep = a.step();
        }
        if (!plan.protocol().usesQnn() && a.deployment()) {
            Channel est = estimates.get(a.step());
            estimates.keySet().removeIf(s -> s < a.step()); // assignments come in step order
            if (est != null) {
                long t0 = System.nanoTime();
                Beam b = mrBeam(a.step(), est, a.users()[m], current(), now());
                long compute = charges.classical(Charges.MR_PRECODER, plan.nTx(), 0, System.nanoTime() - t0);
                accept(new Beam(b.step(), b.user(), b.re(), b.im(), b.cause(), now() + compute,
                        arrived().afterCpu(Compute.classical(compute))), fx);
            }
        }
    }

    /** A precoder for step s arrived: keep it if it is the freshest, and record how long it took. */
    private void accept(Beam b, Effects fx) {
        if (latest == null || b.step() >= latest.step()) {
            previous = latest;
            latest = b;
        }
        Long sent = pilotTime.get(b.step());
        if (sent == null && b.step() < lastPilotStep) { // an old step: pilots come every step period
            sent = lastPilotAt - (lastPilotStep - b.step()) * plan.stepPeriod();
        }
        if (sent != null && plan.isDeployment(b.step())) {
            long latency = b.readyAt() - sent;
            // in virtual time the chain accounts for every ns; what it does not is the real clock's own
            LatencyParts parts = b.parts().withRuntime(b.parts().runtime() + latency - b.parts().total());
            fx.record(new Measurement.Latency(plan.deploymentStep(b.step()), m, latency, latency <= plan.deadline(),
                    parts));
        }
    }

    private void onTransmitDue(Timer.TransmitDue t, Effects fx) {
        long step = t.step();
        Beam use = latest != null && latest.readyAt() > now() ? previous : latest; // still computing: not there
        boolean fresh = use != null && use.step() == step;
        if (!fresh) {
            Channel est = estimates.get(step);
            int user = assignment != null ? assignment[m] : m % plan.nUser(); // before any assignment: round robin
            if (est == null) {
                // real clock, far behind (e.g. warming up): this step's estimate is already dropped
                if (use == null) {
                    use = new Beam(step, user, new double[plan.nTx()], new double[plan.nTx()], current(), now(), null);
                }
            } else if (use == null || plan.fallback() == Fallback.MR) {
                use = mrBeam(assignmentStep, est, user, current(), now());
            }
        }
        // the transmission's cause is the message that brought its precoder: CSI -> assignment -> precoder -> here
        fx.send(Address.WORLD, new Message.Transmission(step, m, use.user(), use.re(), use.im(), fresh, use.step()),
                Compute.NONE, use.cause());
    }

    /** The MR precoder {@code conj(hHat_k) / ||hHat_k||} from this AP's estimate. */
    private static Beam mrBeam(long step, Channel est, int k, long cause, long readyAt) {
        int nTx = est.nTx();
        double[] re = new double[nTx];
        double[] im = new double[nTx];
        Precoders.maxRatioInto(est, 0, k, re, im, 0);
        return new Beam(step, k, re, im, cause, readyAt, null);
    }
}
