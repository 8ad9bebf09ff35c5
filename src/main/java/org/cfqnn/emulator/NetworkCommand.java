package org.cfqnn.emulator;

import org.apache.pekko.actor.typed.ActorRef;

/** What entities tell the network (the clock and the links between them). */
public sealed interface NetworkCommand extends CborSerializable {

    /** Entity {@code address} receives deliveries at {@code ref}. */
    record Register(String address, ActorRef<Deliver> ref) implements NetworkCommand {
    }

    /**
     * Send {@code message} from {@code from} to {@code to}, leaving {@code processingDelay} ns after the
     * current event (compute time). {@code seq} is the sender's own counter (deterministic order),
     * {@code cause} the id of the event that caused it.
     */
    record Send(String from, int fromOrdinal, long seq, String to, Wire message, long processingDelay, long cause)
            implements NetworkCommand {
    }

    /** Deliver {@code event} back to {@code from} after {@code delay} ns. */
    record Schedule(String from, int fromOrdinal, long seq, long delay, Event event) implements NetworkCommand {
    }

    /** {@code from} finished handling its delivery. */
    record Ack(String from) implements NetworkCommand {
    }

    /** An event for {@code to} at t = 0. */
    record Initial(String to, Event event) implements CborSerializable {
    }

    /**
     * Start the clock with every initial event at once (enqueued together, so the clock cannot find
     * itself idle between them), delivered in the order given.
     */
    record Start(java.util.List<Initial> events) implements NetworkCommand {
    }
}
