package org.cfqnn.io;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What must happen if the JVM stops before work is complete (Ctrl-C, SIGTERM): actions registered here
 * run from one shutdown hook, in the order registered, and the line each returns (if any) goes to
 * stderr. Completed work cancels its registration, so a normal exit runs nothing.
 */
public final class Interruption {

    /** A registered action; {@link #cancel()} once the work it guards is complete. */
    public interface Registration {
        void cancel();
    }

    private static final Set<Supplier<String>> ACTIONS = new LinkedHashSet<>();
    private static boolean hooked;

    private Interruption() {
    }

    /** Registers {@code action}: it returns the line to print (null: nothing). */
    public static synchronized Registration register(Supplier<String> action) {
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(Interruption::runAll, "cfqnn-interrupted"));
            hooked = true;
        }
        ACTIONS.add(action);
        return () -> {
            synchronized (Interruption.class) {
                ACTIONS.remove(action);
            }
        };
    }

    private static void runAll() {
        List<Supplier<String>> pending;
        synchronized (Interruption.class) {
            pending = new ArrayList<>(ACTIONS);
            ACTIONS.clear();
        }
        for (Supplier<String> a : pending) {
            try {
                String line = a.get();
                if (line != null) {
                    System.err.println(line);
                }
            } catch (RuntimeException e) {
                System.err.println("cfqnn: while stopping: " + e.getMessage());
            }
        }
        System.err.flush();
    }
}
