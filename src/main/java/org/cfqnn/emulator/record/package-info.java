/**
 * What a run records: the per-step results and their statistics ({@link org.cfqnn.emulator.record.Recorder}),
 * and the message trace, both written to disk off the actors' threads.
 */
package org.cfqnn.emulator.record;
