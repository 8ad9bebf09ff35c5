package org.cfqnn.emulator.network;

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
import org.cfqnn.emulator.CborSerializable;
import org.cfqnn.emulator.Deliver;
import org.cfqnn.emulator.record.TraceWriter;
import org.cfqnn.protocol.Address;
import org.cfqnn.protocol.Link;
import org.cfqnn.protocol.Message;
import org.cfqnn.protocol.Notice;

/**
 * The links between entities and the clock of the run.
 *
 * <p><b>Virtual time</b> is a conservative discrete-event simulation: every message and timer is an
 * event in one queue ordered by (time, sender ordinal, sender sequence number); the network delivers the
 * earliest batch of same-time events (in parallel: different actors), waits until every recipient has
 * said it handled its delivery (one {@link NetworkCommand.Handled} carries what it caused and the
 * acknowledgement), then advances. The order never depends on thread timing or on which cluster node an
 * entity lives, so a seed reproduces a run exactly, as fast as the machines allow.
 *
 * <p><b>Real time</b> uses the same link model and schedules deliveries on the wall clock, with a timer
 * thread of its own ({@link WallTimer}).
 *
 * <p>Either way it traces every message ({@link TraceWriter}, written off this actor's thread) and counts
 * messages and bytes. It watches every entity: one that stops before the run is over (its cluster node was
 * killed and removed) is lost: its unacknowledged deliveries no longer hold the clock, messages to it are
 * dropped, and the world and the cloud are told ({@link Notice.EntityLost}), as cluster membership would.
 */
public final class Network extends AbstractBehavior<NetworkCommand> {

    /** What the network tells the run. */
    public sealed interface Report extends CborSerializable permits Idle, Lost, Finished {
    }

    /** The world put the run's last step on the air (reported once its sends are counted and queued). */
    public record Finished(long at) implements Report {
    }

    /** The virtual clock has nothing left to deliver. */
    public record Idle(long at) implements Report {
    }

    /** Entity {@code address} on {@code node} was lost at run time {@code at} ns ({@code wallMicros}: {@link WallClock}). */
    public record Lost(Address address, String node, long at, long wallMicros) implements Report {
    }

    /** How a run's network is set up: its clock, size, phases and where its trace goes. */
    public record Setup(boolean virtual, int nAp, int edgeTrainingTicks, LinkModel links, TraceWriter trace,
                        String node, Set<Address> expected) {
    }

    private record Pending(long time, int ordinal, long seq, Address to, Deliver deliver, TraceWriter.Line traced)
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

    /** The network's own events (initial events, loss notices) sort before every entity's at the same time. */
    private static final int OWN_ORDINAL = -1;

    private final Setup setup;
    private final Traffic.Counter traffic = new Traffic.Counter();
    private final ActorRef<Report> report;
    private final Map<Address, ActorRef<Deliver>> entities = new HashMap<>();
    private final Map<Address, String> nodes = new HashMap<>();
    private final Map<Address, Integer> unacked = new HashMap<>();
    private final Set<Address> lost = new HashSet<>();
    private final PriorityQueue<Pending> queue = new PriorityQueue<>();
    private final long wallStart = System.nanoTime();
    private NetworkCommand.Start waitingStart;
    private WallTimer timer; // real time only
    private boolean closed;
    private long ownSeq;
    private long now;
    private int outstanding;

    private Network(ActorContext<NetworkCommand> ctx, Setup setup, ActorRef<Report> report) {
        super(ctx);
        this.setup = setup;
        this.report = report;
    }

    /** A run's network; it starts the clock once every expected entity has registered. */
    public static Behavior<NetworkCommand> create(Setup setup, ActorRef<Report> report) {
        return Behaviors.setup(ctx -> new Network(ctx, setup, report));
    }

    @Override
    public Receive<NetworkCommand> createReceive() {
        return newReceiveBuilder()
                .onMessage(NetworkCommand.Register.class, this::onRegister)
                .onMessage(NetworkCommand.Handled.class, this::onHandled)
                .onMessage(NetworkCommand.Start.class, this::onStart)
                .onMessage(NetworkCommand.EntityStopped.class, this::onEntityStopped)
                .onMessage(NetworkCommand.Dispatch.class, this::onDispatch)
                .onMessage(NetworkCommand.Close.class, c -> {
                    closed = true;
                    c.replyTo().tell(traffic.snapshot());
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
        if (waitingStart != null && entities.keySet().containsAll(setup.expected())) {
            NetworkCommand.Start s = waitingStart;
            waitingStart = null;
            onStart(s);
        }
        return this;
    }

    private long clock() {
        return setup.virtual() ? now : System.nanoTime() - wallStart;
    }

    private static long eventId(int ordinal, long seq) {
        return ((long) ordinal << 40) | seq;
    }

    private Behavior<NetworkCommand> onStart(NetworkCommand.Start s) {
        if (!entities.keySet().containsAll(setup.expected())) {
            waitingStart = s; // entities on other nodes are still registering
            return this;
        }
        for (NetworkCommand.Initial i : s.events()) {
            long seq = ownSeq++;
            enqueue(new Pending(0, OWN_ORDINAL, seq, i.to(), new Deliver(i.event(), 0, -1 - seq), null), 0);
        }
        if (setup.virtual()) {
            advance();
        }
        return this;
    }

    private boolean crossNode(Address address) {
        return !setup.node().equals(nodes.getOrDefault(address, setup.node()));
    }

    /** An entity handled a delivery: its sends and timers join the queue, and the clock may advance. */
    private Behavior<NetworkCommand> onHandled(NetworkCommand.Handled h) {
        if (lost.contains(h.from())) {
            return this; // its deliveries were written off when it was lost
        }
        boolean cross = crossNode(h.from());
        if (h.deliveryHopMicros() >= 0) {
            traffic.hop(cross, h.deliveryHopMicros());
        }
        if (h.wallSentMicros() > 0) {
            traffic.hop(cross, WallClock.micros() - h.wallSentMicros());
        }
        int from = h.from().ordinal(setup.nAp());
        for (NetworkCommand.Out o : h.sends()) {
            send(h.from(), from, o);
        }
        for (NetworkCommand.Later l : h.timers()) {
            long at = setup.virtual() ? now + l.delay() : Math.max(clock(), h.base() + l.delay());
            enqueue(new Pending(at, from, l.seq(), h.from(), new Deliver(l.timer(), at, eventId(from, l.seq())), null),
                    at - clock());
        }
        if (h.finished()) {
            report.tell(new Finished(clock()));
        }
        if (h.ack() && setup.virtual()) {
            unacked.merge(h.from(), -1, Integer::sum);
            outstanding--;
            advance();
        }
        return this;
    }

    private void send(Address fromAddress, int from, NetworkCommand.Out o) {
        long sent = clock() + o.computeNanos();
        Link link = Link.between(fromAddress, o.to());
        Message m = o.message();
        LinkModel.Arrival a = setup.links().arrival(link, from, o.to().ordinal(setup.nAp()), sent, m.sizeBytes());
        long id = eventId(from, o.seq());
        String phase = phase(m);
        traffic.count(phase, m.type(), m.sizeBytes(), a == null);
        TraceWriter.Line t = traced(fromAddress, o, sent, a, link, id, phase);
        if (a == null) { // lost: traced at the time it would have left, never delivered
            enqueue(new Pending(sent, from, o.seq(), null, null, t), 0);
        } else {
            enqueue(new Pending(a.time(), from, o.seq(), o.to(), new Deliver(m, a.time(), id), t), a.time() - clock());
        }
    }

    /** What the trace records of a message, or null when the trace does not want it. */
    private TraceWriter.Line traced(Address from, NetworkCommand.Out o, long sent, LinkModel.Arrival a, Link link,
                                    long id, String phase) {
        Message m = o.message();
        long step = phase.equals("deployment") ? m.step() - setup.edgeTrainingTicks()
                : phase.equals("edge-training") ? m.step() : 0;
        if (!setup.trace().wants(phase, step)) {
            return null;
        }
        return new TraceWriter.Line(sent, a == null ? -1 : a.time(), step, phase, from, o.to(), m.type(), m.sizeBytes(),
                link, id, o.cause(), nodes.getOrDefault(from, "?"), nodes.getOrDefault(o.to(), "?"), o.computeNanos(),
                a == null ? 0 : a.latency(), a == null ? 0 : a.jitter(), a == null ? 0 : a.serialization(),
                a == null ? 0 : a.queueing(), 0, "");
    }

    private Behavior<NetworkCommand> onEntityStopped(NetworkCommand.EntityStopped s) {
        Address address = s.address();
        if (closed || !lost.add(address)) {
            return this;
        }
        entities.remove(address);
        Integer held = unacked.remove(address);
        outstanding -= held == null ? 0 : held;
        String where = nodes.getOrDefault(address, "?");
        report.tell(new Lost(address, where, clock(), WallClock.micros()));
        for (Address to : List.of(Address.WORLD, Address.CLOUD)) {
            if (entities.containsKey(to)) {
                long seq = ownSeq++;
                enqueue(new Pending(clock(), OWN_ORDINAL, seq, to,
                        new Deliver(new Notice.EntityLost(address, where), clock(), -1 - seq), null), 0);
            }
        }
        if (setup.virtual()) {
            advance();
        }
        return this;
    }

    private void enqueue(Pending p, long delay) {
        if (setup.virtual()) {
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
            report.tell(new Idle(now));
        }
    }

    private void write(TraceWriter.Line t) {
        setup.trace().write(t, System.nanoTime() - wallStart);
    }

    /** The phase a message belongs to: cloud training, edge training or deployment. */
    static String phase(Message m) {
        if (m instanceof Message.Pilot p) {
            return p.deployment() ? "deployment" : "edge-training";
        }
        if (m instanceof Message.Csi c) {
            return c.deployment() ? "deployment" : "edge-training";
        }
        if (m instanceof Message.Assignment a) {
            return a.deployment() ? "deployment" : "edge-training";
        }
        if (m instanceof Message.TrainingData || m instanceof Message.CloudReady) {
            return "cloud-training";
        }
        return "deployment";
    }
}
