package org.cfqnn.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs a command line in-process and captures what it printed. */
public record CliRunner(int exitCode, String out, String err) {

    /** Writes {@code text} to a new scenario file in {@code dir}. */
    static java.nio.file.Path scenario(java.nio.file.Path dir, String text) throws java.io.IOException {
        java.nio.file.Path f = java.nio.file.Files.createTempFile(dir, "s", ".conf");
        java.nio.file.Files.writeString(f, text);
        return f;
    }

    public static CliRunner run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRunner(code, out.toString(), err.toString());
    }
}
