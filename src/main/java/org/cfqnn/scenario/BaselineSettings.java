package org.cfqnn.scenario;

import org.cfqnn.input.InvalidInputException;

/**
 * The classical baselines' settings ({@code cfqnn.baselines}).
 *
 * @param optimumLimit     largest K^M the optimum enumerates; beyond it the optimum is solved by CP-SAT
 * @param optimumTimeLimit seconds the CP-SAT optimum may take per decision, > 0
 */
public record BaselineSettings(long optimumLimit, double optimumTimeLimit) {

    /** Longest accepted time limit: one day. */
    public static final double MAX_TIME_LIMIT = 86_400;

    public BaselineSettings {
        if (optimumLimit < 1) {
            throw new InvalidInputException("optimum-limit", optimumLimit, "must be an integer >= 1");
        }
        if (!(optimumTimeLimit > 0 && optimumTimeLimit <= MAX_TIME_LIMIT)) {
            throw new InvalidInputException("optimum-time-limit", optimumTimeLimit + " s",
                    "must be a time > 0 and at most 1 day, e.g. 60 s");
        }
    }

    public static BaselineSettings read(Settings b) {
        long limit = b.getLong("optimum-limit");
        long nanos = EmulatorSettings.duration(b, "optimum-time-limit", Long.MIN_VALUE, Long.MAX_VALUE);
        try {
            return new BaselineSettings(limit, nanos / 1e9);
        } catch (InvalidInputException e) {
            throw e.within(b.key(""));
        }
    }

    /** The defaults of application.conf. */
    public static BaselineSettings defaults() {
        return read(Defaults.cfqnn().block("baselines"));
    }

    public BaselineSettings withOptimumTimeLimit(double seconds) {
        return new BaselineSettings(optimumLimit, seconds);
    }
}
