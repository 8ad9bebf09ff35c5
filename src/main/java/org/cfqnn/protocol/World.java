package org.cfqnn.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.cfqnn.radio.Channel;
import org.cfqnn.radio.ChannelModel;
import org.cfqnn.radio.Layout;
import org.cfqnn.radio.Precoders;
import org.cfqnn.radio.RateReport;
import org.cfqnn.radio.Rates;
import org.cfqnn.rng.Seed;

/**
 * The air interface and the channel's clock. The layout (AP and user positions) is dropped once per run
 * ({@link ChannelModel#fixedLayout}); every tick the fading is redrawn from the tick's realization seed
 * ({@link Plan#realization}), i.i.d. by default or {@code h_t = alpha h_{t-1} + sqrt(1 - alpha^2) w_t} with
 * correlation alpha, users optionally moving. It hands each AP its true channel as a pilot and, once every
 * AP still alive has transmitted, computes what every user receives on the true channel ({@link
 * Rates#evaluate}) and tells the users. An AP whose node was lost is silent from then on.
 */
public final class World extends Machine<World.Input> {

    /** What the world handles. */
    public sealed interface Input extends Event permits Timer.Begin, Timer.StepTick, Message.CloudReady,
            Message.Transmission, Notice.EntityLost, Timer.AirDeadline {
    }

    /** Real clock: a step still not on the air this long after it began means the run cannot keep up. */
    private static final long MAX_LAG_NANOS = 5_000_000_000L;

    private final Plan plan;
    private final ChannelModel channels;
    private final Seed seed;
    private Layout layout;
    private double[] betas; // large-scale gains of the layout, [m*K + k]
    private double[] heading; // per user, for mobility
    private Channel current;
    private final TreeMap<Long, Channel> truthOf = new TreeMap<>(); // deployment ticks not yet on the air
    private final Map<Long, Long> tickAt = new HashMap<>();
    private final TreeMap<Long, Message.Transmission[]> received = new TreeMap<>();
    private final boolean[] lostAps;
    private final long[] lastHeard; // per AP: the last tick it transmitted for
    private int lostCount;
    private long lastTick;

    public World(Plan plan) {
        super(Address.WORLD, Input.class);
        this.plan = plan;
        this.channels = new ChannelModel(plan.radio());
        this.seed = plan.seed();
        this.lostAps = new boolean[plan.nAp()];
        this.lastHeard = new long[plan.nAp()];
        Arrays.fill(lastHeard, -1);
        on(Timer.Begin.class, (b, fx) -> {
            if (!plan.cloudTrainingPhase()) {
                fx.after(0, new Timer.StepTick(0));
            }
        });
        on(Message.CloudReady.class, (r, fx) -> fx.after(0, new Timer.StepTick(0)));
        on(Timer.StepTick.class, this::onTick);
        on(Message.Transmission.class, this::onTransmission);
        on(Notice.EntityLost.class, this::onLost);
        on(Timer.AirDeadline.class, (a, fx) -> {
            if (truthOf.containsKey(a.step())) {
                received.putIfAbsent(a.step(), new Message.Transmission[plan.nAp()]);
                complete(a.step(), fx);
            }
        });
        requireEveryInputHandled();
    }

    private void onTick(Timer.StepTick t, Effects fx) {
        long step = t.step();
        if (step >= plan.totalTicks()) { // the drain after the last step is over
            fx.finish();
            return;
        }
        lastTick = step;
        if (plan.realClock() && !truthOf.isEmpty() && now() - tickAt.get(truthOf.firstKey()) > MAX_LAG_NANOS) {
            long first = truthOf.firstKey();
            fx.fail("real clock: step " + plan.deploymentStep(first) + " is still not on the air "
                    + (now() - tickAt.get(first)) / 1_000_000 + " ms (" + (step - first) + " steps) after it began: "
                    + "this machine cannot run the scenario in real time (use emulator.clock = virtual, a longer "
                    + "emulator.step-period, or fewer APs)");
            return;
        }
        Channel h = next(step);
        boolean deployment = plan.isDeployment(step);
        fx.record(new Measurement.Tick(step, deployment, now()));
        int nUser = plan.nUser();
        for (int m = 0; m < plan.nAp(); m++) {
            double[][] row = h.row(m);
            double[] beta = java.util.Arrays.copyOfRange(betas, m * nUser, (m + 1) * nUser);
            fx.send(Address.ap(m), new Message.Pilot(step, m, row[0], row[1], beta, deployment));
        }
        if (deployment) {
            truthOf.put(step, h);
            tickAt.put(step, now());
            if (plan.realClock()) { // the air does not wait for late transmissions
                fx.after(plan.deadline() + plan.stepPeriod(), new Timer.AirDeadline(step));
            }
            if (lostCount == plan.nAp()) { // every AP is gone: the step is silent
                received.put(step, new Message.Transmission[plan.nAp()]);
                tryComplete(step, fx);
            }
        }
        if (step + 1 < plan.totalTicks()) {
            fx.after(plan.stepPeriod(), new Timer.StepTick(step + 1));
        }
    }

    /** The channel of a tick: positions move, then fading is redrawn (and mixed with the last by AR(1)). */
    private Channel next(long tick) {
        if (layout == null) {
            layout = channels.fixedLayout(seed);
            heading = new double[plan.nUser()];
            for (int k = 0; k < heading.length; k++) {
                heading[k] = seed.split("heading", k).random().nextDouble(0, 2 * Math.PI);
            }
            betas = channels.betas(layout);
        } else if (plan.userSpeed() > 0) {
            moveUsers();
            betas = channels.betas(layout);
        }
        Channel w = channels.fading(betas, plan.realization(tick));
        double alpha = plan.correlation();
        if (current == null || alpha == 0) {
            current = w;
        } else {
            double[] re = current.reArray();
            double[] im = current.imArray();
            double[] wr = w.reArray();
            double[] wi = w.imArray();
            double s = Math.sqrt(1 - alpha * alpha);
            for (int i = 0; i < re.length; i++) {
                re[i] = alpha * re[i] + s * wr[i];
                im[i] = alpha * im[i] + s * wi[i];
            }
            current = Channel.of(current.nAp(), current.nUser(), current.nTx(), re, im);
        }
        return current;
    }

    /** Every user moves one step's distance along its heading, reflected at the square's edges. */
    private void moveUsers() {
        double dist = plan.userSpeed() * plan.stepPeriod() * 1e-9;
        for (int k = 0; k < heading.length; k++) {
            double x = layout.userX(k) + dist * Math.cos(heading[k]);
            double y = layout.userY(k) + dist * Math.sin(heading[k]);
            if (x < 0 || x > 1) {
                heading[k] = Math.PI - heading[k];
                x = Math.max(0, Math.min(1, x));
            }
            if (y < 0 || y > 1) {
                heading[k] = -heading[k];
                y = Math.max(0, Math.min(1, y));
            }
            layout = layout.withUser(k, x, y);
        }
    }

    private void onTransmission(Message.Transmission t, Effects fx) {
        if (!truthOf.containsKey(t.step())) {
            return; // too late: that step went on the air without it (real clock)
        }
        received.computeIfAbsent(t.step(), k -> new Message.Transmission[plan.nAp()])[t.ap()] = t;
        lastHeard[t.ap()] = Math.max(lastHeard[t.ap()], t.step());
        tryComplete(t.step(), fx);
    }

    /**
     * An entity's node is gone. A lost AP is silent from now on: the steps waiting for its transmission
     * complete without it. The first affected step is recorded (outage windows): for an AP, the step after
     * the last one it transmitted for (with the real clock the air went on without it until the loss was
     * detected); for other entities, the step in progress.
     */
    private void onLost(Notice.EntityLost l, Effects fx) {
        boolean ap = l.address().role() == Role.AP;
        int m = ap ? l.address().index() : -1;
        long firstAffected = ap && lastHeard[m] >= 0 ? lastHeard[m] + 1
                : ap ? Math.min(lastTick, plan.edgeTrainingTicks()) : lastTick;
        fx.record(new Measurement.Lost(l.address(), l.node(), plan.deploymentStep(firstAffected)));
        if (ap) {
            lostAps[m] = true;
            lostCount++;
            if (lostCount == plan.nAp()) { // no AP left to transmit: every step on the air so far is silent
                truthOf.keySet().forEach(step -> received.putIfAbsent(step, new Message.Transmission[plan.nAp()]));
            }
            for (Long step : new ArrayList<>(received.keySet())) {
                tryComplete(step, fx);
            }
        }
    }

    /** A step is on the air once every AP still alive has transmitted. */
    private void tryComplete(long step, Effects fx) {
        Message.Transmission[] got = received.get(step);
        for (int m = 0; m < got.length; m++) {
            if (got[m] == null && !lostAps[m]) {
                return;
            }
        }
        complete(step, fx);
    }

    /** Users learn their rates on the true channel; an AP without a transmission here is silent. */
    private void complete(long step, Effects fx) {
        Message.Transmission[] got = received.remove(step);
        Channel truth = truthOf.remove(step);
        tickAt.remove(step);
        int nTx = plan.nTx();
        int[] a = new int[plan.nAp()];
        Arrays.fill(a, -1); // a lost AP transmits nothing
        double[] re = new double[plan.nAp() * nTx];
        double[] im = new double[re.length];
        int fallbacks = 0;
        for (int m = 0; m < got.length; m++) {
            Message.Transmission x = got[m];
            if (x == null) {
                fallbacks += lostAps[m] ? 0 : 1; // late on the air: a miss
                continue;
            }
            a[x.ap()] = x.user();
            System.arraycopy(x.re(), 0, re, x.ap() * nTx, nTx);
            System.arraycopy(x.im(), 0, im, x.ap() * nTx, nTx);
            fallbacks += x.fresh() ? 0 : 1;
        }
        RateReport r = Rates.evaluate(truth, a, Precoders.of(plan.nAp(), nTx, re, im), plan.radio().rho(),
                plan.radio().mu());
        for (int k = 0; k < plan.nUser(); k++) {
            fx.send(Address.user(k), new Message.Reception(step, k, r.served()[k] ? r.rates()[k] : 0, r.served()[k]));
        }
        fx.record(new Measurement.OnAir(plan.deploymentStep(step), now(), fallbacks, a));
        if (step == plan.totalTicks() - 1) {
            if (plan.drain() > 0) { // decisions still computing may yet deliver (and measure) their precoders
                fx.after(plan.drain(), new Timer.StepTick(plan.totalTicks()));
            } else {
                fx.finish();
            }
        }
    }
}
