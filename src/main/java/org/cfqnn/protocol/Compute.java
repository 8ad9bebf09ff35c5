package org.cfqnn.protocol;

/**
 * The compute time a message waits for before it leaves its sender, in parts: waiting for a QPU of the
 * site ({@code queueNanos}), running circuits on it ({@code quantumNanos}) and classical work
 * ({@code classicalNanos}). The message leaves {@link #total()} after the input that caused it.
 */
public record Compute(long queueNanos, long quantumNanos, long classicalNanos) {

    /** Nothing to compute: the message leaves at once. */
    public static final Compute NONE = new Compute(0, 0, 0);

    public Compute {
        if (queueNanos < 0 || quantumNanos < 0 || classicalNanos < 0) {
            throw new IllegalArgumentException("compute parts must be >= 0: queue " + queueNanos + ", quantum "
                    + quantumNanos + ", classical " + classicalNanos);
        }
    }

    /** Classical work only. */
    public static Compute classical(long nanos) {
        return new Compute(0, 0, nanos);
    }

    /** The sum of the parts: how long after its cause the message leaves. */
    public long total() {
        return Math.addExact(Math.addExact(queueNanos, quantumNanos), classicalNanos);
    }

    /** This compute followed by {@code next} (part by part). */
    public Compute plus(Compute next) {
        return new Compute(queueNanos + next.queueNanos, quantumNanos + next.quantumNanos,
                classicalNanos + next.classicalNanos);
    }
}
