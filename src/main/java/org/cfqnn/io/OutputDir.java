package org.cfqnn.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.cfqnn.input.InvalidInputException;

/**
 * A results directory filled all at once: files are written into a hidden staging directory beside
 * the target and the staging directory replaces the target only on {@link #commit()}, so nothing
 * half-made passes for a valid result and nothing stale from an earlier run stays beside new results.
 *
 * <p>Every results directory holds a {@value #MARKER} file; an existing non-empty directory without it
 * is refused (cfqnn never deletes a directory it did not write). If the JVM is interrupted (Ctrl-C)
 * before the commit, the staging directory is removed, or kept under the visible name
 * {@code DIR.partial} when asked, and one line on stderr says so.
 */
public final class OutputDir implements AutoCloseable {

    /** Marks a directory as cfqnn's results, which a later run may replace. */
    public static final String MARKER = ".cfqnn-results";
    static final String FLAG = "--out";

    private final Path target;
    private final Path staging;
    private final String command;
    private final boolean keepPartial;
    private final List<AutoCloseable> writers = new ArrayList<>();
    private final Interruption.Registration onInterrupt;
    private boolean committed;
    private boolean closed;

    private OutputDir(Path target, Path staging, String command, boolean keepPartial) {
        this.target = target;
        this.staging = staging;
        this.command = command;
        this.keepPartial = keepPartial;
        this.onInterrupt = Interruption.register(this::interrupted);
    }

    /** A results directory for {@code cfqnn <command>}; {@code keepPartial}: keep what was written if interrupted. */
    public static OutputDir create(Path target, String command, boolean keepPartial) {
        Path abs = target.toAbsolutePath().normalize();
        checkReplaceable(target, abs);
        Path parent = abs.getParent();
        try {
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, "." + abs.getFileName() + ".partial-");
            Files.writeString(staging.resolve(MARKER), "results of " + command + "\n");
            return new OutputDir(abs, staging, command, keepPartial);
        } catch (IOException e) {
            throw new InvalidInputException(FLAG, target, "cannot be created: " + reason(e, parent));
        }
    }

    /** As {@link #create(Path, String, boolean)}, not kept when interrupted. */
    public static OutputDir create(Path target) {
        return create(target, "cfqnn", false);
    }

    private static void checkReplaceable(Path target, Path abs) {
        if (!Files.exists(abs)) {
            return;
        }
        if (!Files.isDirectory(abs)) {
            throw new InvalidInputException(FLAG, target, "exists and is not a directory");
        }
        if (Files.exists(abs.resolve(MARKER))) {
            return;
        }
        try (Stream<Path> entries = Files.list(abs)) {
            if (entries.findAny().isPresent()) {
                throw new InvalidInputException(FLAG, target, "is a non-empty directory that cfqnn did not write (no "
                        + MARKER + " file): choose a new directory or empty this one");
            }
        } catch (IOException e) {
            throw new InvalidInputException(FLAG, target, "cannot be read: " + reason(e, abs));
        }
    }

    /** A human reason for a file system error: "permission denied", "no space left", ... with the path involved. */
    public static String reason(IOException e, Path where) {
        if (e instanceof AccessDeniedException) {
            return "permission denied in " + where;
        }
        if (e instanceof NoSuchFileException) {
            return "no such directory " + where;
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException || e instanceof java.nio.file.NotDirectoryException) {
            return "a part of " + where + " is a file, not a directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT) + " (" + where + ")";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** Where to write {@code name} now; it appears in the target directory on {@link #commit()}. */
    public Path file(String name) {
        return staging.resolve(name);
    }

    /** The staging directory itself, for writers that take a directory. */
    public Path staging() {
        return staging;
    }

    public Path target() {
        return target;
    }

    /** A writer to close (flushing it) before the staging directory is kept or removed after an interrupt. */
    public synchronized <W extends AutoCloseable> W track(W writer) {
        writers.add(writer);
        return writer;
    }

    /** Replaces the target directory with the staged results. */
    public synchronized void commit() {
        Path old = null;
        try {
            if (Files.exists(target)) {
                old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
                Files.delete(old);
                Files.move(target, old);
            }
            Files.move(staging, target);
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the results into " + target + ": " + reason(e, target), e);
        } finally {
            if (old != null) {
                deleteTree(old);
            }
            close();
        }
    }

    /** Deletes the staging directory; without a commit the results are discarded. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        onInterrupt.cancel();
        if (!committed) {
            deleteTree(staging);
        }
    }

    public boolean committed() {
        return committed;
    }

    /** The JVM is shutting down before the results were complete (Ctrl-C, SIGTERM). */
    private synchronized String interrupted() {
        if (closed) {
            return null;
        }
        closed = true;
        for (AutoCloseable w : writers) {
            try {
                w.close();
            } catch (Exception e) {
                // the writer may be half-way through a line: what is on disk is still worth keeping
            }
        }
        if (keepPartial) {
            Path kept = target.resolveSibling(target.getFileName() + ".partial");
            try {
                deleteTree(kept);
                Files.delete(staging.resolve(MARKER)); // not results a later run may silently replace
                Files.move(staging, kept);
                return command + ": interrupted; partial results (not valid results) kept in " + kept;
            } catch (IOException e) {
                return command + ": interrupted; could not keep the partial results in " + kept + ": " + reason(e, kept);
            }
        }
        deleteTree(staging);
        return command + ": interrupted; nothing was written to " + target + " (--keep-partial keeps partial results)";
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a stale hidden directory is harmless
        }
    }
}
