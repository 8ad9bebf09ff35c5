package org.cfqnn.trace;

/** A line that is not a trace line; the message is one line, without the parser's source excerpt. */
public final class TraceLineException extends Exception {

    public TraceLineException(String problem) {
        super(problem, null, false, false);
    }
}
