package org.cfqnn.cli;

import picocli.CommandLine.Option;

/** {@code --progress / --no-progress}: a progress bar on stderr, on by default in a terminal. */
public final class ProgressOption {

    @Option(names = "--progress", negatable = true,
            description = "Show a progress bar on stderr (default: when stderr is a terminal).")
    Boolean progress;

    boolean enabled() {
        return progress != null ? progress : System.console() != null;
    }
}
