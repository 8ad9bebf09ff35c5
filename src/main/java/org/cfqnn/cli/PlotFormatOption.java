package org.cfqnn.cli;

import java.util.Set;
import org.cfqnn.report.Plots;
import picocli.CommandLine.Option;

/** {@code --format png,svg,pdf}: the file formats every plot is written in. */
public final class PlotFormatOption {

    @Option(names = "--format", paramLabel = "png,svg,pdf", description = "Plot file formats, comma-separated "
            + "(default: png; svg and pdf are vector graphics for publication).")
    String format = "png";

    Set<Plots.Format> formats() {
        return Plots.Format.parse("--format", format);
    }
}
