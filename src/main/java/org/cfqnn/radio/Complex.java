package org.cfqnn.radio;

/** A complex number at API boundaries; hot loops use split {@code double[]} arrays instead. */
public record Complex(double re, double im) {

    public static final Complex ZERO = new Complex(0, 0);

    public static Complex polar(double r, double phase) {
        return new Complex(r * Math.cos(phase), r * Math.sin(phase));
    }

    public Complex plus(Complex o) {
        return new Complex(re + o.re, im + o.im);
    }

    public Complex times(Complex o) {
        return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    public Complex times(double s) {
        return new Complex(re * s, im * s);
    }

    public Complex conj() {
        return new Complex(re, -im);
    }

    /** {@code |z|^2}. */
    public double abs2() {
        return re * re + im * im;
    }

    public double abs() {
        return Math.hypot(re, im);
    }

    public double arg() {
        return Math.atan2(im, re);
    }
}
