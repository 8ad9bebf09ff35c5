/** Timings of the quantum engine and the real clock on this machine ({@code cfqnn bench}). */
package org.cfqnn.bench;
