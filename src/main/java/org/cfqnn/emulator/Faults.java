package org.cfqnn.emulator;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cfqnn.protocol.Address;
import org.cfqnn.scenario.EmulatorSettings;

/**
 * The injected crashes still to come on a node ({@code emulator.faults}): each fires once, when its entity
 * handles the first input of its deployment step; supervision then restarts the entity. Thread-safe.
 */
final class Faults {

    private final Set<EmulatorSettings.Fault> pending;
    private volatile boolean none; // every delivery asks: without faults left, no lock and no lookup

    Faults(List<EmulatorSettings.Fault> faults) {
        this.pending = new HashSet<>(faults);
        this.none = pending.isEmpty();
    }

    /** True once for each configured fault: {@code entity} crashes handling deployment step {@code step}. */
    boolean fire(Address entity, long step) {
        if (none || step < 0) {
            return false;
        }
        synchronized (this) {
            boolean fired = pending.remove(new EmulatorSettings.Fault(entity, step));
            none = pending.isEmpty();
            return fired;
        }
    }
}
