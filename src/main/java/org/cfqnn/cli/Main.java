package org.cfqnn.cli;

import java.io.PrintWriter;
import org.cfqnn.input.InvalidInputException;
import picocli.CommandLine;

/**
 * Entry point. Exit codes: 0 success, 2 bad input (flags, files, scenarios; one line on stderr),
 * 1 anything else (stack trace with {@code --verbose}).
 */
public final class Main {

    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_FAILURE = 1;

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // SLF4J reports replaying the few log calls made while Logback starts: noise for users
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CfqnnCommand root = new CfqnnCommand();
        CommandLine cmd = new CommandLine(root);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler((ex, argv) -> {
            String name = qualifiedName(ex.getCommandLine());
            if (ex instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()) {
                // as every other input error: the flag, then what is wrong with it
                String flag = missing.getMissing().get(0) instanceof CommandLine.Model.OptionSpec o ? o.longestName()
                        : missing.getMissing().get(0).paramLabel();
                err.println(name + ": " + flag + ": missing; this option is required (see '"
                        + qualifiedName(ex.getCommandLine()) + " --help')");
                err.flush();
                return EXIT_BAD_INPUT;
            }
            err.println(name + ": " + ex.getMessage() + " (see '" + qualifiedName(ex.getCommandLine()) + " --help')");
            err.flush();
            return EXIT_BAD_INPUT;
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            String name = qualifiedName(commandLine);
            Throwable cause = ex;
            if (cause instanceof InvalidInputException bad) {
                err.println(name + ": " + bad.getMessage());
                err.flush();
                return EXIT_BAD_INPUT;
            }
            err.println(name + ": error: " + (cause.getMessage() == null ? cause.toString() : cause.getMessage()));
            if (root.verbose) {
                cause.printStackTrace(err);
            } else {
                err.println("(run with --verbose for the stack trace)");
            }
            err.flush();
            return EXIT_FAILURE;
        });
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static String qualifiedName(CommandLine c) {
        return c.getCommandSpec().qualifiedName();
    }
}
