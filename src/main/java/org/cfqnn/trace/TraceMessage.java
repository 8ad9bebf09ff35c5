package org.cfqnn.trace;

import java.util.Map;

/**
 * One message of a trace line:
 * <pre>{"run":"non-centralized","t":13407787887,"arrive":13407787887,"wall":5454309633,"step":10000,
 *  "phase":"deployment","from":"world","to":"ap-0","type":"Pilot","bytes":144,"link":"air","id":50001,
 *  "cause":50000,"lost":false,"fromNode":"local","toNode":"local","crossNode":false}</pre>
 * Times are nanoseconds ({@code t} sent, {@code arrive} arrived, virtual or wall clock; {@code wall} the
 * wall-clock time the line was written). {@code cause} is the id of the event that caused the message: a
 * message id, or the id of a timer (timers are not traced). Fields the reader does not know are kept in
 * {@code extras} (integers as {@link Long}, other numbers as {@link Double}, strings as {@link String},
 * booleans as {@link Boolean}, objects and arrays as their JSON text).
 *
 * @param arrive arrival time, {@link #NONE} when the message was lost (the trace writes {@code null} or -1)
 * @param wall   {@link #NONE} when absent
 * @param step   {@link #NONE} when absent
 * @param id     {@link #NONE} when absent
 * @param cause  {@link #NONE} when absent
 * @param measured the protocol latency its recipient AP measured on it, with its parts; null when the line
 *                 carries none ({@code protocolLatencyNs}, {@code breakdownNs})
 */
public record TraceMessage(String run, long t, long arrive, long wall, long step, String phase, String from,
                           String to, String type, long bytes, String link, long id, long cause, boolean lost,
                           String fromNode, String toNode, boolean crossNode, Map<String, Object> extras,
                           LatencySample measured)
        implements TraceEntry {

    /** The value of an absent optional number. */
    public static final long NONE = -1;

    public TraceMessage {
        extras = Map.copyOf(extras);
    }

    /** A message on which no latency was measured. */
    public TraceMessage(String run, long t, long arrive, long wall, long step, String phase, String from, String to,
                        String type, long bytes, String link, long id, long cause, boolean lost, String fromNode,
                        String toNode, boolean crossNode, Map<String, Object> extras) {
        this(run, t, arrive, wall, step, phase, from, to, type, bytes, link, id, cause, lost, fromNode, toNode, crossNode,
                extras, null);
    }

    /** Send-to-arrival time in ns; {@link #NONE} for a lost message. */
    public long latency() {
        return lost || arrive == NONE ? NONE : arrive - t;
    }
}
