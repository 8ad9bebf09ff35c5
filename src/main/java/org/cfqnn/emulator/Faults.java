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

    Faults(List<EmulatorSettings.Fault> faults) {
        this.pending = new HashSet<>(faults);
    }

    /** True once for each configured fault: {@code entity} crashes handling deployment step {@code step}. */
    synchronized boolean fire(Address entity, long step) {
        return step >= 0 && pending.remove(new EmulatorSettings.Fault(entity, step));
    }
}
