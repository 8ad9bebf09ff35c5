package org.cfqnn.emulator.record;

import java.util.List;
import java.util.TreeMap;
import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.Histogram;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import java.util.concurrent.atomic.AtomicLong;
import org.cfqnn.emulator.CborSerializable;
import org.cfqnn.io.AsyncLines;
import org.cfqnn.io.Csv;
import org.cfqnn.protocol.LatencyParts;
import org.cfqnn.protocol.Measurement;

/**
 * Collects the measurements of one run (not part of the protocol: entities report to it directly).
 * A deployment step is complete when the world has reported the transmissions and every user its
 * rate; complete steps go to the per-step CSV in order (written off this actor's thread). Everything else
 * is kept in fixed-size histograms, so memory does not grow with the number of steps. It also counts the
 * ticks for progress and notes when deployment began.
 */
public final class Recorder extends AbstractBehavior<Recorder.Command> {

    /** Recorder's protocol. */
    public sealed interface Command extends CborSerializable permits Records, Finish, GiveUp {
    }

    /**
     * The books close with what has arrived, {@link #PATIENCE} after {@link Finish} on the real clock: there
     * a measurement from another node can be lost (a transport queue overflowing), and a run must end.
     */
    public record GiveUp() implements Command {
    }

    /** How long the recorder waits, once asked to finish, for steps and latency reports still on their way. */
    static final java.time.Duration PATIENCE = java.time.Duration.ofSeconds(10);

    /** What an entity measured while handling one input. */
    public record Records(List<Measurement> measurements) implements Command {
    }

    /**
     * Reply once every step is recorded and, from every AP still alive, as many latency reports as it
     * says it sent ({@code latencyReports[m]}; they come from other nodes). {@code realClock}: give up
     * waiting after {@link #PATIENCE} (in virtual time nothing is lost, and waiting keeps results exact).
     */
    public record Finish(ActorRef<Results> replyTo, long[] latencyReports, boolean realClock) implements Command {
    }

    /**
     * What losing a cluster node cost: its entities, the first deployment step affected, the first step
     * the cloud's assignment left them out ({@code -1}: never, e.g. the cloud itself was lost), and over
     * that window the steps, unserved user-steps and fallback transmissions.
     */
    public record Outage(String node, java.util.List<String> entities, long lostAtStep, long reassignedAtStep,
                         long windowSteps, long unservedUserSteps, long fallbacks) implements CborSerializable {
    }

    /**
     * Everything the run measured. {@code deploymentWallStartNanos} is the {@code System.nanoTime()} at which
     * deployment began (after any emulated training), {@code deploymentVirtualStart} its run time in ns;
     * {@code latencyBreakdown} the protocol latency's parts ({@link LatencyParts}), whose means add up to
     * {@code latencyMeanUs}.
     */
    public record Results(long steps, double meanMinRate, double meanSumRate, double p5MinRate, double p50MinRate,
                          double p95MinRate, double p50SumRate, double meanUnserved, long fallbacks,
                          long latencySamples, long late, double latencyMeanUs, double latencyP50Us,
                          double latencyP99Us, double latencyMaxUs, long[] latencyCdfNanos,
                          java.util.List<BreakdownStats.Part> latencyBreakdown, java.util.List<Outage> outages,
                          long deploymentWallStartNanos, long deploymentVirtualStart)
            implements CborSerializable {
    }

    /**
     * An outage being measured. Its bounds may become known after some of its steps were recorded (the
     * real clock puts steps on the air before a loss is detected): those steps are counted from the ring
     * of recent steps.
     */
    private static final class Window {
        final String node;
        final java.util.TreeSet<String> entities = new java.util.TreeSet<>();
        long lostAt;
        long reassignedAt = -1;
        long steps;
        long unservedUserSteps;
        long fallbacks;

        Window(String node, long lostAt) {
            this.node = node;
            this.lostAt = lostAt;
        }

        boolean covers(long step) {
            return step >= lostAt && (reassignedAt < 0 || step < reassignedAt);
        }
    }

    /** Unserved users and fallbacks of the last RING recorded steps, for windows known late. */
    private static final int RING = 1 << 16;
    private final int[] ringUnserved = new int[RING];
    private final int[] ringFallbacks = new int[RING];

    /** Adds ({@code sign} 1) or removes (-1) recorded step {@code s} from window {@code w}, if still in the ring. */
    private void count(Window w, long s, int sign) {
        if (s < 0 || s < recorded - RING || s >= recorded) {
            return;
        }
        int i = (int) (s % RING);
        w.steps += sign;
        w.unservedUserSteps += (long) sign * ringUnserved[i];
        w.fallbacks += (long) sign * ringFallbacks[i];
    }

    private static final class Step {
        Measurement.OnAir air;
        final double[] rates;
        final boolean[] served;
        int reported;

        Step(int nUser) {
            rates = new double[nUser];
            served = new boolean[nUser];
        }
    }

    private final int nUser;
    private final long total;
    private final AsyncLines<String> csv;
    private final String sweepValue;
    private final long seed;
    private final String protocol;
    private final String qnn;
    private final AtomicLong progress;
    private long deploymentWallStart;
    private long deploymentVirtualStart = -1;
    private final TreeMap<Long, Step> pending = new TreeMap<>();
    private final DoubleHistogram minRates = new DoubleHistogram(1_000_000_000L, 3);
    private final DoubleHistogram sumRates = new DoubleHistogram(1_000_000_000L, 3);
    private final Histogram latency = new Histogram(1, 30L * 24 * 3600 * 1_000_000_000L, 3); // up to 30 days: a slow QPU
    private long recorded;
    private double minSum;
    private double sumSum;
    private long unserved;
    private long fallbacks;
    private long late;
    private long latencySum;
    private final BreakdownStats breakdown = new BreakdownStats(LatencyParts.NAMES);
    private ActorRef<Results> waiting;
    private long[] expectedReports;
    private final java.util.Map<Integer, Long> latencyReports = new java.util.HashMap<>();
    private final java.util.Map<String, Window> outages = new java.util.TreeMap<>();

    /** Where a run's steps go and how it is named there. */
    public record Setup(int nUser, long deploymentSteps, AsyncLines<String> csv, String sweepValue, long seed,
                        String protocol, String qnn, AtomicLong progress) {
    }

    private boolean gaveUp;

    private Recorder(ActorContext<Command> ctx, Setup s) {
        super(ctx);
        this.nUser = s.nUser();
        this.total = s.deploymentSteps();
        this.csv = s.csv();
        this.sweepValue = s.sweepValue();
        this.seed = s.seed();
        this.protocol = s.protocol();
        this.qnn = s.qnn();
        this.progress = s.progress();
        this.deploymentWallStart = System.nanoTime();
    }

    /** Columns of the per-step CSV ({@code minRate}, {@code sumRate} as in {@code cfqnn compare}'s trials.csv). */
    public static final java.util.List<String> COLUMNS = java.util.List.of("sweep", "seed", "protocol", "qnn", "step", "timeUs",
            "minRate", "sumRate", "unserved", "fallbacks", "assignment");

    public static Behavior<Command> create(Setup setup) {
        return Behaviors.setup(ctx -> new Recorder(ctx, setup));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Records.class, r -> {
                    r.measurements().forEach(this::record);
                    return this;
                })
                .onMessage(Finish.class, f -> {
                    waiting = f.replyTo();
                    expectedReports = f.latencyReports();
                    if (f.realClock()) {
                        getContext().scheduleOnce(PATIENCE, getContext().getSelf(), new GiveUp());
                    }
                    reply();
                    return this;
                })
                .onMessage(GiveUp.class, g -> {
                    if (waiting != null) {
                        getContext().getLog().warn("{} of {} steps recorded and latency reports missing {} after "
                                + "finishing: closing the books with what arrived", recorded, total, PATIENCE);
                        gaveUp = true;
                        reply();
                    }
                    return this;
                })
                .build();
    }

    private void record(Measurement m) {
        if (m instanceof Measurement.OnAir a) {
            step(a.step()).air = a;
            drain();
        } else if (m instanceof Measurement.UserRate u) {
            Step s = step(u.step());
            s.rates[u.user()] = u.rate();
            s.served[u.user()] = u.served();
            s.reported++;
            drain();
        } else if (m instanceof Measurement.Latency l) {
            latency.recordValue(Math.max(1, l.nanos()));
            latencySum += l.nanos();
            for (int i = 0; i < LatencyParts.NAMES.size(); i++) {
                breakdown.add(LatencyParts.NAMES.get(i), l.parts().part(i));
            }
            breakdown.endSample();
            late += l.onTime() ? 0 : 1;
            latencyReports.merge(l.ap(), 1L, Long::sum);
            reply();
        } else if (m instanceof Measurement.Lost l) {
            lost(l);
        } else if (m instanceof Measurement.Reassigned r) {
            reassigned(r);
        } else if (m instanceof Measurement.Tick t) {
            progress.incrementAndGet();
            if (t.deployment() && deploymentVirtualStart < 0) {
                deploymentWallStart = System.nanoTime();
                deploymentVirtualStart = t.at();
            }
        } else {
            throw new IllegalStateException("unknown measurement " + m);
        }
    }

    private void lost(Measurement.Lost l) {
        Window w = outages.get(l.node());
        long countedFrom = recorded; // steps from here on are counted as they are recorded
        if (w == null) {
            w = new Window(l.node(), l.step());
            outages.put(l.node(), w);
        } else {
            countedFrom = Math.max(w.lostAt, 0);
        }
        w.entities.add(l.address().toString());
        long from = Math.min(w.lostAt, l.step());
        w.lostAt = from;
        for (long step = Math.max(from, 0); step < countedFrom; step++) {
            if (w.covers(step)) {
                count(w, step, 1);
            }
        }
    }

    private void reassigned(Measurement.Reassigned r) {
        for (Window w : outages.values()) {
            if (w.reassignedAt < 0 && r.step() >= w.lostAt && w.entities.stream().anyMatch(e -> e.startsWith("ap-"))) {
                for (long step = r.step(); step < recorded; step++) {
                    count(w, step, -1); // counted while the window was open
                }
                w.reassignedAt = r.step();
            }
        }
    }

    private Step step(long s) {
        return pending.computeIfAbsent(s, k -> new Step(nUser));
    }

    /** Writes complete steps in order. */
    private void drain() {
        while (!pending.isEmpty() && pending.firstKey() == recorded) {
            Step s = pending.firstEntry().getValue();
            if (s.air == null || s.reported < nUser) {
                return;
            }
            pending.pollFirstEntry();
            double min = Double.POSITIVE_INFINITY;
            double sum = 0;
            int notServed = 0;
            for (int k = 0; k < nUser; k++) {
                min = Math.min(min, s.rates[k]);
                sum += s.rates[k];
                notServed += s.served[k] ? 0 : 1;
            }
            minRates.recordValue(min);
            sumRates.recordValue(sum);
            minSum += min;
            sumSum += sum;
            unserved += notServed;
            fallbacks += s.air.fallbacks();
            int slot = (int) (recorded % RING);
            ringUnserved[slot] = notServed;
            ringFallbacks[slot] = s.air.fallbacks();
            csv.write(Csv.line(sweepValue, seed, protocol, qnn, recorded, s.air.at() / 1000.0, min, sum, notServed,
                    s.air.fallbacks(), java.util.Arrays.toString(s.air.assignment()).replace(" ", "")));
            recorded++;
            for (Window w : outages.values()) {
                if (w.covers(recorded - 1)) {
                    count(w, recorded - 1, 1);
                }
            }
        }
        reply();
    }

    private void reply() {
        if (waiting == null || (recorded < total && !gaveUp)) {
            return;
        }
        for (int m = 0; m < expectedReports.length && !gaveUp; m++) {
            if (latencyReports.getOrDefault(m, 0L) < expectedReports[m]) {
                return; // still on its way from another node
            }
        }
        long[] cdf = new long[101];
        for (int p = 0; p <= 100; p++) {
            cdf[p] = latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(p);
        }
        waiting.tell(new Results(recorded, minSum / recorded, sumSum / recorded, minRates.getValueAtPercentile(5),
                minRates.getValueAtPercentile(50), minRates.getValueAtPercentile(95), sumRates.getValueAtPercentile(50),
                (double) unserved / recorded, fallbacks, latency.getTotalCount(), late,
                latency.getTotalCount() == 0 ? 0 : latencySum / 1e3 / latency.getTotalCount(),
                latency.getValueAtPercentile(50) / 1e3, latency.getValueAtPercentile(99) / 1e3,
                latency.getMaxValue() / 1e3, cdf, breakdown.parts(), outages.values().stream().map(w -> new Outage(w.node,
                        java.util.List.copyOf(w.entities), w.lostAt, w.reassignedAt, w.steps, w.unservedUserSteps,
                        w.fallbacks)).toList(), deploymentWallStart, Math.max(deploymentVirtualStart, 0)));
        waiting = null;
    }
}
