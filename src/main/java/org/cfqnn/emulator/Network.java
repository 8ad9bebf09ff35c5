package org.cfqnn.emulator;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The links between entities and the clock of the run.
 *
 * <p><b>Virtual time</b> is a conservative discrete-event simulation: every message and timer is an
 * event in one queue ordered by (time, sender ordinal, sender sequence number); the network delivers
 * the earliest batch of same-time events (in parallel: different actors), waits until every recipient
 * has acknowledged (Pekko keeps each sender's messages in order, so all sends an event caused arrive
 * before its ack), then advances. The order never depends on thread timing or on which cluster node an
 * entity lives, so a seed reproduces a run exactly, as fast as the machines allow.
 *
 * <p><b>Real time</b> uses the same link model and schedules deliveries on the wall clock, with a timer
 * thread of its own ({@link WallTimer}).
 *
 * <p>Either way it records every message in the trace and counts messages and bytes. It watches every
 * entity: one that stops before the run is over (its cluster node was killed and removed) is lost: its
 * unacknowledged deliveries no longer hold the clock, messages to it are dropped, and the world and the
 * cloud are told ({@link Timers.EntityLost}), as cluster membership would tell them.
 */
public final class Network extends AbstractBehavior<NetworkCommand> {

    /** What the network tells the run. */
    public sealed interface Report extends CborSerializable permits Idle, Lost {
    }

    /** The virtual clock has nothing left to deliver. */
    public record Idle(long at) implements Report {
    }

    /** Entity {@code address} on {@code node} was lost at run time {@code at} ns ({@code wallMicros}: {@link WallClock}). */
    public record Lost(String address, String node, long at, long wallMicros) implements Report {
    }

    private record Pending(long time, int ordinal, long seq, String to, Deliver deliver, Traced traced)
            implements Comparable<Pending> {
        @Override
        public int compareTo(Pending o) {
            if (time != o.time) {
                return Long.compare(time, o.time);
            }
            if (ordinal != o.ordinal) {
                return Integer.compare(ordinal, o.ordinal);
            }
            return Long.compare(seq, o.seq);
        }
    }

    /** What the trace needs of a message (null for timers). */
    private record Traced(long sent, long arrive, long step, String phase, String from, String to, String type,
                          int bytes, String link, long id, long cause, String fromNode, String toNode) {
        Traced undelivered() {
            return new Traced(sent, -1, step, phase, from, to, type, bytes, link, id, cause, fromNode, toNode);
        }
    }

    /** The network's own events (initial events, loss notices) sort before every entity's at the same time. */
    private static final int OWN_ORDINAL = -1;

    private final boolean virtual;
    private final int nAp;
    private final LinkModel links;
    private final TraceSink trace;
    private final TrafficStats stats;
    private final ActorRef<Report> report;
    private final String node;
    private final Set<String> expected;
    private final Map<String, ActorRef<Deliver>> entities = new HashMap<>();
    private final Map<String, String> nodes = new HashMap<>();
    private final Map<String, Integer> unacked = new HashMap<>();
    private final Set<String> lost = new HashSet<>();
    private final PriorityQueue<Pending> queue = new PriorityQueue<>();
    private final long wallStart = System.nanoTime();
    private NetworkCommand.Start waitingStart;
    private WallTimer timer; // real time only
    private boolean closed;
    private long ownSeq;
    private long now;
    private int outstanding;
    private long lastFlushedStep = -1;

    private Network(ActorContext<NetworkCommand> ctx, boolean virtual, int nAp, LinkModel links, TraceSink trace,
                    TrafficStats stats, ActorRef<Report> report, String node, Set<String> expected) {
        super(ctx);
        this.virtual = virtual;
        this.nAp = nAp;
        this.links = links;
        this.trace = trace;
        this.stats = stats;
        this.report = report;
        this.node = node;
        this.expected = expected;
    }

    /**
     * A network on cluster node {@code node} that starts the clock once every address in {@code expected}
     * has registered.
     */
    public static Behavior<NetworkCommand> create(boolean virtual, int nAp, LinkModel links, TraceSink trace,
                                                  TrafficStats stats, ActorRef<Report> report, String node,
                                                  Set<String> expected) {
        return Behaviors.setup(ctx -> new Network(ctx, virtual, nAp, links, trace, stats, report, node, expected));
    }

    @Override
    public Receive<NetworkCommand> createReceive() {
        return newReceiveBuilder()
                .onMessage(NetworkCommand.Register.class, this::onRegister)
                .onMessage(NetworkCommand.Send.class, this::onSend)
                .onMessage(NetworkCommand.Schedule.class, this::onSchedule)
                .onMessage(NetworkCommand.Ack.class, this::onAck)
                .onMessage(NetworkCommand.Start.class, this::onStart)
                .onMessage(NetworkCommand.EntityStopped.class, this::onEntityStopped)
                .onMessage(NetworkCommand.Dispatch.class, this::onDispatch)
                .onMessage(NetworkCommand.Close.class, c -> {
                    closed = true;
                    return this;
                })
                .onSignal(PostStop.class, s -> {
                    if (timer != null) {
                        timer.close();
                    }
                    return this;
                })
                .build();
    }

    private Behavior<NetworkCommand> onRegister(NetworkCommand.Register r) {
        entities.put(r.address(), r.ref());
        nodes.put(r.address(), r.node());
        getContext().watchWith(r.ref(), new NetworkCommand.EntityStopped(r.address()));
        if (waitingStart != null && entities.keySet().containsAll(expected)) {
            NetworkCommand.Start s = waitingStart;
            waitingStart = null;
            onStart(s);
        }
        return this;
    }

    private long clock() {
        return virtual ? now : System.nanoTime() - wallStart;
    }

    private static long eventId(int ordinal, long seq) {
        return ((long) ordinal << 40) | seq;
    }

    private Behavior<NetworkCommand> onStart(NetworkCommand.Start s) {
        if (!entities.keySet().containsAll(expected)) {
            waitingStart = s; // entities on other nodes are still registering
            return this;
        }
        for (NetworkCommand.Initial i : s.events()) {
            long seq = ownSeq++;
            enqueue(new Pending(0, OWN_ORDINAL, seq, i.to(), new Deliver(i.event(), 0, -1 - seq), null), 0);
        }
        if (virtual) {
            advance();
        }
        return this;
    }

    private boolean crossNode(String address) {
        return !node.equals(nodes.getOrDefault(address, node));
    }

    private Behavior<NetworkCommand> onSend(NetworkCommand.Send s) {
        if (s.wallSentMicros() > 0) {
            stats.hop(crossNode(s.from()), WallClock.micros() - s.wallSentMicros());
        }
        long sent = clock() + s.processingDelay();
        String link = Addresses.link(s.from(), s.to());
        Wire m = s.message();
        int toOrdinal = Addresses.ordinal(s.to(), nAp);
        long arrive = links.arrival(link, s.fromOrdinal(), toOrdinal, sent, m.sizeBytes());
        long id = eventId(s.fromOrdinal(), s.seq());
        stats.count(m, link, arrive < 0);
        Traced t = new Traced(sent, arrive, m.step(), phase(m), s.from(), s.to(), m.getClass().getSimpleName(),
                m.sizeBytes(), link, id, s.cause(), nodes.getOrDefault(s.from(), "?"), nodes.getOrDefault(s.to(), "?"));
        if (arrive < 0) { // lost: traced at the time it would have left, never delivered
            enqueue(new Pending(sent, s.fromOrdinal(), s.seq(), null, null, t), 0);
        } else {
            enqueue(new Pending(arrive, s.fromOrdinal(), s.seq(), s.to(), new Deliver(m, arrive, id), t),
                    arrive - clock());
        }
        return this;
    }

    private Behavior<NetworkCommand> onSchedule(NetworkCommand.Schedule s) {
        long at = virtual ? now + s.delay() : Math.max(clock(), s.base() + s.delay());
        enqueue(new Pending(at, s.fromOrdinal(), s.seq(), s.from(),
                new Deliver(s.event(), at, eventId(s.fromOrdinal(), s.seq())), null), at - clock());
        return this;
    }

    private Behavior<NetworkCommand> onAck(NetworkCommand.Ack a) {
        if (lost.contains(a.from())) {
            return this; // its deliveries were written off when it was lost
        }
        if (a.hopMicros() >= 0) {
            stats.hop(crossNode(a.from()), a.hopMicros());
        }
        if (virtual) {
            unacked.merge(a.from(), -1, Integer::sum);
            outstanding--;
            advance();
        }
        return this;
    }

    private Behavior<NetworkCommand> onEntityStopped(NetworkCommand.EntityStopped s) {
        String address = s.address();
        if (closed || !lost.add(address)) {
            return this;
        }
        entities.remove(address);
        Integer held = unacked.remove(address);
        outstanding -= held == null ? 0 : held;
        String where = nodes.getOrDefault(address, "?");
        report.tell(new Lost(address, where, clock(), WallClock.micros()));
        for (String to : List.of(Addresses.WORLD, Addresses.CLOUD)) {
            if (entities.containsKey(to)) {
                long seq = ownSeq++;
                enqueue(new Pending(clock(), OWN_ORDINAL, seq, to,
                        new Deliver(new Timers.EntityLost(address, where), clock(), -1 - seq), null), 0);
            }
        }
        if (virtual) {
            advance();
        }
        return this;
    }

    private void enqueue(Pending p, long delay) {
        if (virtual) {
            queue.add(p);
            return;
        }
        // real time: trace when sent, deliver after the delay on the wall clock
        ActorRef<Deliver> ref = p.to() == null ? null : entities.get(p.to());
        if (p.traced() != null) {
            write(ref == null && p.to() != null ? p.traced().undelivered() : p.traced());
        }
        if (ref == null) {
            return; // lost on the link, or the entity is gone
        }
        Deliver d = new Deliver(p.deliver().event(), clock() + Math.max(delay, 0), p.deliver().id(), -1);
        if (delay <= 0) {
            ref.tell(stamped(d));
        } else {
            // a timer thread of our own: Pekko's scheduler ticks every millisecond, this one wakes within tens of
            // microseconds; the delivery comes back through us so it is stamped when it leaves
            ActorRef<NetworkCommand> self = getContext().getSelf();
            NetworkCommand.Dispatch dispatch = new NetworkCommand.Dispatch(p.to(), d);
            timer().schedule(() -> self.tell(dispatch), delay);
        }
    }

    private WallTimer timer() {
        if (timer == null) {
            timer = new WallTimer();
        }
        return timer;
    }

    private Behavior<NetworkCommand> onDispatch(NetworkCommand.Dispatch d) {
        ActorRef<Deliver> ref = entities.get(d.to());
        if (ref != null) {
            ref.tell(stamped(d.deliver()));
        }
        return this;
    }

    private static Deliver stamped(Deliver d) {
        return new Deliver(d.event(), d.at(), d.id(), WallClock.micros());
    }

    /** Virtual time: delivers the next same-time batch once every delivery so far is acknowledged. */
    private void advance() {
        while (outstanding == 0 && !queue.isEmpty()) {
            long t = queue.peek().time();
            now = t;
            while (!queue.isEmpty() && queue.peek().time() == t) {
                Pending p = queue.poll();
                ActorRef<Deliver> ref = p.to() == null ? null : entities.get(p.to());
                if (p.traced() != null) {
                    write(ref == null && p.to() != null ? p.traced().undelivered() : p.traced());
                }
                if (ref != null) {
                    outstanding++;
                    unacked.merge(p.to(), 1, Integer::sum);
                    ref.tell(stamped(p.deliver()));
                }
            }
        }
        if (outstanding == 0 && queue.isEmpty()) {
            trace.flush();
            report.tell(new Idle(now));
        }
    }

    private void write(Traced t) {
        if (t.step() != lastFlushedStep) {
            trace.flush(); // a step's messages are on disk before the next step's begin
            lastFlushedStep = t.step();
        }
        trace.message(t.sent(), t.arrive(), System.nanoTime() - wallStart, t.step(), t.phase(), t.from(), t.to(),
                t.type(), t.bytes(), t.link(), t.id(), t.cause(), t.fromNode(), t.toNode());
    }

    static String phase(Wire m) {
        if (m instanceof Wire.Pilot p) {
            return p.deployment() ? "deployment" : "edge-training";
        }
        if (m instanceof Wire.Csi c) {
            return c.deployment() ? "deployment" : "edge-training";
        }
        if (m instanceof Wire.Assignment a) {
            return a.deployment() ? "deployment" : "edge-training";
        }
        if (m instanceof Wire.TrainingData || m instanceof Wire.CloudReady) {
            return "cloud-training";
        }
        return "deployment";
    }
}
