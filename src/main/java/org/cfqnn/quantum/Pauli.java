package org.cfqnn.quantum;

import java.util.Locale;

/**
 * A Pauli-string observable such as {@code Z0}, {@code X1} or {@code Z0Z1} (letters X, Y, Z each
 * followed by a qubit index; {@code I} alone is the identity). Acting on a basis state,
 * {@code P|b> = i^{nY} (-1)^{popcount(b & zMask)} |b xor xMask>} with X and Y in {@code xMask} and
 * Z and Y in {@code zMask}; its expectation is real.
 */
public final class Pauli {

    private final int xMask;
    private final int zMask;
    private final int nY;
    private final String label;

    private Pauli(int xMask, int zMask, String label) {
        this.xMask = xMask;
        this.zMask = zMask;
        this.nY = Integer.bitCount(xMask & zMask);
        this.label = label;
    }

    public static Pauli z(int q) {
        return new Pauli(0, 1 << q, "Z" + q);
    }

    public static Pauli x(int q) {
        return new Pauli(1 << q, 0, "X" + q);
    }

    public static Pauli y(int q) {
        return new Pauli(1 << q, 1 << q, "Y" + q);
    }

    /**
     * Parses {@code "Z0"}, {@code "X1Y3"}, {@code "Z0 Z1"} or {@code "I"}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Pauli parse(String text, int nQubits) {
        String s = text.replace(" ", "").replace("*", "").toUpperCase(Locale.ROOT);
        if (s.equals("I")) {
            return new Pauli(0, 0, "I");
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty observable");
        }
        int x = 0;
        int z = 0;
        int i = 0;
        while (i < s.length()) {
            char letter = s.charAt(i++);
            if ("XYZ".indexOf(letter) < 0) {
                throw new IllegalArgumentException("expected X, Y or Z at position " + (i - 1) + " of '" + text + "'");
            }
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException("missing qubit index after " + letter + " in '" + text + "'");
            }
            int q = Integer.parseInt(s.substring(start, Math.min(i, start + 9)));
            if (q >= nQubits) {
                throw new IllegalArgumentException("qubit " + q + " in '" + text + "' outside 0.." + (nQubits - 1));
            }
            int bit = 1 << q;
            if (((x | z) & bit) != 0) {
                throw new IllegalArgumentException("qubit " + q + " appears twice in '" + text + "'");
            }
            if (letter != 'Z') {
                x |= bit;
            }
            if (letter != 'X') {
                z |= bit;
            }
        }
        return new Pauli(x, z, s);
    }

    public int xMask() {
        return xMask;
    }

    public int zMask() {
        return zMask;
    }

    /** Qubits the string acts on. */
    public int support() {
        return xMask | zMask;
    }

    /** {@code i^{nY}} as (re, im) factors: the phase of the string's action. */
    int phaseQuarterTurns() {
        return nY & 3;
    }

    /** Two strings can be measured from the same shots when they agree on every shared qubit. */
    public boolean qubitwiseCommutes(Pauli o) {
        int shared = support() & o.support();
        return ((xMask ^ o.xMask) & shared) == 0 && ((zMask ^ o.zMask) & shared) == 0;
    }

    @Override
    public String toString() {
        return label;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pauli p && p.xMask == xMask && p.zMask == zMask;
    }

    @Override
    public int hashCode() {
        return 31 * xMask + zMask;
    }
}
