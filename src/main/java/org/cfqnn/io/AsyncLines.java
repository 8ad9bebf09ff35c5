package org.cfqnn.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * A text file written by a thread of its own: producers hand over items (cheap, no I/O on their thread),
 * the writer formats them into lines and writes them, flushing whenever it has caught up. The queue is
 * bounded, so a producer faster than the disk waits instead of filling memory. {@link #close()} writes
 * everything handed over, flushes and closes; it is safe to call from a shutdown hook, and items written
 * after it are dropped.
 *
 * @param <T> what producers hand over
 */
public final class AsyncLines<T> implements AutoCloseable {

    private static final int CAPACITY = 1 << 14;
    private static final Object END = new Object();

    private final Path file;
    private final Function<T, String> format;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread thread;
    private volatile boolean closed;
    private volatile Throwable failure;

    public AsyncLines(Path file, Function<T, String> format) {
        this.file = file;
        this.format = format;
        Writer out;
        try {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        BufferedWriter w = (BufferedWriter) out;
        this.thread = new Thread(() -> drain(w), "cfqnn-writer-" + file.getFileName());
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
    private void drain(BufferedWriter out) {
        List<Object> batch = new ArrayList<>(CAPACITY);
        try (out) {
            while (true) {
                batch.clear();
                batch.add(queue.take());
                queue.drainTo(batch);
                for (Object item : batch) {
                    if (item == END) {
                        return;
                    }
                    out.write(format.apply((T) item));
                    out.write('\n');
                }
                if (queue.isEmpty()) {
                    out.flush(); // caught up: what was handed over is on disk
                }
            }
        } catch (IOException | RuntimeException e) {
            failure = e;
            queue.clear();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
