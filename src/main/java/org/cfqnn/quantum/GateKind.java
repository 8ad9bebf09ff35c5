package org.cfqnn.quantum;

import java.util.Locale;

/**
 * The gates of the engine (paper Appendix A plus the usual extras). Matrices act on the basis
 * {|0>, |1>} of one qubit; a controlled gate applies its base gate to the target when the control
 * is |1>. Rotations are {@code R_P(t) = exp(-i t P / 2)}: RZ(t) = diag(e^{-it/2}, e^{it/2}),
 * RY(t) = [[c, -s], [s, c]] with c = cos(t/2), s = sin(t/2).
 */
public enum GateKind {
    H(1, false, true, false),
    X(1, false, true, false),
    Y(1, false, false, false),
    Z(1, false, true, true),
    S(1, false, false, true),
    SDG(1, false, false, true),
    T(1, false, false, true),
    TDG(1, false, false, true),
    RX(1, true, false, false),
    RY(1, true, true, false),
    RZ(1, true, false, true),
    CX(2, false, true, false),
    CY(2, false, false, false),
    CZ(2, false, true, true),
    CH(2, false, true, false),
    CRX(2, true, false, false),
    CRY(2, true, true, false),
    CRZ(2, true, false, true),
    SWAP(2, false, true, false);

    private static final double R2 = Math.sqrt(0.5);

    private final int arity;
    private final boolean parametric;
    private final boolean real;
    private final boolean diagonal;

    GateKind(int arity, boolean parametric, boolean real, boolean diagonal) {
        this.arity = arity;
        this.parametric = parametric;
        this.real = real;
        this.diagonal = diagonal;
    }

    /** Number of qubits: 1, or 2 for controlled gates (control first) and SWAP. */
    public int arity() {
        return arity;
    }

    public boolean parametric() {
        return parametric;
    }

    /** Real matrix for every angle (H, X, Z, RY and their controlled forms). */
    public boolean real() {
        return real;
    }

    /** Diagonal in the computational basis. */
    public boolean diagonal() {
        return diagonal;
    }

    public boolean controlled() {
        return arity == 2 && this != SWAP;
    }

    /** The single-qubit gate a controlled gate applies to its target (CX -> X, CRY -> RY). */
    public GateKind base() {
        return switch (this) {
            case CX -> X;
            case CY -> Y;
            case CZ -> Z;
            case CH -> H;
            case CRX -> RX;
            case CRY -> RY;
            case CRZ -> RZ;
            default -> this;
        };
    }

    /** Name as written in circuit JSON and drawings: {@code "RY"}, {@code "CX"}. */
    public String label() {
        return name();
    }

    public static GateKind parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The 2x2 matrix of this single-qubit gate (or of the base of a controlled gate) at angle
     * {@code t}, written row-major as {@code re00, im00, re01, im01, re10, im10, re11, im11}.
     */
    public void matrix(double t, double[] m) {
        GateKind b = base();
        java.util.Arrays.fill(m, 0, 8, 0.0);
        switch (b) {
            case H -> {
                m[0] = R2;
                m[2] = R2;
                m[4] = R2;
                m[6] = -R2;
            }
            case X -> {
                m[2] = 1;
                m[4] = 1;
            }
            case Y -> {
                m[3] = -1;
                m[5] = 1;
            }
            case Z -> {
                m[0] = 1;
                m[6] = -1;
            }
            case S -> {
                m[0] = 1;
                m[7] = 1;
            }
            case SDG -> {
                m[0] = 1;
                m[7] = -1;
            }
            case T -> {
                m[0] = 1;
                m[6] = R2;
                m[7] = R2;
            }
            case TDG -> {
                m[0] = 1;
                m[6] = R2;
                m[7] = -R2;
            }
            case RX -> {
                double c = Math.cos(t / 2);
                double s = Math.sin(t / 2);
                m[0] = c;
                m[3] = -s;
                m[5] = -s;
                m[6] = c;
            }
            case RY -> {
                double c = Math.cos(t / 2);
                double s = Math.sin(t / 2);
                m[0] = c;
                m[2] = -s;
                m[4] = s;
                m[6] = c;
            }
            case RZ -> {
                double c = Math.cos(t / 2);
                double s = Math.sin(t / 2);
                m[0] = c;
                m[1] = -s;
                m[6] = c;
                m[7] = s;
            }
            default -> throw new IllegalStateException("no 2x2 matrix for " + this);
        }
    }
}
