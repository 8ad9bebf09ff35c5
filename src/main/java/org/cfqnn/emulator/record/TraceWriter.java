package org.cfqnn.emulator.record;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.cfqnn.io.AsyncLines;
import org.cfqnn.protocol.Address;
import org.cfqnn.protocol.Compute;
import org.cfqnn.protocol.LatencyParts;
import org.cfqnn.protocol.Link;
import org.cfqnn.protocol.Measurement;
import org.cfqnn.protocol.Role;
import org.cfqnn.scenario.EmulatorSettings.TraceSettings;

/**
 * Streams {@code trace.jsonl} off the network's thread: one JSON object per message,
 * <pre>{"run":"...","t":sentNs,"arrive":ns|null,"wall":ns,"step":s,"phase":"...","from":"ap-0","to":"cloud",
 *  "type":"Csi","bytes":120,"link":"fronthaul","id":...,"cause":...,"lost":false,"fromNode":"local",
 *  "toNode":"local","crossNode":false,"computeNs":0,"qpuQueueNs":0,"quantumNs":0,"classicalNs":0,
 *  "latencyNs":100000,"jitterNs":3120,"serNs":960,"queueNs":0}</pre>
 * {@code step} counts within its phase (deployment steps 0 to steps - 1, as in {@code steps.csv});
 * {@code t} is when the message left (after {@code computeNs} of compute at the sender: {@code qpuQueueNs}
 * waiting for a QPU + {@code quantumNs} of circuits + {@code classicalNs} of classical work) and {@code arrive}
 * = {@code t + latencyNs + jitterNs + serNs + queueNs} (null when lost). The line of a message whose
 * handling measured an AP's protocol latency (the precoder, or with a classical protocol the assignment)
 * adds {@code "protocolLatencyNs":...,"breakdownNs":{"linkLatency":...,...}}: what the AP measured for that
 * step and its parts ({@link LatencyParts}, adding up to it). Only the phases and deployment steps the
 * settings ask for are written; lines are in delivery order.
 */
public final class TraceWriter implements AutoCloseable {

    /** One traced message; {@code measured}: the latency its recipient AP measured on it (null: none). */
    public record Line(long sent, long arrive, long step, String phase, Address from, Address to, String type,
                       int bytes, Link link, long id, long cause, String fromNode, String toNode, Compute compute,
                       long latencyNs, long jitterNs, long serializationNs, long queueNs, long wall,
                       Measurement.Latency measured) {

        public Line(long sent, long arrive, long step, String phase, Address from, Address to, String type, int bytes,
                    Link link, long id, long cause, String fromNode, String toNode, Compute compute, long latencyNs,
                    long jitterNs, long serializationNs, long queueNs, long wall) {
            this(sent, arrive, step, phase, from, to, type, bytes, link, id, cause, fromNode, toNode, compute, latencyNs,
                    jitterNs, serializationNs, queueNs, wall, null);
        }

        /** The same line, never delivered (its recipient is gone). */
        public Line undelivered() {
            return new Line(sent, -1, step, phase, from, to, type, bytes, link, id, cause, fromNode, toNode, compute,
                    0, 0, 0, 0, wall, null);
        }

        /** The same line, written at {@code wallNanos} after the run started on the wall clock. */
        public Line withWall(long wallNanos) {
            return new Line(sent, arrive, step, phase, from, to, type, bytes, link, id, cause, fromNode, toNode,
                    compute, latencyNs, jitterNs, serializationNs, queueNs, wallNanos, measured);
        }

        /** The same line with the latency its recipient measured on it. */
        public Line withMeasured(Measurement.Latency latency) {
            return new Line(sent, arrive, step, phase, from, to, type, bytes, link, id, cause, fromNode, toNode,
                    compute, latencyNs, jitterNs, serializationNs, queueNs, wall, latency);
        }

        /**
         * True for a line whose recipient may measure a protocol latency on it (a precoder or an assignment
         * reaching an AP): its writing waits for the AP's answer.
         */
        public boolean mayBeMeasured() {
            return to.role() == Role.AP && (type.equals("Precoder") || type.equals("Assignment"));
        }

        /**
         * Appends the JSON object of this line, of run {@code runName}. Plain appends rather than one long
         * string concatenation: by default lines are written only from deployment on, and a 40-part
         * concatenation is slow until the JIT has compiled it, which slowed the first deployment steps.
         */
        void appendJson(StringBuilder b, String runName) {
            boolean lost = arrive < 0;
            b.append("{\"run\":\"").append(runName).append("\",\"t\":").append(sent).append(",\"arrive\":");
            if (lost) {
                b.append("null");
            } else {
                b.append(arrive);
            }
            b.append(",\"wall\":").append(wall).append(",\"step\":").append(step)
                    .append(",\"phase\":\"").append(phase).append("\",\"from\":\"").append(from)
                    .append("\",\"to\":\"").append(to).append("\",\"type\":\"").append(type)
                    .append("\",\"bytes\":").append(bytes).append(",\"link\":\"").append(link.label())
                    .append("\",\"id\":").append(id).append(",\"cause\":").append(cause)
                    .append(",\"lost\":").append(lost)
                    .append(",\"fromNode\":\"").append(fromNode).append("\",\"toNode\":\"").append(toNode)
                    .append("\",\"crossNode\":").append(!fromNode.equals(toNode))
                    .append(",\"computeNs\":").append(compute.total())
                    .append(",\"qpuQueueNs\":").append(compute.queueNanos())
                    .append(",\"quantumNs\":").append(compute.quantumNanos())
                    .append(",\"classicalNs\":").append(compute.classicalNanos())
                    .append(",\"latencyNs\":").append(latencyNs).append(",\"jitterNs\":").append(jitterNs)
                    .append(",\"serNs\":").append(serializationNs).append(",\"queueNs\":").append(queueNs);
            if (measured != null) {
                b.append(",\"protocolLatencyNs\":").append(measured.nanos()).append(",\"breakdownNs\":{");
                for (int i = 0; i < LatencyParts.NAMES.size(); i++) {
                    b.append(i == 0 ? "\"" : ",\"").append(LatencyParts.NAMES.get(i)).append("\":")
                            .append(measured.parts().part(i));
                }
                b.append('}');
            }
            b.append('}');
        }
    }

    /** Lines handed to the writer together, with the run they belong to. */
    private record OfRun(String run, List<Line> lines) {
    }

    private final AsyncLines<OfRun> out;
    private final TraceSettings settings;
    private volatile String run = "";

    private TraceWriter(AsyncLines<OfRun> out, TraceSettings settings) {
        this.out = out;
        this.settings = settings;
    }

    public static TraceWriter open(Path file, TraceSettings settings) {
        if (!settings.enabled()) {
            return disabled();
        }
        // the choice of lines is made here, on the writer's thread: see write
        BiConsumer<OfRun, StringBuilder> format = (x, b) -> {
            for (Line line : x.lines()) {
                if (wanted(settings, line.phase(), line.step())) {
                    line.appendJson(b, x.run());
                    b.append('\n');
                }
            }
        };
        return new TraceWriter(new AsyncLines<>(file, format), settings);
    }

    /** A writer that writes nothing. */
    public static TraceWriter disabled() {
        return new TraceWriter(null, new TraceSettings(false, 0, Set.of()));
    }

    /**
     * The trace as another node sees it: the same choice of lines ({@link #wants}), written by the world
     * node ({@link #local()} is false: lines go there).
     */
    public static TraceWriter remote(TraceSettings settings) {
        return new TraceWriter(null, settings);
    }

    /** True when this writer writes the file itself (on the world node). */
    public boolean local() {
        return out != null;
    }

    /** True when a message of {@code phase} at step {@code step} of that phase is written. */
    public boolean wants(String phase, long step) {
        return wanted(settings, phase, step);
    }

    private static boolean wanted(TraceSettings settings, String phase, long step) {
        return settings.enabled() && settings.phases().contains(phase) && step < settings.maxSteps();
    }

    /** True when lines are traced at all (which of them are written, {@link #wants} says). */
    public boolean enabled() {
        return settings.enabled();
    }

    public TraceSettings settings() {
        return settings;
    }

    /** Lines written from now on belong to run {@code name}. */
    public void run(String name) {
        this.run = name;
    }

    /**
     * Writes {@code line} as a line of the current run if the settings want it ({@link #wants}), which the
     * writer's thread decides. A node's network hands every line over: choosing on its thread would change
     * course when deployment begins after emulated training (by default only deployment is written), and
     * the JIT would recompile the network's hottest methods just then, slowing paper.conf's first
     * deployment steps. (Lines for another node are chosen before they travel.)
     */
    public void write(Line line) {
        write(List.of(line));
    }

    /** Writes {@code lines}, in order, as {@link #write(Line)} does each. */
    public void write(List<Line> lines) {
        if (out != null) {
            out.write(new OfRun(run, lines));
        }
    }

    @Override
    public void close() {
        if (out != null) {
            out.close();
        }
    }
}
