package org.cfqnn.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A results directory filled all at once: files are written into a hidden staging directory beside
 * the target and moved into place only by {@link #commit()}. A run that fails or is interrupted
 * before then leaves the target as it was, so nothing half-made passes for a valid result.
 */
public final class OutputDir implements AutoCloseable {

    private final Path target;
    private final Path staging;
    private boolean committed;

    private OutputDir(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    public static OutputDir create(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new org.cfqnn.input.InvalidInputException("--out", target, "exists and is not a directory");
        }
        try {
            Path parent = abs.getParent();
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, "." + abs.getFileName() + ".partial-");
            return new OutputDir(abs, staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output directory " + target + ": " + e.getMessage(), e);
        }
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

    /** Moves every staged file into the target directory (replacing files of the same name). */
    public void commit() {
        try {
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(staging)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    AtomicFiles.move(f, target.resolve(f.getFileName()));
                }
            }
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move results into " + target + ": " + e.getMessage(), e);
        } finally {
            close();
        }
    }

    /** Deletes the staging directory; without a commit the results are discarded. */
    @Override
    public void close() {
        if (!Files.exists(staging)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(staging)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a stale hidden staging directory is harmless
        }
    }

    public boolean committed() {
        return committed;
    }
}
