package org.cfqnn.emulator.network;

import java.util.ArrayList;
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
import org.cfqnn.emulator.Deliver;
import org.cfqnn.emulator.record.TraceWriter;
import org.cfqnn.protocol.Address;
import org.cfqnn.protocol.LatencyParts;
import org.cfqnn.protocol.Link;
import org.cfqnn.protocol.Lookahead;
import org.cfqnn.protocol.Measurement;
import org.cfqnn.protocol.Message;
import org.cfqnn.protocol.Plan;
import org.cfqnn.scenario.EmulatorSettings.LinkSettings;

/**
 * A node's share of the emulated network: the clock and the links of the entities that live on one
 * cluster node (in one JVM, of all of them). It applies the link model to what its entities send, traces
 * and counts every message, and delivers what is due to its entities.
 *
 * <p><b>Virtual time</b> is a conservative discrete-event simulation. Events wait in a queue ordered by
 * (time, sender ordinal, sender sequence number); the network delivers the earliest batch of same-time
 * events (a wave; a batch caused by a wave at the same time is the next wave) to its entities in parallel,
 * waits until every one has answered with what it caused ({@link NetworkCommand.Handled}, which also
 * acknowledges), then goes on. The run's {@link Coordinator} says how far it may go: every event before the
 * end of a window, in which nothing can arrive from another node (the lookahead of the protocol, {@link
 * Lookahead}), or one wave at an instant when other nodes may send at that same instant. Messages for
 * entities on other nodes wait for the window's end and travel with the report. The order of events never
 * depends on thread timing or on where an entity lives, so a seed reproduces a run exactly, in one JVM or
 * across nodes.
 *
 * <p><b>Real time</b> uses the same link model and delivers on the wall clock with a timer thread of its
 * own ({@link WallTimer}); a message for another node goes straight to that node's network (one hop),
 * which delivers it at its arrival time.
 *
 * <p>It watches its entities: one that stops before the run is over is lost; the coordinator tells the
 * world and the cloud.
 *
 * <p>Latency chains ({@link LatencyParts}): a message on an AP's chain leaves with the parts its sender
 * accounted for and arrives with its link's parts added. The trace line of a message an AP may measure its
 * latency on waits for the AP's answer and carries what it measured: in virtual time every line of a batch
 * waits until the batch is answered (a single node writes them then, in delivery order; across nodes they go
 * with the window's report, as before), in real time only those lines wait.
 */
public final class Network extends AbstractBehavior<NetworkCommand> {

    /** How a node's network is set up for one run. */
    public record Setup(String node, Plan plan, Map<Link, LinkSettings> links, TraceWriter trace,
                        Set<Address> expected, ActorRef<Coordinator.Command> coordinator) {
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
    static final int OWN_ORDINAL = -1;

    private final Setup setup;
    private final boolean virtual;
    private final int nAp;
    private final LinkModel links;
    private final Traffic.Counter traffic = new Traffic.Counter();
    private final Map<Address, ActorRef<Deliver>> entities = new HashMap<>();
    private final Map<Address, Integer> unacked = new HashMap<>();
    private final Set<Address> lost = new HashSet<>();
    private final PriorityQueue<Pending> queue = new PriorityQueue<>();
    private final List<NetworkCommand.Arrival> outgoing = new ArrayList<>();
    private final List<Coordinator.Traced> lines = new ArrayList<>(); // virtual time: the window's trace lines
    private final Map<Long, TraceWriter.Line> unanswered = new HashMap<>(); // real time: lines awaiting their AP
    private Map<Address, String> nodes = Map.of();
    private Map<String, ActorRef<NetworkCommand>> peers = Map.of();
    private Lookahead.Links leaving;
    private boolean streaming;
    private final Lookahead.Links allLinks; // every link's smallest delay, for windows within this node
    private long horizon = Long.MAX_VALUE; // virtual time: the world's last instant, once it is known
    private long startMicros;
    private WallTimer timer; // real time only
    private boolean closed;
    private boolean reported;
    private long now;
    private long windowEnd = -1;
    private long waveTime = -1;
    private boolean waveDelivered = true;
    private boolean waveAtEnd; // the window may end with the first wave at its end
    private long lastTime = -1;
    private int lastWave;
    private long globalWaveTime = -1;
    private int globalWave;
    private int outstanding;

    private Network(ActorContext<NetworkCommand> ctx, Setup setup) {
        super(ctx);
        this.setup = setup;
        this.virtual = !setup.plan().realClock();
        this.nAp = setup.plan().nAp();
        this.links = new LinkModel(setup.links(), setup.plan().seed().split("links"));
        this.allLinks = (link, from, to) -> {
            LinkSettings l = setup.links().get(link);
            return l == null ? 0 : l.latency();
        };
    }

    public static Behavior<NetworkCommand> create(Setup setup) {
        return Behaviors.setup(ctx -> new Network(ctx, setup));
    }

    @Override
    public Receive<NetworkCommand> createReceive() {
        return newReceiveBuilder()
                .onMessage(NetworkCommand.Register.class, this::onRegister)
                .onMessage(NetworkCommand.Directory.class, this::onDirectory)
                .onMessage(NetworkCommand.Handled.class, this::onHandled)
                .onMessage(NetworkCommand.Advance.class, this::onAdvance)
                .onMessage(NetworkCommand.Incoming.class, this::onIncoming)
                .onMessage(NetworkCommand.EntityStopped.class, this::onEntityStopped)
                .onMessage(NetworkCommand.Dispatch.class, this::onDispatch)
                .onMessage(NetworkCommand.Close.class, c -> {
                    closed = true;
                    unanswered.values().forEach(l -> write(l, 0, 0, 0, 0)); // no AP answer will come in this run
                    unanswered.clear();
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
        getContext().watchWith(r.ref(), new NetworkCommand.EntityStopped(r.address()));
        if (entities.keySet().containsAll(setup.expected()) && !reported) {
            reported = true;
            setup.coordinator().tell(new Coordinator.NodeReady(setup.node(), getContext().getSelf(),
                    List.copyOf(entities.keySet())));
        }
        return this;
    }

    private Behavior<NetworkCommand> onDirectory(NetworkCommand.Directory d) {
        nodes = d.placement().nodes();
        Map<String, ActorRef<NetworkCommand>> p = new HashMap<>();
        d.peers().forEach(x -> p.put(x.node(), x.network()));
        peers = p;
        streaming = d.streaming();
        startMicros = d.startMicros();
        leaving = Placement.links(setup.node(), nodes, setup.links());
        return this;
    }

    private long clock() {
        return virtual ? now : (WallClock.micros() - startMicros) * 1000;
    }

    private static long eventId(int ordinal, long seq) {
        return ((long) ordinal << 40) | seq;
    }

    private boolean local(Address a) {
        return setup.node().equals(nodes.getOrDefault(a, setup.node()));
    }

    /** An entity handled a delivery: what it sent and scheduled joins the queue; the clock may go on. */
    private Behavior<NetworkCommand> onHandled(NetworkCommand.Handled h) {
        if (lost.contains(h.from())) {
            return this; // its deliveries were written off when it was lost
        }
        if (h.deliveryHopMicros() >= 0) {
            traffic.hop(false, h.deliveryHopMicros());
        }
        if (h.wallSentMicros() > 0) {
            traffic.hop(false, WallClock.micros() - h.wallSentMicros());
        }
        int from = h.from().ordinal(nAp);
        // virtual time: relative to the event handled (a window delivers several instants at once)
        long base = virtual ? h.base() : clock();
        for (NetworkCommand.Out o : h.sends()) {
            send(h.from(), from, o, base);
        }
        for (NetworkCommand.Later l : h.timers()) {
            if (l.cancels()) { // in real time the timer fires anyway, as the no-op it has become
                if (virtual) {
                    queue.removeIf(p -> h.from().equals(p.to()) && l.timer().equals(p.deliver().event()));
                }
                continue;
            }
            long at = virtual ? h.base() + l.delay() : Math.max(clock(), h.base() + l.delay());
            enqueue(new Pending(at, from, l.seq(), h.from(), new Deliver(l.timer(), at, eventId(from, l.seq())), null));
        }
        if (h.delivery() >= 0) {
            answered(h.delivery(), h.base(), h.latency());
        }
        if (h.finished()) {
            setup.coordinator().tell(new Coordinator.WorldFinished(base));
            horizon = base; // nothing after the world's last instant is delivered here
        }
        if (h.ack() && virtual) {
            unacked.merge(h.from(), -1, Integer::sum);
            outstanding--;
            pump();
        }
        return this;
    }

    private void send(Address fromAddress, int from, NetworkCommand.Out o, long base) {
        long sent = base + o.computeNanos();
        Link link = Link.between(fromAddress, o.to());
        Message m = o.message();
        LinkModel.Arrival a = links.arrival(link, from, o.to().ordinal(nAp), sent, m.sizeBytes());
        long id = eventId(from, o.seq());
        String phase = phase(m);
        traffic.count(phase, m.type(), m.sizeBytes(), a == null);
        TraceWriter.Line t = traced(fromAddress, o, sent, a, link, id, phase);
        LatencyParts chain = a == null || o.chain() == null ? null
                : o.chain().afterLink(a.latency(), a.jitter(), a.serialization(), a.queueing());
        if (a == null) { // lost: traced at the time it would have left, never delivered
            enqueue(new Pending(sent, from, o.seq(), null, null, t));
        } else if (local(o.to())) {
            enqueue(new Pending(a.time(), from, o.seq(), o.to(), new Deliver(m, a.time(), id, -1, chain), t));
        } else { // real time: a line awaiting its AP's answer is written where the AP is
            boolean carried = virtual || (t != null && t.mayBeMeasured());
            leave(new NetworkCommand.Arrival(o.to(), m, a.time(), from, o.seq(), id, carried && wanted(t) ? t : null,
                    chain), t);
        }
    }

    /** A message for another node: with the window's report (virtual time), or straight there (real time). */
    private void leave(NetworkCommand.Arrival a, TraceWriter.Line t) {
        if (virtual) {
            if (a.time() < windowEnd) {
                throw new IllegalStateException("lookahead violated: " + a.event().getClass().getSimpleName() + " to "
                        + a.to() + " arrives at " + a.time() + " ns, inside the window ending at " + windowEnd + " ns");
            }
            outgoing.add(a); // its trace line travels with it: the receiving node writes it when it delivers it
            return;
        }
        if (t != null && a.traced() == null) {
            write(t, a.time(), 0, a.ordinal(), a.seq());
        }
        ActorRef<NetworkCommand> peer = peers.get(nodes.get(a.to()));
        if (peer != null) {
            peer.tell(new NetworkCommand.Incoming(List.of(a), WallClock.micros()));
        }
    }

    /** What the trace records of a message, or null when nothing is traced. */
    private TraceWriter.Line traced(Address from, NetworkCommand.Out o, long sent, LinkModel.Arrival a, Link link,
                                    long id, String phase) {
        Message m = o.message();
        int e = setup.plan().edgeTrainingTicks();
        long step = phase.equals("deployment") ? m.step() - e : phase.equals("edge-training") ? m.step() : 0;
        if (!setup.trace().enabled()) {
            return null; // when tracing, every line: the writer's thread picks those it writes (TraceWriter.write)
        }
        return new TraceWriter.Line(sent, a == null ? -1 : a.time(), step, phase, from, o.to(), m.type(), m.sizeBytes(),
                link, id, o.cause(), setup.node(), nodes.getOrDefault(o.to(), setup.node()), o.compute(),
                a == null ? 0 : a.latency(), a == null ? 0 : a.jitter(), a == null ? 0 : a.serialization(),
                a == null ? 0 : a.queueing(), 0);
    }

    private Behavior<NetworkCommand> onAdvance(NetworkCommand.Advance a) {
        for (NetworkCommand.Arrival x : a.incoming()) {
            arrive(x);
        }
        windowEnd = a.end();
        waveTime = a.waveTime();
        waveDelivered = false;
        waveAtEnd = a.waveAtEnd();
        globalWaveTime = a.lastWaveTime();
        globalWave = a.lastWave();
        pump();
        return this;
    }

    /** An event from another node joins the queue, with its trace line (virtual time). */
    private void arrive(NetworkCommand.Arrival x) {
        enqueue(new Pending(x.time(), x.ordinal(), x.seq(), x.to(), new Deliver(x.event(), x.time(), x.id(), -1,
                x.chain()), x.traced()));
    }

    private Behavior<NetworkCommand> onIncoming(NetworkCommand.Incoming in) {
        if (in.wallSentMicros() > 0) {
            traffic.hop(true, WallClock.micros() - in.wallSentMicros()); // straight from the sender's node
        }
        for (NetworkCommand.Arrival x : in.arrivals()) {
            arrive(x);
        }
        return this;
    }

    private Behavior<NetworkCommand> onEntityStopped(NetworkCommand.EntityStopped s) {
        if (closed || !lost.add(s.address())) {
            return this;
        }
        entities.remove(s.address());
        Integer held = unacked.remove(s.address());
        outstanding -= held == null ? 0 : held;
        setup.coordinator().tell(new Coordinator.EntityGone(s.address(), setup.node(), clock(), WallClock.micros()));
        if (virtual) {
            pump();
        }
        return this;
    }

    private void enqueue(Pending p) {
        if (virtual) {
            queue.add(p);
            return;
        }
        // real time: trace when sent (or when the AP has answered), deliver after the delay on the wall clock
        ActorRef<Deliver> ref = p.to() == null ? null : entities.get(p.to());
        if (p.traced() != null && ref != null && p.traced().mayBeMeasured()) {
            unanswered.put(p.deliver().id(), p.traced());
        } else if (p.traced() != null) {
            write(ref == null && p.to() != null ? p.traced().undelivered() : p.traced(), p.time(), 0, p.ordinal(),
                    p.seq());
        }
        if (ref == null) {
            return; // lost on the link, or the entity is gone
        }
        long delay = p.time() - clock();
        Deliver d = p.deliver().at(clock() + Math.max(delay, 0), -1);
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
        return d.at(d.at(), WallClock.micros());
    }

    /**
     * Virtual time: delivers batch after batch while the last is fully answered and the coordinator's
     * bound allows, then reports.
     */
    private void pump() {
        while (outstanding == 0 && windowEnd >= 0) {
            flushStreamed();
            if (waveTime >= 0) {
                if (waveDelivered) {
                    report();
                    return;
                }
                waveDelivered = true;
                deliverBatch(waveTime, waveNumber(waveTime));
            } else {
                if (queue.isEmpty() || queue.peek().time() >= windowEnd || queue.peek().time() > horizon) {
                    if (waveAtEndDue()) {
                        waveAtEnd = false;
                        deliverBatch(windowEnd, waveNumber(windowEnd));
                        continue;
                    }
                    report();
                    return;
                }
                deliverWindow();
            }
        }
    }

    /**
     * Whether the window's end may be delivered as its first wave now: granted, something is due then, and
     * nothing this window sent reaches another node at that instant (it would belong to the same wave there,
     * which that node delivers in a later round: the wave is left to a round of its own, numbered across nodes).
     */
    private boolean waveAtEndDue() {
        if (!waveAtEnd || queue.isEmpty() || queue.peek().time() != windowEnd || windowEnd > horizon) {
            return false;
        }
        for (NetworkCommand.Arrival a : outgoing) {
            if (a.time() == windowEnd) {
                return false;
            }
        }
        return true;
    }

    /**
     * Delivers the events due at the earliest queued instant, and with them every later event due before
     * anything they cause could happen ({@link Lookahead#local}), instant by instant, without waiting for
     * the answers in between: within one node, the same conservative rule as across nodes.
     */
    private void deliverWindow() {
        long end = Math.min(windowEnd, horizon == Long.MAX_VALUE ? Long.MAX_VALUE : horizon + 1);
        long t = queue.peek().time();
        long bound = plus(t, deliverBatch(t, waveNumber(t)));
        while (!queue.isEmpty() && queue.peek().time() < Math.min(bound, end)) {
            long next = queue.peek().time();
            bound = Math.min(bound, plus(next, deliverBatch(next, waveNumber(next))));
        }
    }

    /** The number of the next wave at {@code t}: after this node's last at t, or the network's last global one. */
    private int waveNumber(long t) {
        int after = 0;
        if (t == globalWaveTime) {
            after = globalWave;
        }
        if (t == lastTime) {
            after = Math.max(after, lastWave);
        }
        return after + 1;
    }

    /**
     * Delivers every queued event due at {@code t} as wave {@code wave} of that instant; returns how soon
     * after {@code t} any of them could cause a new event ({@link Lookahead#local}).
     */
    private long deliverBatch(long t, int wave) {
        now = t;
        lastTime = t;
        lastWave = wave;
        long quiet = Lookahead.NEVER;
        while (!queue.isEmpty() && queue.peek().time() == t) {
            Pending p = queue.poll();
            ActorRef<Deliver> ref = p.to() == null ? null : entities.get(p.to());
            if (p.traced() != null) {
                write(ref == null && p.to() != null ? p.traced().undelivered() : p.traced(), t, wave, p.ordinal(),
                        p.seq());
            }
            if (ref != null) {
                outstanding++;
                unacked.merge(p.to(), 1, Integer::sum);
                ref.tell(stamped(p.deliver()));
                quiet = Math.min(quiet, Lookahead.local(p.to().role(), p.deliver().event(), setup.plan(), allLinks));
            }
        }
        return quiet;
    }

    /** The window (or wave) is done: what left for other nodes, the trace lines, and how soon this node may reach them. */
    private void report() {
        long eot = Lookahead.NEVER;
        for (Pending p : queue) {
            if (p.to() != null) {
                eot = Math.min(eot, plus(p.time(), Lookahead.of(p.to().role(), p.deliver().event(), setup.plan(),
                        leaving)));
            }
        }
        long next = queue.isEmpty() ? Lookahead.NEVER : queue.peek().time();
        flushStreamed();
        List<Coordinator.Traced> written = new ArrayList<>(lines.size());
        for (Coordinator.Traced x : lines) {
            if (wanted(x.line())) { // only these cross to the world node
                written.add(x);
            }
        }
        setup.coordinator().tell(new Coordinator.Reached(setup.node(), List.copyOf(outgoing), written, eot,
                next, now, WallClock.micros()));
        outgoing.clear();
        lines.clear();
        windowEnd = -1;
        waveAtEnd = false;
    }

    static long plus(long time, long delay) {
        return delay == Lookahead.NEVER ? Lookahead.NEVER : time + delay;
    }

    /**
     * Traces a line: in virtual time with the window's report, keyed for the coordinator's merge (the only
     * node writes them itself once their batch is answered); in real time at once.
     */
    private void write(TraceWriter.Line t, long time, int wave, int ordinal, long seq) {
        TraceWriter.Line line = t.withWall((WallClock.micros() - startMicros) * 1000);
        if (!virtual) {
            writeNow(line);
            return;
        }
        lines.add(new Coordinator.Traced(time, wave, ordinal, seq, line));
    }

    /**
     * The only node writes its lines itself, in delivery order, once every delivery so far is answered (no
     * line can still take a latency): between batches, so they never pile up (one node runs as one window).
     */
    private void flushStreamed() {
        if (streaming && !lines.isEmpty()) {
            List<TraceWriter.Line> batch = new ArrayList<>(lines.size());
            for (Coordinator.Traced x : lines) {
                batch.add(x.line());
            }
            setup.trace().write(batch); // one hand-over per batch, not per line
            lines.clear();
        }
    }

    private void writeNow(TraceWriter.Line line) {
        if (setup.trace().local()) {
            setup.trace().write(line);
        } else if (wanted(line)) {
            setup.coordinator().tell(new Coordinator.Lines(List.of(line)));
        }
    }

    /** Whether the trace writes {@code line} (lines for other nodes are chosen before they travel). */
    private boolean wanted(TraceWriter.Line line) {
        return line != null && setup.trace().wants(line.phase(), line.step());
    }

    /**
     * An entity answered delivery {@code delivery}, handled at {@code at}: its trace line carries the latency
     * it measured on it, if any (virtual time: the line is among the window's, from {@code at} on; real time:
     * it waited for this answer).
     */
    private void answered(long delivery, long at, Measurement.Latency latency) {
        if (!virtual) {
            TraceWriter.Line l = unanswered.remove(delivery);
            if (l != null) {
                writeNow(latency == null ? l : l.withMeasured(latency));
            }
            return;
        }
        if (latency == null) {
            return;
        }
        for (int i = lines.size() - 1; i >= 0 && lines.get(i).time() >= at; i--) {
            Coordinator.Traced x = lines.get(i);
            if (x.line().id() == delivery) {
                lines.set(i, new Coordinator.Traced(x.time(), x.wave(), x.ordinal(), x.seq(),
                        x.line().withMeasured(latency)));
                return;
            }
        }
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
