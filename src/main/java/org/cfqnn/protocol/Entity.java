package org.cfqnn.protocol;

/**
 * One entity of the protocol as a state machine: it handles its inputs one at a time and says what each
 * causes. Implementations are deterministic given the run's seed (they draw from streams of it) and do
 * no I/O; the emulator delivers the inputs and carries out the effects.
 *
 * @param <I> the entity's sealed input type
 */
public interface Entity<I extends Event> {

    Address address();

    /** The sealed type of the inputs this entity handles. */
    Class<I> inputType();

    /**
     * Handles {@code input}, arriving at {@code now} ns after the run started; {@code id} names the
     * arrival (messages the entity sends now name it as their cause); {@code chain}: the latency parts of the
     * AP chain it arrived on (null: on none).
     */
    Effects handle(I input, long now, long id, LatencyParts chain);

    /** Handles {@code input} on no latency chain. */
    default Effects handle(I input, long now, long id) {
        return handle(input, now, id, null);
    }
}
