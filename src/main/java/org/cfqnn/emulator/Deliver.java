package org.cfqnn.emulator;

import org.cfqnn.protocol.Event;
import org.cfqnn.protocol.LatencyParts;

/**
 * The network hands an event to an entity at (virtual or real) time {@code at} ns since the run started.
 * {@code id} identifies the event for causal tracing; {@code wallMicros} is when the network dispatched
 * it ({@code WallClock}, -1 unknown); {@code chain} the latency parts of the AP chain the event arrives on,
 * its last link included (null: on none). The entity answers every delivery with one
 * {@code NetworkCommand.Handled}: what it caused, and that it is done.
 */
public record Deliver(Event event, long at, long id, long wallMicros, LatencyParts chain)
        implements EntityActor.Command {

    public Deliver(Event event, long at, long id) {
        this(event, at, id, -1, null);
    }

    public Deliver(Event event, long at, long id, long wallMicros) {
        this(event, at, id, wallMicros, null);
    }

    /** The same delivery at {@code time}, dispatched at {@code wall}. */
    public Deliver at(long time, long wall) {
        return new Deliver(event, time, id, wall, chain);
    }
}
