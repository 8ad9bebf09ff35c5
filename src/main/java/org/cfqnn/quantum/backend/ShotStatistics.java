package org.cfqnn.quantum.backend;

/** The statistics of a Pauli estimate from shots: each shot is a +-1 variable with mean v. */
final class ShotStatistics {

    private ShotStatistics() {
    }

    /** {@code sqrt((1 - v^2) / shots)}, the standard error of the mean of +-1 outcomes; 0 for exact values. */
    static double standardError(double v, int shots) {
        return shots == 0 ? 0 : Math.sqrt(Math.max(0, 1 - v * v) / shots);
    }
}
