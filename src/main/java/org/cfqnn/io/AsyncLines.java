package org.cfqnn.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A text file written by a thread of its own: producers hand over items (cheap, no I/O on their thread),
 * the writer formats them into lines and writes each batch it takes from the queue straight to the file
 * (unbuffered: what it has taken is on disk). The queue is bounded, so a producer faster than the disk
 * waits instead of filling memory. An idle writer polls every {@link #IDLE_NANOS} rather than waiting on
 * the queue: a waiting consumer would cost every hand-over a thread wake-up (a system call per trace
 * line). {@link #close()} writes everything handed over and closes; it is safe to call from a shutdown hook, and items written
 * after it are dropped.
 *
 * @param <T> what producers hand over
 */
public final class AsyncLines<T> implements AutoCloseable {

    private static final int CAPACITY = 1 << 14;
    private static final Object END = new Object();
    /** Formatted text is written in chunks of about this many characters. */
    private static final int CHUNK = 1 << 16;
    /** How long an idle writer sleeps before looking again: lines reach the disk at most this late. */
    private static final long IDLE_NANOS = 1_000_000;

    private final Path file;
    private final BiConsumer<T, StringBuilder> format;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread thread;
    private volatile boolean closed;
    private volatile Throwable failure;

    /** Lines that are the items' strings. */
    public AsyncLines(Path file, Function<T, String> format) {
        this(file, (T item, StringBuilder b) -> b.append(format.apply(item)).append('\n'));
    }

    /**
     * Text that {@code format} appends for each item, on the writer's thread: a line with its newline, or
     * nothing (the item is dropped).
     */
    public AsyncLines(Path file, BiConsumer<T, StringBuilder> format) {
        this.file = file;
        this.format = format;
        OutputStream out;
        try {
            out = Files.newOutputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        this.thread = new Thread(() -> drain(out), "cfqnn-writer-" + file.getFileName());
        thread.setDaemon(true);
        thread.start();
    }

    /** Hands {@code item} over to be written. */
    public void write(T item) {
        if (closed) {
            return;
        }
        if (failure != null) {
            throw new UncheckedIOException("cannot write " + file + ": " + failure.getMessage(),
                    failure instanceof IOException io ? io : new IOException(failure));
        }
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private void drain(OutputStream out) {
        List<Object> batch = new ArrayList<>();
        StringBuilder text = new StringBuilder(2 * CHUNK);
        try (out) {
            while (true) {
                batch.clear();
                if (queue.drainTo(batch) == 0) {
                    LockSupport.parkNanos(IDLE_NANOS);
                    Thread.interrupted(); // only close() ends the writer: what was handed over is written
                    continue;
                }
                for (Object item : batch) {
                    if (item == END) {
                        emit(text, out);
                        return;
                    }
                    format.accept((T) item, text);
                    if (text.length() >= CHUNK) {
                        emit(text, out);
                    }
                }
                emit(text, out);
            }
        } catch (IOException | RuntimeException e) {
            failure = e;
            queue.clear();
        }
    }

    /** Writes what {@code text} holds and empties it (as bytes: ASCII text is copied, not encoded by chars). */
    private static void emit(StringBuilder text, OutputStream out) throws IOException {
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        text.setLength(0);
    }

    /** Writes everything handed over so far, then closes the file. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (thread.isAlive()) {
                queue.put(END);
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw new UncheckedIOException("cannot write " + file + ": " + failure.getMessage(),
                    failure instanceof IOException io ? io : new IOException(failure));
        }
    }
}
