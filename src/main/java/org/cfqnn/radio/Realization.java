package org.cfqnn.radio;

/**
 * One channel realization: where everyone is, the true channel {@code h} (used to report rates) and
 * the estimate {@code hHat} (the only channel an optimizer sees). With zero CSI error they are one.
 */
public record Realization(Layout layout, Channel truth, Channel estimate) {
}
