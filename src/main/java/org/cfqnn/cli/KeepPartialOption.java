package org.cfqnn.cli;

import picocli.CommandLine.Option;

/** {@code --keep-partial}: on Ctrl-C, keep what was written so far under DIR.partial instead of removing it. */
public final class KeepPartialOption {

    @Option(names = "--keep-partial", description = "If interrupted, keep the partial results in DIR.partial "
            + "(default: remove them; DIR is never left half-written).")
    boolean keepPartial;
}
