package org.cfqnn.protocol;

/**
 * How long a computation takes in the emulated network: the time the protocol's timeline charges for it.
 * {@code measuredNanos} is the wall time this machine took, which a charging model may use or ignore.
 */
public interface Charges {

    /** {@code circuits} executions of quantum circuits (inference or a training step). */
    long quantum(long circuits, long measuredNanos);

    /** One classical decision (an assignment method, or an MR precoder). */
    long classical(long measuredNanos);

    /** Nothing costs time: decisions take effect at once. */
    Charges FREE = new Charges() {
        @Override
        public long quantum(long circuits, long measuredNanos) {
            return 0;
        }

        @Override
        public long classical(long measuredNanos) {
            return 0;
        }
    };
}
