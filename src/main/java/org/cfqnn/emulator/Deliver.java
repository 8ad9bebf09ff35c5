package org.cfqnn.emulator;

import org.cfqnn.protocol.Event;

/**
 * The network hands an event to an entity at (virtual or real) time {@code at} ns since the run started.
 * {@code id} identifies the event for causal tracing; {@code wallMicros} is when the network dispatched
 * it ({@code WallClock}, -1 unknown). The entity answers every delivery with one
 * {@code NetworkCommand.Handled}: what it caused, and that it is done.
 */
public record Deliver(Event event, long at, long id, long wallMicros) implements EntityActor.Command {

    public Deliver(Event event, long at, long id) {
        this(event, at, id, -1);
    }
}
