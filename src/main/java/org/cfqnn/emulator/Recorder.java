package org.cfqnn.emulator;

import java.util.TreeMap;
import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.Histogram;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.cfqnn.report.CsvWriter;

/**
 * Collects the measurements of one run (not part of the protocol: entities report to it directly).
 * A deployment step is complete when the world has reported the transmissions and every user its
 * rate; complete steps are written to the per-step CSV in order and flushed at once. Everything else is
 * kept in fixed-size histograms, so memory does not grow with the number of steps.
 */
public final class Recorder extends AbstractBehavior<Recorder.Command> {

    /** Recorder's protocol. */
    public sealed interface Command extends CborSerializable permits AirOutcome, UserRate, Latency, EntityLost,
            Reassigned, Finish {
    }

    /** Deployment step {@code step}: when it was transmitted, how many APs fell back, the assignment used. */
    public record AirOutcome(long step, long at, int fallbacks, int[] assignment) implements Command {
    }

    /** User k's rate at deployment step {@code step}. */
    public record UserRate(long step, int user, double rate, boolean served) implements Command {
    }

    /** A precoder for deployment step {@code step} reached AP m after {@code nanos}, in time or not. */
    public record Latency(long step, int ap, long nanos, boolean onTime) implements Command {
    }

    /** World: {@code address} on cluster node {@code node} was lost; {@code step} is the first step it affects. */
    public record EntityLost(String address, String node, long step) implements Command {
    }

    /** Cloud: from deployment step {@code step} on, its assignments leave out the APs lost so far. */
    public record Reassigned(long step) implements Command {
    }

    /**
     * Reply once every step is recorded and, from every AP still alive, as many latency reports as it
     * says it sent ({@code latencyReports[m]}, -1: do not wait; they come from other nodes).
     */
    public record Finish(ActorRef<Results> replyTo, long[] latencyReports) implements Command {
    }

    /**
     * What losing a cluster node cost: its entities, the first deployment step affected, the first step
     * the cloud's assignment left them out ({@code -1}: never, e.g. the cloud itself was lost), and over
     * that window the steps, unserved user-steps and fallback transmissions.
     */
    public record Outage(String node, java.util.List<String> entities, long lostAtStep, long reassignedAtStep,
                         long windowSteps, long unservedUserSteps, long fallbacks) implements CborSerializable {
    }

    /** Everything the run measured. */
    public record Results(long steps, double meanMinRate, double meanSumRate, double p5MinRate, double p50MinRate,
                          double p95MinRate, double p50SumRate, double meanUnserved, long fallbacks,
                          long latencySamples, long late, double latencyP50Us, double latencyP99Us, double latencyMaxUs,
                          long[] latencyCdfNanos, java.util.List<Outage> outages) implements CborSerializable {
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
        AirOutcome air;
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
    private final CsvWriter csv;
    private final String sweepValue;
    private final String protocol;
    private final TreeMap<Long, Step> pending = new TreeMap<>();
    private final DoubleHistogram minRates = new DoubleHistogram(1_000_000_000L, 3);
    private final DoubleHistogram sumRates = new DoubleHistogram(1_000_000_000L, 3);
    private final Histogram latency = new Histogram(1, 3_600_000_000_000L, 3);
    private long recorded;
    private double minSum;
    private double sumSum;
    private long unserved;
    private long fallbacks;
    private long late;
    private ActorRef<Results> waiting;
    private long[] expectedReports;
    private final java.util.Map<Integer, Long> latencyReports = new java.util.HashMap<>();
    private final java.util.Map<String, Window> outages = new java.util.TreeMap<>();

    private Recorder(ActorContext<Command> ctx, int nUser, long total, CsvWriter csv, String sweepValue, String protocol) {
        super(ctx);
        this.nUser = nUser;
        this.total = total;
        this.csv = csv;
        this.sweepValue = sweepValue;
        this.protocol = protocol;
    }

    /** Columns of the per-step CSV. */
    public static final java.util.List<String> COLUMNS = java.util.List.of("sweep", "protocol", "step", "timeUs",
            "minRate", "sumRate", "unserved", "fallbacks", "assignment");

    public static Behavior<Command> create(int nUser, long deploymentSteps, CsvWriter csv, String sweepValue,
                                           String protocol) {
        return Behaviors.setup(ctx -> new Recorder(ctx, nUser, deploymentSteps, csv, sweepValue, protocol));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(AirOutcome.class, a -> {
                    step(a.step()).air = a;
                    drain();
                    return this;
                })
                .onMessage(UserRate.class, u -> {
                    Step s = step(u.step());
                    s.rates[u.user()] = u.rate();
                    s.served[u.user()] = u.served();
                    s.reported++;
                    drain();
                    return this;
                })
                .onMessage(Latency.class, l -> {
                    latency.recordValue(Math.max(1, l.nanos()));
                    late += l.onTime() ? 0 : 1;
                    latencyReports.merge(l.ap(), 1L, Long::sum);
                    reply();
                    return this;
                })
                .onMessage(EntityLost.class, l -> {
                    Window w = outages.get(l.node());
                    long countedFrom = recorded; // steps from here on are counted as they are recorded
                    if (w == null) {
                        w = new Window(l.node(), l.step());
                        outages.put(l.node(), w);
                    } else {
                        countedFrom = Math.max(w.lostAt, 0);
                    }
                    w.entities.add(l.address());
                    long from = Math.min(w.lostAt, l.step());
                    w.lostAt = from;
                    for (long step = Math.max(from, 0); step < countedFrom; step++) {
                        if (w.covers(step)) {
                            count(w, step, 1);
                        }
                    }
                    return this;
                })
                .onMessage(Reassigned.class, r -> {
                    for (Window w : outages.values()) {
                        if (w.reassignedAt < 0 && r.step() >= w.lostAt && w.entities.stream().anyMatch(e -> e.startsWith("ap-"))) {
                            for (long step = r.step(); step < recorded; step++) {
                                count(w, step, -1); // counted while the window was open
                            }
                            w.reassignedAt = r.step();
                        }
                    }
                    return this;
                })
                .onMessage(Finish.class, f -> {
                    waiting = f.replyTo();
                    expectedReports = f.latencyReports();
                    reply();
                    return this;
                })
                .build();
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
            csv.row(sweepValue, protocol, recorded, s.air.at() / 1000.0, min, sum, notServed, s.air.fallbacks(),
                    java.util.Arrays.toString(s.air.assignment()).replace(" ", ""));
            csv.flush();
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
        if (waiting == null || recorded < total) {
            return;
        }
        for (int m = 0; m < expectedReports.length; m++) {
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
                latency.getValueAtPercentile(50) / 1e3, latency.getValueAtPercentile(99) / 1e3,
                latency.getMaxValue() / 1e3, cdf, outages.values().stream().map(w -> new Outage(w.node,
                        java.util.List.copyOf(w.entities), w.lostAt, w.reassignedAt, w.steps, w.unservedUserSteps,
                        w.fallbacks)).toList()));
        waiting = null;
    }
}
