package org.cfqnn.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cfqnn.trace.TraceBreakdown;
import org.cfqnn.trace.TraceReader;
import org.cfqnn.trace.TraceSummary;
import org.cfqnn.trace.TraceViewer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cfqnn trace summarize FILE} (counts and latency percentiles per message type) and {@code cfqnn trace
 * view FILE} (the interactive viewer page). Both skip corrupt lines (a run cut short leaves a truncated last
 * line) and warn with the count and the first line number; {@code --strict} makes a corrupt line an error.
 */
@Command(name = "trace", mixinStandardHelpOptions = true, description = "Work with trace.jsonl files.",
        subcommands = {TraceCommand.Summarize.class, TraceCommand.View.class})
public final class TraceCommand {

    /** The options both subcommands share. */
    static final class Input {
        @Parameters(index = "0", paramLabel = "FILE", description = "A trace.jsonl written by cfqnn run.")
        Path file;

        @Option(names = "--strict", description = "Fail on the first corrupt line (default: skip corrupt lines, "
                + "warn with their count and the first line number).")
        boolean strict;

        TraceReader.Corrupt policy() {
            return strict ? TraceReader.Corrupt.FAIL : TraceReader.Corrupt.SKIP;
        }

        /** Prints the reader's warning, if any, as {@code cfqnn trace <cmd>: warning: ...}. */
        void warn(CommandSpec spec, TraceReader.Result read) {
            if (read.corrupt() > 0) {
                PrintWriter err = spec.commandLine().getErr();
                err.println(spec.qualifiedName() + ": " + read.warning());
                err.flush();
            }
        }
    }

    @Command(name = "summarize", mixinStandardHelpOptions = true,
            description = {"Per run and message type: count, bytes, lost, and send-to-arrival latency percentiles (us).",
                "Then per run the protocol latency breakdown: each part's mean and p99 (us) over the (step, AP) "
                    + "latencies the APs measured, as summary.json's latencyBreakdownUs (traces written before it: "
                    + "\"no breakdown in this trace\")."})
    static final class Summarize implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Input input;

        @Override
        public Integer call() {
            TraceSummary summary = new TraceSummary();
            TraceBreakdown breakdown = new TraceBreakdown();
            TraceReader.Result read = TraceReader.read(input.file, input.policy(), e -> {
                summary.add(e);
                breakdown.add(e);
            });
            PrintWriter out = spec.commandLine().getOut();
            out.print(summary.table());
            out.printf("%d messages in %s%n", read.messages(), input.file);
            if (breakdown.isEmpty()) {
                out.println("no breakdown in this trace");
            } else {
                out.printf("%nProtocol latency breakdown per (step, AP): CSI at the AP -> precoder at the AP%n");
                out.print(breakdown.table());
            }
            out.flush();
            input.warn(spec, read);
            return 0;
        }
    }

    @Command(name = "view", mixinStandardHelpOptions = true,
            description = {"Write DIR/" + TraceViewer.FILE_NAME + ": one self-contained page (no server, no network) "
                    + "to browse the trace in a browser: a lane per entity, messages as arrows, zoom and pan, jump to a "
                    + "step, filters, causal chains, the steps that missed their deadline.",
                "Deadline misses come from --steps, else the steps.csv beside the trace, else per-step records in the "
                    + "trace, else they are derived from it (transmissions whose precoder is not of their step)."})
    static final class View implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Input input;

        @Option(names = "--out", paramLabel = "DIR", description = "Directory for the page (default: the trace's directory).")
        Path out;

        @Option(names = "--steps", paramLabel = "FILE", description = "The run's steps.csv (default: steps.csv beside "
                + "the trace, if there is one).")
        Path steps;

        @Override
        public Integer call() {
            Path dir = out != null ? out : input.file.toAbsolutePath().getParent();
            Path csv = steps != null ? steps : TraceViewer.stepsBeside(input.file);
            TraceViewer.Written w = TraceViewer.write(input.file, csv, dir.resolve(TraceViewer.FILE_NAME), input.policy());
            PrintWriter o = spec.commandLine().getOut();
            o.printf("wrote %s (%.1f MB): %d messages, %d steps, %d with deadline misses%s; open it in a browser%n",
                    w.page(), w.bytes() / 1e6, w.read().messages(), w.steps(), w.missedSteps(),
                    csv == null ? "" : " (from " + csv + ")");
            o.flush();
            input.warn(spec, w.read());
            return 0;
        }
    }
}
