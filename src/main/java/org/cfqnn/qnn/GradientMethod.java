package org.cfqnn.qnn;

import java.util.Locale;

/**
 * How circuit gradients are computed: the parameter-shift rule (paper Appendix B) or adjoint
 * differentiation. Both give the same exact gradient; adjoint is cheaper, parameter-shift is what
 * hardware can do.
 */
public enum GradientMethod {
    PARAMETER_SHIFT, ADJOINT;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static GradientMethod parse(String s) {
        for (GradientMethod g : values()) {
            if (g.label().equals(s)) {
                return g;
            }
        }
        return null;
    }
}
