package org.cfqnn.progress;

/**
 * Where long work reports its steps (a progress bar, a log, nothing): training and the emulator depend
 * on this, not on any console.
 */
public interface ProgressListener extends AutoCloseable {

    /** Reports nothing. */
    ProgressListener NONE = n -> { };

    /** {@code n} more steps done. */
    void stepBy(long n);

    /** One more step done. */
    default void step() {
        stepBy(1);
    }

    @Override
    default void close() {
    }

    /** Opens the progress display of a task of {@code total} steps. */
    interface Factory {
        Factory NONE = (task, total) -> ProgressListener.NONE;

        ProgressListener start(String task, long total);
    }
}
