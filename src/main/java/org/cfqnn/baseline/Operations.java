package org.cfqnn.baseline;

/**
 * Counts the work of one classical decision, so the emulator can charge {@code operations x ns per
 * operation} ({@code emulator.compute.classical-mode = counted}) instead of a flat time whatever M and K.
 * Two kinds: {@link #table()}, the complex multiply-adds of building the MR coupling table ({@code M K K N},
 * common to every method), and {@link #steps()}, the method's own innermost-loop terms: one coupling term
 * read while a candidate assignment's rates are evaluated ({@code M K} per evaluation), one SINR-gain or
 * interference term of the search, one cell of a matching ({@code K K M} per matching, its bound; a
 * bottleneck matching's binary search runs {@code log2(M K)} of them), one odometer step of the exhaustive optimum. Not thread-safe: one per decision.
 */
public final class Operations {

    private long table;
    private long steps;

    /** Adds {@code n} of the method's own operations. */
    public void add(long n) {
        steps += n;
    }

    /** Adds {@code n} multiply-adds of building the MR coupling table. */
    public void addTable(long n) {
        table += n;
    }

    /** The method's own operations counted so far. */
    public long steps() {
        return steps;
    }

    /** MR-table multiply-adds counted so far. */
    public long table() {
        return table;
    }
}
