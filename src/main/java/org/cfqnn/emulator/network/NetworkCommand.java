package org.cfqnn.emulator.network;

import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.cfqnn.emulator.CborSerializable;
import org.cfqnn.emulator.Deliver;
import org.cfqnn.protocol.Address;
import org.cfqnn.protocol.Event;
import org.cfqnn.protocol.Message;
import org.cfqnn.protocol.Timer;

/** What the network is told: by entities (what they handled and what it caused), by the run, by death watch. */
public sealed interface NetworkCommand extends CborSerializable {

    /** Entity {@code address}, hosted on cluster node {@code node}, receives deliveries at {@code ref}. */
    record Register(Address address, ActorRef<Deliver> ref, String node) implements NetworkCommand {
    }

    /**
     * A message leaving after {@code computeNanos} of compute, caused by event {@code cause}; {@code seq} is
     * the sender's own counter (it orders same-time events deterministically and names the message).
     */
    record Out(Address to, Message message, long computeNanos, long cause, long seq) implements CborSerializable {
    }

    /** A timer due {@code delay} ns after the event handled. */
    record Later(long delay, Timer timer, long seq) implements CborSerializable {
    }

    /**
     * Entity {@code from} handled a delivery at {@code base} (its time) and caused {@code sends} and
     * {@code timers}; {@code ack}: the delivery is done (the virtual clock waits for every acknowledgement);
     * {@code finished}: the world put the last step on the air (the network tells the run, after these sends).
     * {@code deliveryHopMicros} is how long the delivery took to reach the entity, {@code wallSentMicros}
     * when this left it ({@link WallClock}; -1: unknown): they measure the hops, not the emulated links.
     */
    record Handled(Address from, long base, List<Out> sends, List<Later> timers, boolean ack, boolean finished,
                   long deliveryHopMicros, long wallSentMicros) implements NetworkCommand {
    }

    /** An event for {@code to} at t = 0. */
    record Initial(Address to, Event event) implements CborSerializable {
    }

    /**
     * Start the clock with every initial event at once (enqueued together, so the clock cannot find itself
     * idle between them), delivered in the order given, once every expected entity has registered.
     */
    record Start(List<Initial> events) implements NetworkCommand {
    }

    /** The run is over: entities stopping now are not losses; reply with what the network carried. */
    record Close(ActorRef<Traffic> replyTo) implements NetworkCommand {
    }

    /** Death watch: the entity at {@code address} stopped, or its cluster node was removed. */
    record EntityStopped(Address address) implements NetworkCommand {
    }

    /** Real time: a delivery whose link delay has passed. */
    record Dispatch(Address to, Deliver deliver) implements NetworkCommand {
    }
}
