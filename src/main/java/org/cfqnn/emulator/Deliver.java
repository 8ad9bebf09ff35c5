package org.cfqnn.emulator;

/**
 * The network hands an event to an entity at (virtual or real) time {@code at} ns since the run
 * started. {@code id} identifies the event for causal tracing; {@code wallMicros} is when the network
 * dispatched it ({@link WallClock}, -1 unknown). The entity acknowledges every delivery once it has sent
 * everything the event caused ({@link Endpoint#ack()}).
 */
public record Deliver(Event event, long at, long id, long wallMicros) implements CborSerializable, World.Command,
        Ap.Command, Cloud.Command, Edge.Command, UserActor.Command {

    public Deliver(Event event, long at, long id) {
        this(event, at, id, -1);
    }
}
