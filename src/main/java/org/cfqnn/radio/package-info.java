/**
 * The cell-free radio model (docs/model.md sections 1-2): channels, imperfect CSI, layouts, MR precoders,
 * the rate formula ({@link org.cfqnn.radio.Rates}) and the Phi targets.
 */
package org.cfqnn.radio;
