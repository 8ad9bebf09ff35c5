package org.cfqnn.emulator;

import org.cfqnn.protocol.Address;

/**
 * An entity's connection to the network, kept per address for the whole run so that it outlives actor
 * restarts: the sequence numbers of what the entity sends (which order same-time events and name
 * messages) stay unique and deterministic, and each incarnation of the entity is counted.
 */
final class Endpoint {

    private final Address address;
    private long seq;
    private int incarnations;

    Endpoint(Address address) {
        this.address = address;
    }

    Address address() {
        return address;
    }

    /** The next sequence number (used from the entity's actor only). */
    long next() {
        return seq++;
    }

    /** A new incarnation of the entity starts; returns its number. */
    synchronized int incarnate() {
        return incarnations++;
    }
}
