package org.cfqnn.baseline;

import java.util.function.LongSupplier;

/**
 * Counts the work of one classical decision, so the emulator can charge {@code operations x ns per
 * operation} ({@code emulator.compute.classical-mode = counted}) instead of a flat time whatever M and K.
 * Two kinds: {@link #table()}, the complex multiply-adds of the MR couplings the method made its problem
 * compute ({@code M K K N} for the full table, less for methods that read rows on demand), and {@link #steps()}, the method's own innermost-loop terms: one coupling term
 * read while a candidate assignment's rates are evaluated ({@code M K} per evaluation), one SINR-gain or
 * interference term of the search, one cell of a matching ({@code K K M} per matching, its bound; a
 * bottleneck matching's binary search runs {@code log2(M K)} of them), one odometer step of the exhaustive optimum. Not thread-safe: one per decision.
 */
public final class Operations {

    private final LongSupplier couplings;
    private long table;
    private long steps;

    /** A counter whose table work also includes {@code couplings}, the multiply-adds of lazily computed couplings. */
    public Operations(LongSupplier couplings) {
        this.couplings = couplings;
    }

    public Operations() {
        this(() -> 0);
    }

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

    /** MR-coupling multiply-adds counted so far. */
    public long table() {
        return table + couplings.getAsLong();
    }
}
