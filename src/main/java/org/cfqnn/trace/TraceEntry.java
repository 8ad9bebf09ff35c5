package org.cfqnn.trace;

/** One parsed line of a trace: a message, or a per-step record. */
public sealed interface TraceEntry permits TraceMessage, StepRecord {

    /** The run (protocol, or {@code protocol@sweepValue}) the line belongs to; empty when the line has none. */
    String run();
}
