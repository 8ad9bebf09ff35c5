package org.cfqnn.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes that never leave a half-written file behind: content goes to a temporary file beside the
 * target, which is then renamed over it in one step.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] content) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try {
                Files.write(tmp, content);
                readableByAll(tmp);
                move(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            // the user's path and the reason, never the temporary file's name
            throw new org.cfqnn.input.InvalidInputException(OutputDir.FLAG, asUserSees(target), "cannot be written: "
                    + OutputDir.reason(e, asUserSees(dir)));
        }
    }

    /** A path inside a results directory being written ({@code .NAME.partial-...}) as it will be named: NAME. */
    static Path asUserSees(Path p) {
        Path out = p.getRoot();
        for (Path part : p) {
            java.util.regex.Matcher m = STAGING.matcher(part.toString());
            Path name = m.matches() ? Path.of(m.group(1)) : part;
            out = out == null ? name : out.resolve(name);
        }
        return out == null ? p : out;
    }

    private static final java.util.regex.Pattern STAGING = java.util.regex.Pattern.compile("\\.(.+)\\.partial-[^/]*");

    public static void writeString(Path target, String content) {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Temporary files are created owner-only; results are meant to be shared like any other file. */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
