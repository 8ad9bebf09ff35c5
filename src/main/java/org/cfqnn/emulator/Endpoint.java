package org.cfqnn.emulator;

import org.cfqnn.protocol.Address;

/**
 * An entity's connection to the network, kept per address for the whole run so that it outlives actor
 * restarts: the sequence numbers of what the entity sends (which order same-time events and name
 * messages) stay unique and deterministic, each incarnation of the entity is counted, and so are the
 * latency reports it sent the recorder (which waits for them all).
 */
final class Endpoint {

    private final Address address;
    private long seq;
    private int incarnations;
    private volatile long latencyReports; // written by the entity's actor only, read once the run is over

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

    /** The entity sent {@code n} more latency reports (used from the entity's actor only). */
    void reported(int n) {
        latencyReports += n;
    }

    /** The latency reports the entity sent in this run. */
    long latencyReports() {
        return latencyReports;
    }

    /** A new incarnation of the entity starts; returns its number. */
    synchronized int incarnate() {
        return incarnations++;
    }
}
