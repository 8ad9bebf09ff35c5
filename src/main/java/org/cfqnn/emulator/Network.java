package org.cfqnn.emulator;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
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
 * before its ack), then advances. The order never depends on thread timing, so a seed reproduces a run
 * exactly, as fast as the machine allows.
 *
 * <p><b>Real time</b> uses the same link model and schedules deliveries on the wall clock.
 *
 * <p>Either way it records every message in the trace and counts messages and bytes.
 */
public final class Network extends AbstractBehavior<NetworkCommand> {

    /** Told when the virtual clock has nothing left to deliver. */
    public record Idle(long at) implements CborSerializable {
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
                          int bytes, String link, long id, long cause) {
    }

    private final boolean virtual;
    private final int nAp;
    private final LinkModel links;
    private final TraceSink trace;
    private final TrafficStats stats;
    private final ActorRef<Idle> idle;
    private final Map<String, ActorRef<Deliver>> entities = new HashMap<>();
    private final PriorityQueue<Pending> queue = new PriorityQueue<>();
    private final long wallStart = System.nanoTime();
    private long now;
    private int outstanding;
    private long lastFlushedStep = -1;

    private Network(ActorContext<NetworkCommand> ctx, boolean virtual, int nAp, LinkModel links, TraceSink trace,
                    TrafficStats stats, ActorRef<Idle> idle) {
        super(ctx);
        this.virtual = virtual;
        this.nAp = nAp;
        this.links = links;
        this.trace = trace;
        this.stats = stats;
        this.idle = idle;
    }

    public static Behavior<NetworkCommand> create(boolean virtual, int nAp, LinkModel links, TraceSink trace,
                                                  TrafficStats stats, ActorRef<Idle> idle) {
        return Behaviors.setup(ctx -> new Network(ctx, virtual, nAp, links, trace, stats, idle));
    }

    @Override
    public Receive<NetworkCommand> createReceive() {
        return newReceiveBuilder()
                .onMessage(NetworkCommand.Register.class, this::onRegister)
                .onMessage(NetworkCommand.Send.class, this::onSend)
                .onMessage(NetworkCommand.Schedule.class, this::onSchedule)
                .onMessage(NetworkCommand.Ack.class, this::onAck)
                .onMessage(NetworkCommand.Start.class, this::onStart)
                .build();
    }

    private Behavior<NetworkCommand> onRegister(NetworkCommand.Register r) {
        entities.put(r.address(), r.ref());
        return this;
    }

    private long clock() {
        return virtual ? now : System.nanoTime() - wallStart;
    }

    private static long eventId(int ordinal, long seq) {
        return ((long) ordinal << 40) | seq;
    }

    private Behavior<NetworkCommand> onStart(NetworkCommand.Start s) {
        long seq = 0;
        for (NetworkCommand.Initial i : s.events()) {
            enqueue(new Pending(0, -1, seq, i.to(), new Deliver(i.event(), 0, -1 - seq), null), 0);
            seq++;
        }
        if (virtual) {
            advance();
        }
        return this;
    }

    private Behavior<NetworkCommand> onSend(NetworkCommand.Send s) {
        long sent = clock() + s.processingDelay();
        String link = Addresses.link(s.from(), s.to());
        Wire m = s.message();
        int toOrdinal = Addresses.ordinal(s.to(), nAp);
        long arrive = links.arrival(link, s.fromOrdinal(), toOrdinal, sent, m.sizeBytes());
        long id = eventId(s.fromOrdinal(), s.seq());
        stats.count(m, link, arrive < 0);
        Traced t = new Traced(sent, arrive, m.step(), phase(m), s.from(), s.to(), m.getClass().getSimpleName(),
                m.sizeBytes(), link, id, s.cause());
        if (arrive < 0) { // lost: traced at the time it would have left, never delivered
            enqueue(new Pending(sent, s.fromOrdinal(), s.seq(), null, null, t), 0);
        } else {
            enqueue(new Pending(arrive, s.fromOrdinal(), s.seq(), s.to(), new Deliver(m, arrive, id), t),
                    arrive - clock());
        }
        return this;
    }

    private Behavior<NetworkCommand> onSchedule(NetworkCommand.Schedule s) {
        long at = clock() + s.delay();
        enqueue(new Pending(at, s.fromOrdinal(), s.seq(), s.from(),
                new Deliver(s.event(), at, eventId(s.fromOrdinal(), s.seq())), null), s.delay());
        return this;
    }

    private Behavior<NetworkCommand> onAck(NetworkCommand.Ack a) {
        if (virtual) {
            outstanding--;
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
        if (p.traced() != null) {
            write(p.traced());
        }
        if (p.to() == null) {
            return;
        }
        ActorRef<Deliver> ref = entities.get(p.to());
        if (ref == null) {
            return; // entity stopped: the run is over
        }
        Deliver d = new Deliver(p.deliver().event(), clock() + Math.max(delay, 0), p.deliver().id());
        if (delay <= 0) {
            ref.tell(d);
        } else {
            getContext().scheduleOnce(Duration.ofNanos(delay), ref, d);
        }
    }

    /** Virtual time: delivers the next same-time batch once every delivery so far is acknowledged. */
    private void advance() {
        while (outstanding == 0 && !queue.isEmpty()) {
            long t = queue.peek().time();
            now = t;
            while (!queue.isEmpty() && queue.peek().time() == t) {
                Pending p = queue.poll();
                if (p.traced() != null) {
                    write(p.traced());
                }
                if (p.to() == null) {
                    continue; // lost
                }
                ActorRef<Deliver> ref = entities.get(p.to());
                if (ref != null) {
                    outstanding++;
                    ref.tell(p.deliver());
                }
            }
        }
        if (outstanding == 0 && queue.isEmpty()) {
            trace.flush();
            idle.tell(new Idle(now));
        }
    }

    private void write(Traced t) {
        if (t.step() != lastFlushedStep) {
            trace.flush(); // a step's messages are on disk before the next step's begin
            lastFlushedStep = t.step();
        }
        trace.message(t.sent(), t.arrive(), System.nanoTime() - wallStart, t.step(), t.phase(), t.from(), t.to(),
                t.type(), t.bytes(), t.link(), t.id(), t.cause());
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
