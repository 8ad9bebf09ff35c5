package org.cfqnn.emulator.network;

import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.cfqnn.emulator.CborSerializable;
import org.cfqnn.emulator.Deliver;
import org.cfqnn.emulator.record.TraceWriter;
import org.cfqnn.protocol.Address;
import org.cfqnn.protocol.Compute;
import org.cfqnn.protocol.Effects;
import org.cfqnn.protocol.Event;
import org.cfqnn.protocol.LatencyParts;
import org.cfqnn.protocol.Measurement;
import org.cfqnn.protocol.Message;
import org.cfqnn.protocol.Timer;

/**
 * What a node's network is told: by its entities (what they handled and what it caused), by the run's
 * coordinator (where everyone lives, how far to advance, messages from other nodes), by death watch.
 */
public sealed interface NetworkCommand extends CborSerializable {

    /** Entity {@code address}, hosted on cluster node {@code node}, receives deliveries at {@code ref}. */
    record Register(Address address, ActorRef<Deliver> ref, String node) implements NetworkCommand {
    }

    /**
     * A message leaving after {@code compute} (QPU queue, circuits, classical work), caused by event
     * {@code cause}; {@code seq} is the sender's own counter (it orders same-time events deterministically
     * and names the message); {@code chain}: the latency parts of the AP chain it continues as it leaves
     * (null: on none).
     */
    record Out(Address to, Message message, Compute compute, long cause, long seq, LatencyParts chain)
            implements CborSerializable {

        public Out(Address to, Message message, Compute compute, long cause, long seq) {
            this(to, message, compute, cause, seq, null);
        }

        /** How long after its cause the message leaves. */
        public long computeNanos() {
            return compute.total();
        }
    }

    /** A timer due {@code delay} ns after the event handled ({@link Effects#CANCEL}: withdraw it if pending). */
    record Later(long delay, Timer timer, long seq) implements CborSerializable {
        boolean cancels() {
            return delay == Effects.CANCEL;
        }
    }

    /**
     * Entity {@code from} handled a delivery at {@code base} (its time) and caused {@code sends} and
     * {@code timers}; {@code ack}: the delivery is done (the virtual clock waits for every acknowledgement);
     * {@code finished}: the world put the last step on the air. {@code deliveryHopMicros} is how long the
     * delivery took to reach the entity, {@code wallSentMicros} when this left it ({@link WallClock}; -1:
     * unknown): they measure the hops, not the emulated links. {@code delivery} is the id of the delivery
     * handled and {@code latency} the latency an AP measured on it (null: none), which its trace line carries.
     */
    record Handled(Address from, long base, List<Out> sends, List<Later> timers, boolean ack, boolean finished,
                   long deliveryHopMicros, long wallSentMicros, long delivery, Measurement.Latency latency)
            implements NetworkCommand {

        public Handled(Address from, long base, List<Out> sends, List<Later> timers, boolean ack, boolean finished,
                       long deliveryHopMicros, long wallSentMicros) {
            this(from, base, sends, timers, ack, finished, deliveryHopMicros, wallSentMicros, -1, null);
        }
    }

    /** An event for {@code to} at t = 0. */
    record Initial(Address to, Event event) implements CborSerializable {
    }

    /**
     * An event on its way to an entity on another node: due at {@code time}, ordered among same-time
     * events by its sender's {@code ordinal} and {@code seq}; {@code id} names it for causal tracing;
     * {@code traced} is its trace line (virtual time: written by the receiving node when it delivers it,
     * in the order one JVM would; real time: only a line that waits for its AP's answer), or null;
     * {@code chain} the latency parts it arrives with (null: on no chain).
     */
    record Arrival(Address to, Event event, long time, int ordinal, long seq, long id, TraceWriter.Line traced,
                   LatencyParts chain) implements CborSerializable {

        public Arrival(Address to, Event event, long time, int ordinal, long seq, long id, TraceWriter.Line traced) {
            this(to, event, time, ordinal, seq, id, traced, null);
        }
    }

    /** A node's network. */
    record Peer(String node, ActorRef<NetworkCommand> network) implements CborSerializable {
    }

    /**
     * From the coordinator, once every node is ready: where every entity lives and every node's network (for
     * direct hops in real time); {@code streaming}: this is the only node, so it writes its trace lines
     * directly; {@code startMicros}: the origin of the run's time on the wall clock ({@link WallClock}).
     */
    record Directory(Placement placement, List<Peer> peers, boolean streaming, long startMicros)
            implements NetworkCommand {
    }

    /**
     * Virtual time, from the coordinator: take {@code incoming} from other nodes, then deliver every event
     * before {@code end} (a window), or, when {@code waveTime >= 0}, exactly one wave of the events due at
     * {@code waveTime}. Waves at an instant are numbered across nodes: the last global wave was number
     * {@code lastWave} at {@code lastWaveTime} (it orders trace lines as one JVM writes them). With {@code
     * waveAtEnd}, a window ends with the first wave at {@code end} itself, unless something the window sent
     * arrives at another node at that instant (the coordinator grants it when no other node can reach this
     * one by then, nor holds an event by then).
     */
    record Advance(long end, long waveTime, boolean waveAtEnd, long lastWaveTime, int lastWave,
                   List<Arrival> incoming) implements NetworkCommand {
    }

    /** Real time: events from another node, delivered at their time. */
    /**
     * Events from another node, sent at {@code wallSentMicros} ({@link WallClock}; 0: unmeasured): on the real
     * clock the receiving network measures the cross-node hop with it.
     */
    record Incoming(List<Arrival> arrivals, long wallSentMicros) implements NetworkCommand {
    }

    /** The run is over: entities stopping now are not losses; reply with what this node's network carried. */
    record Close(ActorRef<Traffic> replyTo) implements NetworkCommand {
    }

    /** Death watch: the entity at {@code address} stopped. */
    record EntityStopped(Address address) implements NetworkCommand {
    }

    /** Real time: a delivery whose delay has passed. */
    record Dispatch(Address to, Deliver deliver) implements NetworkCommand {
    }
}
