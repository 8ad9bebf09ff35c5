package org.cfqnn.trace;

import java.util.Map;

/**
 * A per-step record line, {@code {"record":"step","run":"...","phase":"deployment","step":12,
 * "deadlineMissed":true,"fallbacks":2,...}}. {@code misses} is how many APs missed the step's deadline:
 * the record's {@code fallbacks} or {@code misses} when present, else 1 for {@code deadlineMissed: true}
 * and 0 for false; {@link TraceMessage#NONE} when the record says nothing about the deadline.
 * A record without {@code phase} is about a deployment step (only deployment steps have deadlines).
 */
public record StepRecord(String run, String phase, long step, long misses, Map<String, Object> extras)
        implements TraceEntry {

    public StepRecord {
        extras = Map.copyOf(extras);
    }
}
