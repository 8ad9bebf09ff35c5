package org.cfqnn.emulator.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.cfqnn.emulator.CborSerializable;
import org.cfqnn.emulator.record.TraceWriter;
import org.cfqnn.protocol.Address;
import org.cfqnn.protocol.Link;
import org.cfqnn.protocol.Lookahead;
import org.cfqnn.protocol.Notice;
import org.cfqnn.protocol.Plan;
import org.cfqnn.scenario.EmulatorSettings.LinkSettings;

/**
 * The run's clock across nodes, on the world node: it starts every node's {@link Network} once all are
 * ready, and in virtual time advances them together by windowed conservative synchronization.
 *
 * <p>After each round every node reports the messages its entities sent to other nodes and how soon it
 * could next make anything arrive at another node (its earliest output time, from the protocol's
 * lookahead: {@link Lookahead}). The next window ends at the earliest of these times: before it, nothing
 * can arrive anywhere that is not already known, so every node delivers all its events before that end at
 * once, with local acknowledgements only. One round (the window's messages and bounds, one report per node)
 * replaces an acknowledgement across nodes per message. Where a node can reach another at the very
 * instant of its next event (a pilot on the air at a step's start), the nodes deliver that instant one
 * wave at a time; a node whose earliest output time alone ends a window may deliver the first wave at its
 * end within the same round ({@link #soleFirst}). This is conservative time-window synchronization with
 * lookahead in the manner of YAWNS (Nicol 1993) and Chandy-Misra (Fujimoto 2000, ch. 3); its rounds give
 * the same event order as one JVM, so the results are the same, bit for bit. Trace lines of a round are
 * merged in that order.
 *
 * <p>In real time there are no rounds: nodes send each other messages directly; the coordinator writes
 * their trace lines. It also watches the nodes: when one is gone, the world and the cloud are told.
 */
public final class Coordinator extends AbstractBehavior<Coordinator.Command> {

    /** Coordinator's protocol. */
    public sealed interface Command extends CborSerializable permits NodeReady, Start, Reached, WorldFinished,
            EntityGone, NodeGone, Lines, Close, Carried {
    }

    /** Node {@code node}'s network is ready: every entity it hosts has registered. */
    public record NodeReady(String node, ActorRef<NetworkCommand> network, List<Address> entities) implements Command {
    }

    /** Start the clock with these events at t = 0, once every node is ready. Local only. */
    public record Start(List<NetworkCommand.Initial> events) implements Command, NoSerializationVerificationNeeded {
    }

    /**
     * Node {@code node} delivered everything it was allowed to: what it sent to other nodes, its trace lines,
     * its earliest output time {@code eot} and next event time {@code next} ({@link Lookahead#NEVER}: none),
     * its clock {@code now}, and when this left it ({@link WallClock}).
     */
    public record Reached(String node, List<NetworkCommand.Arrival> outgoing, List<Traced> lines, long eot, long next,
                          long now, long wallSentMicros) implements Command {
    }

    /** A trace line with its place in the order of one JVM: time, wave at that time, sender ordinal and sequence. */
    public record Traced(long time, int wave, int ordinal, long seq, TraceWriter.Line line) implements CborSerializable {
    }

    /**
     * The world put the last step on the air at {@code at}: the run ends once every event due at or before
     * that instant is delivered (the users' last receptions), wherever it is.
     */
    public record WorldFinished(long at) implements Command {
    }

    /** Entity {@code address} on node {@code node} stopped before the run was over. */
    public record EntityGone(Address address, String node, long at, long wallMicros) implements Command {
    }

    /** Death watch (local): node {@code node}'s network is gone. */
    public record NodeGone(String node) implements Command, NoSerializationVerificationNeeded {
    }

    /** Real time: trace lines from another node. */
    public record Lines(List<TraceWriter.Line> lines) implements Command {
    }

    /** The run is over: reply with what every node's network carried. Local only. */
    public record Close(ActorRef<Traffic> replyTo) implements Command, NoSerializationVerificationNeeded {
    }

    /** A node network's traffic, through a local adapter. */
    public record Carried(Traffic traffic) implements Command, NoSerializationVerificationNeeded {
    }

    /** What the coordinator tells the run. */
    public sealed interface Report extends CborSerializable permits Idle, Lost, Finished {
    }

    /** The virtual clock has nothing left to deliver anywhere. */
    public record Idle(long at) implements Report {
    }

    /** Entity {@code address} on {@code node} was lost at run time {@code at} ns ({@code wallMicros}: {@link WallClock}). */
    public record Lost(Address address, String node, long at, long wallMicros) implements Report {
    }

    /** The world put the run's last step on the air. */
    public record Finished(long at) implements Report {
    }

    /** A run's coordinator: virtual or real time, the nodes it waits for, the links, where the trace goes. */
    public record Setup(Plan plan, Map<Link, LinkSettings> links, TraceWriter trace, Set<String> nodes) {
    }

    /** What the coordinator knows of one node between rounds. */
    private static final class NodeState {
        final ActorRef<NetworkCommand> network;
        final List<NetworkCommand.Arrival> incoming = new ArrayList<>();
        Lookahead.Links leaving;
        long eot = Lookahead.NEVER;
        long next = Lookahead.NEVER;

        NodeState(ActorRef<NetworkCommand> network) {
            this.network = network;
        }
    }

    private final Setup setup;
    private final boolean virtual;
    private final ActorRef<Report> report;
    private final Map<String, NodeState> nodes = new LinkedHashMap<>();
    private final Map<Address, String> placement = new HashMap<>();
    private final Set<String> waiting = new HashSet<>();
    private final List<Traced> lines = new ArrayList<>();
    private final Traffic.Counter hops = new Traffic.Counter();
    private Start start;
    private boolean running;
    private boolean streaming;
    private long now;
    private long ownSeq;
    private long lastWaveTime = -1;
    private int lastWave;
    private long rounds;
    private String endingNode; // the node allowed to end this round's window with a wave at its end, if any
    private long atEnd = -1;
    private List<Traffic> carried;
    private ActorRef<Traffic> closeReply;
    private WorldFinished finish; // the run's end, once the world is done
    private boolean ended;

    private Coordinator(ActorContext<Command> ctx, Setup setup, ActorRef<Report> report) {
        super(ctx);
        this.setup = setup;
        this.virtual = !setup.plan().realClock();
        this.report = report;
    }

    public static Behavior<Command> create(Setup setup, ActorRef<Report> report) {
        return Behaviors.setup(ctx -> new Coordinator(ctx, setup, report));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(NodeReady.class, this::onNodeReady)
                .onMessage(Start.class, s -> {
                    start = s;
                    return tryStart();
                })
                .onMessage(Reached.class, this::onReached)
                .onMessage(WorldFinished.class, this::onWorldFinished)
                .onMessage(EntityGone.class, g -> {
                    lose(g.address(), g.node(), g.wallMicros());
                    return this;
                })
                .onMessage(NodeGone.class, this::onNodeGone)
                .onMessage(Lines.class, l -> {
                    l.lines().forEach(setup.trace()::write);
                    return this;
                })
                .onMessage(Close.class, this::onClose)
                .onMessage(Carried.class, this::onCarried)
                .build();
    }

    private Behavior<Command> onNodeReady(NodeReady r) {
        nodes.put(r.node(), new NodeState(r.network()));
        r.entities().forEach(a -> placement.put(a, r.node()));
        getContext().watchWith(r.network(), new NodeGone(r.node()));
        return tryStart();
    }

    /** Once every node is ready and the run has said go: the directory to everyone, the initial events out. */
    private Behavior<Command> tryStart() {
        if (running || start == null || !nodes.keySet().containsAll(setup.nodes())) {
            return this;
        }
        running = true;
        streaming = virtual && nodes.size() == 1;
        List<Placement.Entry> entries = new ArrayList<>();
        placement.forEach((a, n) -> entries.add(new Placement.Entry(a, n)));
        Placement p = new Placement(entries);
        List<NetworkCommand.Peer> peers = new ArrayList<>();
        nodes.forEach((n, s) -> peers.add(new NetworkCommand.Peer(n, s.network)));
        long startMicros = WallClock.micros();
        for (Map.Entry<String, NodeState> e : nodes.entrySet()) {
            e.getValue().leaving = Placement.links(e.getKey(), placement, setup.links());
            e.getValue().network.tell(new NetworkCommand.Directory(p, peers, streaming, startMicros));
        }
        for (NetworkCommand.Initial i : start.events()) {
            long seq = ownSeq++;
            route(new NetworkCommand.Arrival(i.to(), i.event(), 0, Network.OWN_ORDINAL, seq, -1 - seq, null));
        }
        if (virtual) {
            round();
        } else {
            flushIncoming();
        }
        return this;
    }

    /** An event goes to its entity's node (dropped if that node is gone). */
    private void route(NetworkCommand.Arrival a) {
        NodeState s = nodes.get(placement.get(a.to()));
        if (s != null) {
            s.incoming.add(a);
        }
    }

    /** Real time: what is waiting for each node goes there at once. */
    private void flushIncoming() {
        for (NodeState s : nodes.values()) {
            if (!s.incoming.isEmpty()) {
                s.network.tell(new NetworkCommand.Incoming(List.copyOf(s.incoming), 0));
                s.incoming.clear();
            }
        }
    }

    /**
     * The end of the run. In virtual time the nodes go on delivering what is due up to that instant, and
     * nothing later, so the last outputs and the trace are those of one JVM; then the run is finished.
     */
    private Behavior<Command> onWorldFinished(WorldFinished f) {
        finish = f;
        if (!virtual) {
            end();
        } else if (waiting.isEmpty() && running) {
            round();
        }
        return this;
    }

    private void end() {
        writeLines();
        if (!ended) {
            ended = true;
            report.tell(new Finished(finish.at()));
        }
    }

    /** The round's trace lines in the order of one JVM; none after the run's end. */
    private void writeLines() {
        lines.sort(Comparator.comparingLong(Traced::time).thenComparingInt(Traced::wave)
                .thenComparingInt(Traced::ordinal).thenComparingLong(Traced::seq));
        for (Traced t : lines) {
            if (finish == null || t.time() <= finish.at()) {
                setup.trace().write(t.line());
            }
        }
        lines.clear();
    }

    private Behavior<Command> onReached(Reached r) {
        NodeState s = nodes.get(r.node());
        if (s == null || !waiting.remove(r.node())) {
            return this; // from a node already written off
        }
        if (!streaming && r.wallSentMicros() > 0) {
            hops.hop(true, WallClock.micros() - r.wallSentMicros());
        }
        s.eot = r.eot();
        s.next = r.next();
        if (r.node().equals(endingNode) && r.now() == atEnd) { // it delivered the first wave at the window's end
            lastWave = 1;
            lastWaveTime = atEnd;
        }
        now = Math.max(now, r.now());
        r.outgoing().forEach(this::route);
        lines.addAll(r.lines());
        if (waiting.isEmpty()) {
            round();
        }
        return this;
    }

    /**
     * Every node has reported: write the round's trace lines in the order of one JVM, then let the nodes
     * advance to the earliest time any of them could reach another: a window, or a single wave.
     */
    private void round() {
        writeLines();
        long bound = Lookahead.NEVER;
        long next = Lookahead.NEVER;
        for (NodeState s : nodes.values()) {
            long eot = s.eot;
            long first = s.next;
            for (NetworkCommand.Arrival a : s.incoming) {
                eot = Math.min(eot, Network.plus(a.time(), Lookahead.of(a.to().role(), a.event(), setup.plan(),
                        s.leaving)));
                first = Math.min(first, a.time());
            }
            bound = Math.min(bound, eot);
            next = Math.min(next, first);
            s.eot = eot; // until the node reports again
            s.next = first;
        }
        if (finish != null) {
            if (next > finish.at()) {
                end();
                return;
            }
            bound = Math.min(bound, finish.at() + 1); // nothing after the end
        } else if (next == Lookahead.NEVER) {
            report.tell(new Idle(now));
            return;
        }
        rounds++;
        boolean wave = bound <= next; // some node can reach another at the very instant of the next event
        String ending = wave || finish != null ? null : soleFirst(bound);
        atEnd = ending == null ? -1 : bound;
        endingNode = ending;
        for (Map.Entry<String, NodeState> e : nodes.entrySet()) {
            NodeState s = e.getValue();
            boolean ends = e.getKey().equals(ending);
            boolean work = wave ? s.next == next : s.next < bound || ends && s.next == bound;
            if (!work && s.incoming.isEmpty()) {
                continue;
            }
            waiting.add(e.getKey());
            s.network.tell(new NetworkCommand.Advance(wave ? next : bound, wave ? next : -1, ends, lastWaveTime,
                    lastWave, List.copyOf(s.incoming)));
            s.incoming.clear();
        }
        if (wave) { // the nodes number this wave after the last one at this instant
            lastWave = next == lastWaveTime ? lastWave + 1 : 1;
            lastWaveTime = next;
        }
    }

    /**
     * The node that may also deliver the first wave at the window's end (its transmissions, or the world's
     * next step), saving the round of a wave of its own: its earliest output time alone sets that end, and
     * every other node has nothing due until after it. Then nothing can reach it at that instant but what
     * it causes itself, and the first wave there is its own alone, as in one JVM (the other nodes hold no
     * event at or before it, so they create none either). Null otherwise.
     */
    private String soleFirst(long bound) {
        String first = null;
        for (Map.Entry<String, NodeState> e : nodes.entrySet()) {
            if (e.getValue().eot <= bound) {
                if (first != null) {
                    return null;
                }
                first = e.getKey();
            }
        }
        for (Map.Entry<String, NodeState> e : nodes.entrySet()) {
            if (!e.getKey().equals(first) && e.getValue().next <= bound) {
                return null; // its events at that instant belong to the same first wave
            }
        }
        return first;
    }

    private Behavior<Command> onNodeGone(NodeGone g) {
        NodeState s = nodes.remove(g.node());
        if (s == null) {
            return this;
        }
        long wall = WallClock.micros();
        List<Address> gone = new ArrayList<>();
        placement.forEach((a, n) -> {
            if (n.equals(g.node())) {
                gone.add(a);
            }
        });
        gone.sort(Comparator.naturalOrder());
        for (Address a : gone) {
            lose(a, g.node(), wall);
        }
        if (closeReply != null) {
            reply();
        }
        if (waiting.remove(g.node()) && waiting.isEmpty() && virtual) {
            round();
        }
        return this;
    }

    /** An entity is lost: the run is told, and the world and the cloud learn of it now. */
    private void lose(Address a, String node, long wallMicros) {
        if (closeReply != null || carried != null) {
            return; // the run is over: nodes stopping now are no loss
        }
        report.tell(new Lost(a, node, now, wallMicros));
        placement.remove(a);
        for (Address to : List.of(Address.WORLD, Address.CLOUD)) {
            if (!to.equals(a) && placement.containsKey(to)) {
                long seq = ownSeq++;
                route(new NetworkCommand.Arrival(to, new Notice.EntityLost(a, node), now, Network.OWN_ORDINAL, seq,
                        -1 - seq, null));
            }
        }
        if (!virtual) {
            flushIncoming();
        } else if (waiting.isEmpty() && running) {
            round();
        }
    }

    private Behavior<Command> onClose(Close c) {
        closeReply = c.replyTo();
        carried = new ArrayList<>();
        ActorRef<Traffic> adapter = getContext().messageAdapter(Traffic.class, Carried::new);
        for (NodeState s : nodes.values()) {
            s.network.tell(new NetworkCommand.Close(adapter));
        }
        reply();
        return this;
    }

    private Behavior<Command> onCarried(Carried c) {
        carried.add(c.traffic());
        reply();
        return this;
    }

    /** Once every live node has said what it carried: the sum, with the rounds and the cross-node hops. */
    private void reply() {
        if (closeReply == null || carried.size() < nodes.size()) {
            return;
        }
        Traffic hopTraffic = hops.snapshot();
        closeReply.tell(Traffic.sum(carried, hopTraffic.crossNodeHops(), rounds));
        closeReply = null;
    }
}
