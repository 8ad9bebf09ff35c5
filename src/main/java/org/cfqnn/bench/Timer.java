package org.cfqnn.bench;

import java.util.Arrays;

/**
 * A small wall-clock harness for {@code cfqnn bench}: warms the code up, then times rounds of at least
 * a minimum duration and reports the median time per operation. JMH (tools/jmh) is the rigorous
 * measurement; this one answers "how fast on this machine, now" in seconds.
 */
public final class Timer {

    private final long minRoundNanos;
    private final int rounds;

    public Timer(long minRoundNanos, int rounds) {
        this.minRoundNanos = minRoundNanos;
        this.rounds = rounds;
    }

    /** The shortest timed round, ns. */
    public long minRoundNanos() {
        return minRoundNanos;
    }

    /**
     * Runs the measured operation {@code calls} times. The loop lives in the caller's lambda, so each
     * benchmark gets its own JIT-compiled loop with the operation inlined (as JMH generates it).
     */
    @FunctionalInterface
    public interface Batch {
        void run(long calls);
    }

    /** Median nanoseconds per call over the rounds, after warm-up. */
    public double nanosPerOp(Batch op) {
        long batch = 1;
        // warm-up and batch sizing: grow until one batch takes a tenth of a round
        while (true) {
            long t0 = System.nanoTime();
            op.run(batch);
            long dt = System.nanoTime() - t0;
            if (dt > minRoundNanos / 10 || batch > (1L << 40)) {
                break;
            }
            batch *= 2;
        }
        double[] perOp = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long calls = 0;
            long t0 = System.nanoTime();
            long dt;
            do {
                op.run(batch);
                calls += batch;
                dt = System.nanoTime() - t0;
            } while (dt < minRoundNanos);
            perOp[r] = (double) dt / calls;
        }
        Arrays.sort(perOp);
        return perOp[rounds / 2];
    }
}
