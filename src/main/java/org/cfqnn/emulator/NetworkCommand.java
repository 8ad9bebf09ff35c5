package org.cfqnn.emulator;

import org.apache.pekko.actor.typed.ActorRef;

/** What entities tell the network (the clock and the links between them). */
public sealed interface NetworkCommand extends CborSerializable {

    /** Entity {@code address}, hosted on cluster node {@code node}, receives deliveries at {@code ref}. */
    record Register(String address, ActorRef<Deliver> ref, String node) implements NetworkCommand {
    }

    /**
     * Send {@code message} from {@code from} to {@code to}, leaving {@code processingDelay} ns after the
     * current event (compute time). {@code seq} is the sender's own counter (deterministic order),
     * {@code cause} the id of the event that caused it, {@code wallSentMicros} when the sender sent it
     * ({@link WallClock}; it measures the hop to the network, not the emulated link).
     */
    record Send(String from, int fromOrdinal, long seq, String to, Wire message, long processingDelay, long cause,
                long wallSentMicros) implements NetworkCommand {
    }

    /**
     * Deliver {@code event} back to {@code from} {@code delay} ns after {@code base}, the time of the event
     * the sender was handling (so a periodic timer keeps its period on the wall clock too).
     */
    record Schedule(String from, int fromOrdinal, long seq, long delay, Event event, long base) implements NetworkCommand {
    }

    /**
     * {@code from} finished handling its delivery, which took {@code hopMicros} to travel from the network
     * to it (-1: unknown).
     */
    record Ack(String from, long hopMicros) implements NetworkCommand {
    }

    /** An event for {@code to} at t = 0. */
    record Initial(String to, Event event) implements CborSerializable {
    }

    /**
     * Start the clock with every initial event at once (enqueued together, so the clock cannot find
     * itself idle between them), delivered in the order given, once every expected entity has registered.
     */
    record Start(java.util.List<Initial> events) implements NetworkCommand {
    }

    /** The run is over: entities stopping now are not losses. */
    record Close() implements NetworkCommand {
    }

    /** Death watch: the entity at {@code address} stopped, or its cluster node was removed. */
    record EntityStopped(String address) implements NetworkCommand {
    }

    /** Real time: a delivery whose link delay has passed. */
    record Dispatch(String to, Deliver deliver) implements NetworkCommand {
    }
}
