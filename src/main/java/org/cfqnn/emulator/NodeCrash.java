package org.cfqnn.emulator;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A node that dies while it handles deployment step {@code step} (negative: never; cluster faults):
 * {@code action} kills it (the JVM halts; in tests the actor system terminates without leaving the
 * cluster). Once it has fired the node's entities do nothing more, not even answer.
 */
final class NodeCrash {

    static final NodeCrash NONE = new NodeCrash(-1, () -> { });

    private final long step;
    private final Runnable action;
    private final AtomicBoolean fired = new AtomicBoolean();

    NodeCrash(long step, Runnable action) {
        this.step = step;
        this.action = action;
    }

    /**
     * True when the node is dead: it already crashed, or crashes now, handling a message of deployment step
     * {@code messageStep} ({@code Long.MIN_VALUE}: not a message).
     */
    boolean down(long messageStep) {
        if (fired.get()) {
            return true;
        }
        if (step < 0 || messageStep < step) {
            return false;
        }
        if (fired.compareAndSet(false, true)) {
            action.run();
        }
        return true;
    }
}
