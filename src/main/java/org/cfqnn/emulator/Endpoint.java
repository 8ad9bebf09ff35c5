package org.cfqnn.emulator;

import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * An entity's connection to the network. It outlives actor restarts (the run keeps one per address)
 * so that sequence numbers, and with them event order and ids, stay unique and deterministic.
 * Not thread-safe: used from its actor only.
 */
public final class Endpoint {

    private final String address;
    private final int ordinal;
    private final ActorRef<NetworkCommand> network;
    private long seq;
    private long now;
    private long currentEvent;
    private long hopMicros = -1;

    private final boolean acknowledges;

    public Endpoint(String address, int ordinal, ActorRef<NetworkCommand> network) {
        this(address, ordinal, network, true);
    }

    /** {@code acknowledges}: the virtual clock waits for acknowledgements; the real clock does not need them. */
    public Endpoint(String address, int ordinal, ActorRef<NetworkCommand> network, boolean acknowledges) {
        this.address = address;
        this.ordinal = ordinal;
        this.network = network;
        this.acknowledges = acknowledges;
    }

    /** The endpoint of {@code address} in a network of {@code nAp} APs. */
    public static Endpoint of(String address, int nAp, ActorRef<NetworkCommand> network, boolean virtualClock) {
        return new Endpoint(address, Addresses.ordinal(address, nAp), network, virtualClock);
    }

    public String address() {
        return address;
    }

    /**
     * Handles delivery {@code d}: its time becomes "now", {@code handler} runs, and the delivery is
     * acknowledged (also when the handler throws: the clock must not wait for a failed entity).
     */
    public void handle(Deliver d, Consumer<Event> handler) {
        handleHolding(d, e -> {
            handler.accept(e);
            return true;
        });
    }

    /**
     * As {@link #handle}, but {@code handler} returns false to hold the acknowledgement: an asynchronous
     * job gives it later ({@link #ack()}).
     */
    public void handleHolding(Deliver d, Predicate<Event> handler) {
        now = d.at();
        currentEvent = d.id();
        hopMicros = d.wallMicros() < 0 ? -1 : WallClock.micros() - d.wallMicros();
        boolean ack = true;
        try {
            ack = handler.test(d.event());
        } finally {
            if (ack) {
                ack();
            }
        }
    }

    /** The time of the event being handled, ns since the run started. */
    public long now() {
        return now;
    }

    /** The id of the event being handled (the default cause of what is sent now). */
    public long currentEvent() {
        return currentEvent;
    }

    public void send(String to, Wire message) {
        send(to, message, 0, currentEvent);
    }

    /** Sends after {@code processingDelay} ns of compute, naming the event that caused it. */
    public void send(String to, Wire message, long processingDelay, long cause) {
        network.tell(new NetworkCommand.Send(address, ordinal, seq++, to, message, processingDelay, cause,
                WallClock.micros()));
    }

    public void schedule(long delay, Event timer) {
        network.tell(new NetworkCommand.Schedule(address, ordinal, seq++, delay, timer, now));
    }

    /** Done with a delivery whose acknowledgement was held (after every send it caused). */
    public void ack() {
        if (acknowledges) {
            network.tell(new NetworkCommand.Ack(address, hopMicros));
        }
    }

    public ActorRef<NetworkCommand> network() {
        return network;
    }
}
