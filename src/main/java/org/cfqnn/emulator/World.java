package org.cfqnn.emulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.cfqnn.radio.Channel;
import org.cfqnn.radio.ChannelModel;
import org.cfqnn.radio.Layout;
import org.cfqnn.radio.Precoders;
import org.cfqnn.radio.RateReport;
import org.cfqnn.radio.Rates;
import org.cfqnn.rng.Seed;

/**
 * The air interface and the clock of the channel. Every step it regenerates the channel (i.i.d. by
 * default; {@code h_t = alpha h_{t-1} + sqrt(1 - alpha^2) w} with correlation alpha; users moving at
 * {@code user-speed}), hands each AP its true channel as a pilot, and once every AP has transmitted
 * computes what every user receives on the true channel and tells the users. An AP whose node was lost
 * is silent from then on.
 */
public final class World extends AbstractBehavior<World.Command> {

    /** World's protocol: deliveries only. */
    public sealed interface Command extends CborSerializable permits Deliver {
    }

    private final RunContext run;
    private final Endpoint endpoint;
    private final ChannelModel channels;
    private final Seed seed;
    private Layout layout;
    private double[] heading; // per user, for mobility
    private Channel current;
    private final TreeMap<Long, Channel> truthOf = new TreeMap<>(); // deployment steps not yet on the air
    private final Map<Long, Long> tickAt = new HashMap<>();
    private final TreeMap<Long, Wire.Transmission[]> received = new TreeMap<>();
    private final boolean[] lostAps;
    private final long[] lastHeard; // per AP: the last step it transmitted for
    private final boolean realClock;
    private int lostCount;
    private long lastTick;

    /** Real clock: a step still not on the air this long after it began means the run cannot keep up. */
    private static final long MAX_LAG_NANOS = 5_000_000_000L;

    private World(ActorContext<Command> ctx, RunContext run) {
        super(ctx);
        this.run = run;
        this.endpoint = run.endpoint(Addresses.WORLD);
        this.channels = new ChannelModel(run.radio());
        this.seed = run.seed().split("world");
        this.lostAps = new boolean[run.nAp()];
        this.lastHeard = new long[run.nAp()];
        Arrays.fill(lastHeard, -1);
        this.realClock = run.emulator().clock().equals("real");
    }

    public static Behavior<Command> create(RunContext run) {
        return Behaviors.setup(ctx -> new World(ctx, run));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder().onMessage(Deliver.class, this::onDeliver).build();
    }

    private Behavior<Command> onDeliver(Deliver d) {
        endpoint.handle(d, e -> {
            if (e instanceof Timers.Begin) {
                if (!run.cloudTrainingPhase()) {
                    endpoint.schedule(0, new Timers.StepTick(0));
                }
            } else if (e instanceof Wire.CloudReady) {
                endpoint.schedule(0, new Timers.StepTick(0));
            } else if (e instanceof Timers.StepTick t) {
                onTick(t.step());
            } else if (e instanceof Wire.Transmission t) {
                onTransmission(t);
            } else if (e instanceof Timers.EntityLost l) {
                onLost(l);
            } else if (e instanceof Timers.AirDeadline a && truthOf.containsKey(a.step())) {
                received.putIfAbsent(a.step(), new Wire.Transmission[run.nAp()]);
                complete(a.step());
            }
        });
        return this;
    }

    private void onTick(long step) {
        lastTick = step;
        if (realClock && !truthOf.isEmpty() && endpoint.now() - tickAt.get(truthOf.firstKey()) > MAX_LAG_NANOS) {
            long behind = step - truthOf.firstKey();
            run.emulation().tell(new Emulation.Failed("real clock: step " + truthOf.firstKey() + " is still not on the "
                    + "air " + (endpoint.now() - tickAt.get(truthOf.firstKey())) / 1_000_000 + " ms (" + behind
                    + " steps) after it began: this machine cannot run the scenario in real time (use emulator.clock = "
                    + "virtual, a longer emulator.step-period, or fewer APs)"));
            return;
        }
        Channel h = next(step);
        boolean deployment = run.isDeployment(step);
        if (step == run.edgeTrainingSteps()) {
            run.deploymentWallStart().set(System.nanoTime());
        }
        int nUser = run.nUser();
        int nTx = run.nTx();
        for (int m = 0; m < run.nAp(); m++) {
            double[] re = new double[nUser * nTx];
            double[] im = new double[nUser * nTx];
            double[] beta = new double[nUser];
            for (int k = 0; k < nUser; k++) {
                beta[k] = channels.beta(layout, m, k);
                for (int j = 0; j < nTx; j++) {
                    re[k * nTx + j] = h.re(m, k, j);
                    im[k * nTx + j] = h.im(m, k, j);
                }
            }
            endpoint.send(Addresses.ap(m), new Wire.Pilot(step, m, re, im, beta, deployment));
        }
        if (deployment) {
            truthOf.put(step, h);
            tickAt.put(step, endpoint.now());
            if (realClock) { // the air does not wait for late transmissions
                endpoint.schedule(run.emulator().deadline() + run.emulator().stepPeriod(), new Timers.AirDeadline(step));
            }
            if (lostCount == run.nAp()) { // every AP is gone: the step is silent
                received.put(step, new Wire.Transmission[run.nAp()]);
                tryComplete(step);
            }
        }
        run.progress().incrementAndGet();
        if (step + 1 < run.totalSteps()) {
            endpoint.schedule(run.emulator().stepPeriod(), new Timers.StepTick(step + 1));
        }
    }

    /** The channel of {@code step}: positions move, then fading evolves by the AR(1) model. */
    private Channel next(long step) {
        if (layout == null) {
            layout = Layout.drop(run.nAp(), run.nUser(), seed.split("layout"));
            heading = new double[run.nUser()];
            for (int k = 0; k < heading.length; k++) {
                heading[k] = seed.split("heading", k).random().nextDouble(0, 2 * Math.PI);
            }
        } else if (run.emulator().userSpeed() > 0) {
            double dist = run.emulator().userSpeed() * run.emulator().stepPeriod() * 1e-9;
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
        Channel w = channels.fading(layout, seed.split("fading", step));
        double alpha = run.emulator().correlation();
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

    private void onTransmission(Wire.Transmission t) {
        if (!truthOf.containsKey(t.step())) {
            return; // too late: that step went on the air without it (real clock)
        }
        received.computeIfAbsent(t.step(), k -> new Wire.Transmission[run.nAp()])[t.ap()] = t;
        lastHeard[t.ap()] = Math.max(lastHeard[t.ap()], t.step());
        tryComplete(t.step());
    }

    /**
     * An entity's node is gone. A lost AP is silent from now on: the steps waiting for its transmission
     * complete without it. The first affected step goes to the recorder (outage windows): for an AP, the
     * step after the last one it transmitted for (with the real clock the air went on without it until the
     * loss was detected); for other entities, the step in progress.
     */
    private void onLost(Timers.EntityLost l) {
        boolean ap = l.address().startsWith("ap-");
        int m = ap ? Integer.parseInt(l.address().substring(3)) : -1;
        long firstAffected = ap && lastHeard[m] >= 0 ? lastHeard[m] + 1
                : ap ? Math.min(lastTick, run.edgeTrainingSteps()) : lastTick;
        run.recorder().tell(new Recorder.EntityLost(l.address(), l.node(), firstAffected - run.edgeTrainingSteps()));
        if (ap) {
            lostAps[m] = true;
            lostCount++;
            if (lostCount == run.nAp()) { // no AP left to transmit: every step on the air so far is silent
                truthOf.keySet().forEach(step -> received.putIfAbsent(step, new Wire.Transmission[run.nAp()]));
            }
            for (Long step : new ArrayList<>(received.keySet())) {
                tryComplete(step);
            }
        }
    }

    /** Step {@code step} is on the air once every AP still alive has transmitted. */
    private void tryComplete(long step) {
        Wire.Transmission[] got = received.get(step);
        for (int m = 0; m < got.length; m++) {
            if (got[m] == null && !lostAps[m]) {
                return;
            }
        }
        complete(step);
    }

    /** Users learn their rates on the true channel; an AP without a transmission here is silent. */
    private void complete(long step) {
        Wire.Transmission[] got = received.remove(step);
        Channel truth = truthOf.remove(step);
        tickAt.remove(step);
        int nTx = run.nTx();
        int[] a = new int[run.nAp()];
        Arrays.fill(a, -1); // a lost AP transmits nothing
        double[] re = new double[run.nAp() * nTx];
        double[] im = new double[re.length];
        int fallbacks = 0;
        for (int m = 0; m < got.length; m++) {
            Wire.Transmission x = got[m];
            if (x == null) {
                fallbacks += lostAps[m] ? 0 : 1; // late on the air: a miss
                continue;
            }
            a[x.ap()] = x.user();
            System.arraycopy(x.re(), 0, re, x.ap() * nTx, nTx);
            System.arraycopy(x.im(), 0, im, x.ap() * nTx, nTx);
            fallbacks += x.fresh() ? 0 : 1;
        }
        RateReport r = Rates.evaluate(truth, a, Precoders.of(run.nAp(), nTx, re, im), run.radio().rho(), run.radio().mu());
        for (int k = 0; k < run.nUser(); k++) {
            endpoint.send(Addresses.user(k), new Wire.Reception(step, k, r.served()[k] ? r.rates()[k] : 0, r.served()[k]));
        }
        run.recorder().tell(new Recorder.AirOutcome(step - run.edgeTrainingSteps(), endpoint.now(), fallbacks, a));
        if (step == run.totalSteps() - 1) {
            run.emulation().tell(Emulation.WorldDone.INSTANCE);
        }
    }
}
