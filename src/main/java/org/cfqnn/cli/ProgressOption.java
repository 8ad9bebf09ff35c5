package org.cfqnn.cli;

import picocli.CommandLine.Option;

/**
 * {@code --progress / --no-progress}: progress on stderr, on by default: a bar in a terminal, a line per 10 %
 * (and at least every 10 s) when stderr is a log.
 */
public final class ProgressOption {

    @Option(names = "--progress", negatable = true,
            description = "Show progress on stderr (default: on; a bar in a terminal, a line per 10%% in logs).")
    Boolean progress;

    /** A bar in a terminal, log lines otherwise; nothing with --no-progress. */
    org.cfqnn.report.Progress.Mode mode() {
        return progress == null || progress ? org.cfqnn.report.Progress.Mode.auto() : org.cfqnn.report.Progress.Mode.OFF;
    }

    boolean enabled() {
        return mode() != org.cfqnn.report.Progress.Mode.OFF;
    }
}
