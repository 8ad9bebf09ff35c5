package org.cfqnn.quantum;

/**
 * Statevector kernels on split real/imaginary arrays of length {@code dim = 2^n}. Loops walk
 * contiguous runs of indices so the JIT can vectorize them; nothing allocates.
 *
 * <p>Matrices are 2x2, row-major, interleaved re/im: {@code m = [re00, im00, re01, im01, re10, im10,
 * re11, im11]}.
 */
final class Kernels {

    private Kernels() {
    }

    /** General complex 2x2 on qubit q. */
    static void generic(double[] re, double[] im, int dim, int q, double[] m) {
        double ar = m[0], ai = m[1], br = m[2], bi = m[3], cr = m[4], ci = m[5], dr = m[6], di = m[7];
        int s = 1 << q;
        if (s == 1) {
            for (int i = 0; i < dim; i += 2) {
                double xr = re[i], xi = im[i], yr = re[i + 1], yi = im[i + 1];
                re[i] = ar * xr - ai * xi + br * yr - bi * yi;
                im[i] = ar * xi + ai * xr + br * yi + bi * yr;
                re[i + 1] = cr * xr - ci * xi + dr * yr - di * yi;
                im[i + 1] = cr * xi + ci * xr + dr * yi + di * yr;
            }
            return;
        }
        for (int base = 0; base < dim; base += s << 1) {
            for (int i = base, e = base + s; i < e; i++) {
                int j = i + s;
                double xr = re[i], xi = im[i], yr = re[j], yi = im[j];
                re[i] = ar * xr - ai * xi + br * yr - bi * yi;
                im[i] = ar * xi + ai * xr + br * yi + bi * yr;
                re[j] = cr * xr - ci * xi + dr * yr - di * yi;
                im[j] = cr * xi + ci * xr + dr * yi + di * yr;
            }
        }
    }

    /** Real 2x2 [[a, b], [c, d]] on qubit q (H, RY, X, Z and their products). */
    static void real(double[] re, double[] im, int dim, int q, double a, double b, double c, double d) {
        int s = 1 << q;
        if (s == 1) {
            for (int i = 0; i < dim; i += 2) {
                double xr = re[i], xi = im[i], yr = re[i + 1], yi = im[i + 1];
                re[i] = a * xr + b * yr;
                im[i] = a * xi + b * yi;
                re[i + 1] = c * xr + d * yr;
                im[i + 1] = c * xi + d * yi;
            }
            return;
        }
        for (int base = 0; base < dim; base += s << 1) {
            for (int i = base, e = base + s; i < e; i++) {
                int j = i + s;
                double xr = re[i], xi = im[i], yr = re[j], yi = im[j];
                re[i] = a * xr + b * yr;
                im[i] = a * xi + b * yi;
                re[j] = c * xr + d * yr;
                im[j] = c * xi + d * yi;
            }
        }
    }

    /** diag(d0, d1) on qubit q, d = (re, im). */
    static void diag(double[] re, double[] im, int dim, int q, double d0r, double d0i, double d1r, double d1i) {
        int s = 1 << q;
        for (int base = 0; base < dim; base += s << 1) {
            for (int i = base, e = base + s; i < e; i++) {
                double xr = re[i], xi = im[i];
                re[i] = d0r * xr - d0i * xi;
                im[i] = d0r * xi + d0i * xr;
                int j = i + s;
                double yr = re[j], yi = im[j];
                re[j] = d1r * yr - d1i * yi;
                im[j] = d1r * yi + d1i * yr;
            }
        }
    }

    /** Pauli X on qubit q: swaps the halves of every pair. */
    static void pauliX(double[] re, double[] im, int dim, int q) {
        int s = 1 << q;
        for (int base = 0; base < dim; base += s << 1) {
            for (int i = base, e = base + s; i < e; i++) {
                int j = i + s;
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
    }

    /** CX: for every index with the control bit set, swaps the target bit's two amplitudes. */
    static void cx(double[] re, double[] im, int dim, int control, int target) {
        int cBit = 1 << control;
        int tBit = 1 << target;
        int lo = Math.min(control, target);
        int hi = Math.max(control, target);
        int sl = 1 << lo;
        int sh = 1 << hi;
        for (int x = 0; x < dim; x += sh << 1) {
            for (int y = x; y < x + sh; y += sl << 1) {
                for (int i = y, e = y + sl; i < e; i++) {
                    int a = i | cBit;
                    int b = a | tBit;
                    double t = re[a];
                    re[a] = re[b];
                    re[b] = t;
                    t = im[a];
                    im[a] = im[b];
                    im[b] = t;
                }
            }
        }
    }

    /** CZ: negates every amplitude with both bits set. */
    static void cz(double[] re, double[] im, int dim, int qa, int qb) {
        int both = (1 << qa) | (1 << qb);
        int lo = Math.min(qa, qb);
        int hi = Math.max(qa, qb);
        int sl = 1 << lo;
        int sh = 1 << hi;
        for (int x = 0; x < dim; x += sh << 1) {
            for (int y = x; y < x + sh; y += sl << 1) {
                for (int i = y, e = y + sl; i < e; i++) {
                    int a = i | both;
                    re[a] = -re[a];
                    im[a] = -im[a];
                }
            }
        }
    }

    /** SWAP: exchanges the amplitudes of |..1..0..> and |..0..1..>. */
    static void swap(double[] re, double[] im, int dim, int qa, int qb) {
        int aBit = 1 << qa;
        int bBit = 1 << qb;
        int lo = Math.min(qa, qb);
        int hi = Math.max(qa, qb);
        int sl = 1 << lo;
        int sh = 1 << hi;
        for (int x = 0; x < dim; x += sh << 1) {
            for (int y = x; y < x + sh; y += sl << 1) {
                for (int i = y, e = y + sl; i < e; i++) {
                    int a = i | aBit;
                    int b = i | bBit;
                    double t = re[a];
                    re[a] = re[b];
                    re[b] = t;
                    t = im[a];
                    im[a] = im[b];
                    im[b] = t;
                }
            }
        }
    }

    /** A general 2x2 on the target, applied where the control bit is set. */
    static void controlled(double[] re, double[] im, int dim, int control, int target, double[] m) {
        double ar = m[0], ai = m[1], br = m[2], bi = m[3], cr = m[4], ci = m[5], dr = m[6], di = m[7];
        int cBit = 1 << control;
        int tBit = 1 << target;
        int lo = Math.min(control, target);
        int hi = Math.max(control, target);
        int sl = 1 << lo;
        int sh = 1 << hi;
        for (int x = 0; x < dim; x += sh << 1) {
            for (int y = x; y < x + sh; y += sl << 1) {
                for (int k = y, e = y + sl; k < e; k++) {
                    int i = k | cBit;
                    int j = i | tBit;
                    double xr = re[i], xi = im[i], yr = re[j], yi = im[j];
                    re[i] = ar * xr - ai * xi + br * yr - bi * yi;
                    im[i] = ar * xi + ai * xr + br * yi + bi * yr;
                    re[j] = cr * xr - ci * xi + dr * yr - di * yi;
                    im[j] = cr * xi + ci * xr + dr * yi + di * yr;
                }
            }
        }
    }

    /**
     * Applies one gate of a circuit on qubits {@code op.q0() + offset} (and {@code op.q1() + offset}), its
     * matrix complex-conjugated when {@code conjugate}: the statevector step ({@code offset = 0}) and the
     * column half of a vectorized density matrix ({@code offset = n}, conjugated). {@code scratch} holds 8 doubles.
     */
    static void gate(double[] re, double[] im, int dim, Op op, double t, int offset, boolean conjugate, double[] scratch) {
        int a = op.q0() + offset;
        int b = op.q1() + offset;
        switch (op.kind()) {
            case CX -> cx(re, im, dim, a, b);
            case CZ -> cz(re, im, dim, a, b);
            case SWAP -> swap(re, im, dim, a, b);
            default -> {
                op.kind().matrix(t, scratch);
                if (conjugate) {
                    for (int k = 1; k < 8; k += 2) {
                        scratch[k] = -scratch[k];
                    }
                }
                if (op.kind().arity() == 1) {
                    generic(re, im, dim, a, scratch);
                } else {
                    controlled(re, im, dim, a, b, scratch);
                }
            }
        }
    }

    /** {@code m = a * b} for 2x2 complex matrices (may alias {@code a} or {@code b}). */
    static void multiply(double[] a, double[] b, double[] m) {
        double r00 = a[0] * b[0] - a[1] * b[1] + a[2] * b[4] - a[3] * b[5];
        double i00 = a[0] * b[1] + a[1] * b[0] + a[2] * b[5] + a[3] * b[4];
        double r01 = a[0] * b[2] - a[1] * b[3] + a[2] * b[6] - a[3] * b[7];
        double i01 = a[0] * b[3] + a[1] * b[2] + a[2] * b[7] + a[3] * b[6];
        double r10 = a[4] * b[0] - a[5] * b[1] + a[6] * b[4] - a[7] * b[5];
        double i10 = a[4] * b[1] + a[5] * b[0] + a[6] * b[5] + a[7] * b[4];
        double r11 = a[4] * b[2] - a[5] * b[3] + a[6] * b[6] - a[7] * b[7];
        double i11 = a[4] * b[3] + a[5] * b[2] + a[6] * b[7] + a[7] * b[6];
        m[0] = r00;
        m[1] = i00;
        m[2] = r01;
        m[3] = i01;
        m[4] = r10;
        m[5] = i10;
        m[6] = r11;
        m[7] = i11;
    }

    /** The conjugate transpose of a 2x2 matrix, in place. */
    static void dagger(double[] m) {
        double r01 = m[2], i01 = m[3];
        m[1] = -m[1];
        m[2] = m[4];
        m[3] = -m[5];
        m[4] = r01;
        m[5] = -i01;
        m[7] = -m[7];
    }
}
