package org.cfqnn.report;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.cfqnn.progress.ProgressListener;

/**
 * Progress of long work on stderr: a bar in a terminal; in a log (stderr not a terminal) a line at every
 * 10 % and at least every {@value #LINE_EVERY_SECONDS} s; or nothing. The bar appears at the first step,
 * so time spent before any step (training, start-up) does not distort its estimate of the time left.
 */
public final class Progress implements ProgressListener {

    /** How progress is shown. */
    public enum Mode {
        BAR, LINES, OFF;

        /** A bar in a terminal, lines otherwise. */
        public static Mode auto() {
            return System.console() != null ? BAR : LINES;
        }
    }

    private static final long LINE_EVERY_SECONDS = 10;

    private final String task;
    private final long total;
    private final Mode mode;
    private final PrintStream err;
    private final long start = System.nanoTime();
    private ProgressBar bar;
    private long done;
    private int lastDecile;
    private long lastLine = System.nanoTime();

    private Progress(String task, long total, Mode mode, PrintStream err) {
        this.task = task;
        this.total = Math.max(total, 1);
        this.mode = mode;
        this.err = err;
    }

    public static Progress start(String task, long total, Mode mode) {
        return start(task, total, mode, System.err);
    }

    /** Progress shown on {@code err}. */
    public static Progress start(String task, long total, Mode mode, PrintStream err) {
        return new Progress(task, total, mode, err);
    }

    /** {@code enabled}: shown as {@link Mode#auto()}; otherwise nothing. */
    public static Progress start(String task, long total, boolean enabled) {
        return start(task, total, enabled ? Mode.auto() : Mode.OFF);
    }

    /** Training progress shown in {@code mode}. */
    public static ProgressListener.Factory factory(Mode mode) {
        return (task, total) -> start(task, total, mode);
    }

    @Override
    public synchronized void stepBy(long n) {
        if (n <= 0 || mode == Mode.OFF) {
            return;
        }
        done += n;
        if (mode == Mode.BAR) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                        .setUpdateIntervalMillis(200).setConsumer(new ConsoleProgressBarConsumer(err)).build();
            }
            bar.stepTo(done);
            return;
        }
        int decile = (int) Math.min(10, done * 10 / total);
        long now = System.nanoTime();
        if (decile > lastDecile || now - lastLine >= LINE_EVERY_SECONDS * 1_000_000_000L) {
            lastDecile = decile;
            lastLine = now;
            double seconds = (now - start) / 1e9;
            double left = done >= total ? 0 : seconds / done * (total - done);
            err.printf("%s: %d%% (%d of %d) after %.0f s, about %.0f s left%n", task, done * 100 / total, done, total,
                    seconds, left);
            err.flush();
        }
    }

    public synchronized void message(String extra) {
        if (bar != null) {
            bar.setExtraMessage(extra);
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
