package org.cfqnn.emulator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams {@code trace.jsonl}: one JSON object per message,
 * <pre>{"run":"...","t":sendNs,"arrive":ns|null,"wall":ns,"step":s,"phase":"...","from":"ap-0","to":"cloud",
 *  "type":"Csi","bytes":120,"link":"fronthaul","id":...,"cause":...,"lost":false,
 *  "fromNode":"edge-0","toNode":"cloud","crossNode":true}</pre>
 * ({@code fromNode}/{@code toNode}: the cluster nodes hosting sender and recipient, {@code local} in one JVM).
 * Lines are written in delivery order and flushed at every new step, so a crash loses nothing
 * already recorded; nothing is kept in memory.
 */
public final class TraceSink implements AutoCloseable {

    private final BufferedWriter out;
    private final long maxSteps;
    private String run = "";

    public TraceSink(Path file, long maxSteps) {
        try {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.maxSteps = maxSteps;
    }

    /** A sink that writes nothing. */
    public static TraceSink disabled() {
        return new TraceSink();
    }

    private TraceSink() {
        this.out = null;
        this.maxSteps = 0;
    }

    public synchronized void run(String name) {
        this.run = name;
    }

    public synchronized void message(long sent, long arrive, long wall, long step, String phase, String from, String to,
                                     String type, int bytes, String link, long id, long cause, String fromNode,
                                     String toNode) {
        if (out == null || step >= maxSteps) {
            return;
        }
        try {
            out.write("{\"run\":\"" + run + "\",\"t\":" + sent + ",\"arrive\":" + (arrive < 0 ? "null" : arrive)
                    + ",\"wall\":" + wall + ",\"step\":" + step + ",\"phase\":\"" + phase + "\",\"from\":\"" + from
                    + "\",\"to\":\"" + to + "\",\"type\":\"" + type + "\",\"bytes\":" + bytes + ",\"link\":\"" + link
                    + "\",\"id\":" + id + ",\"cause\":" + cause + ",\"lost\":" + (arrive < 0) + ",\"fromNode\":\"" + fromNode + "\",\"toNode\":\"" + toNode
                    + "\",\"crossNode\":" + !fromNode.equals(toNode) + "}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void flush() {
        if (out != null) {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
