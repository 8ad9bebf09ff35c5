package org.cfqnn.baseline;

import java.util.List;
import java.util.SplittableRandom;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.rng.Seed;

/** The classical assignment methods, by the names users select them with. */
public final class Baselines {

    public static final List<String> NAMES =
            List.of(OptimumBaseline.NAME, SearchBaseline.NAME, GreedyMaxMin.NAME, RandomBaseline.NAME);

    private Baselines() {
    }

    /**
     * The random stream a method decides with on a realization ({@code method/<name hash>} below its
     * seed): {@code compare}'s trials and the emulator's cloud draw the same numbers.
     */
    public static SplittableRandom decisionRandom(Seed realization, String method) {
        return realization.split("method", method.hashCode()).random();
    }

    /** The method called {@code name}; an optimum beyond {@code optimumLimit} gets the default time limit. */
    public static AssignmentMethod byName(String name, long optimumLimit) {
        return byName(name, optimumLimit, OptimumBaseline.DEFAULT_TIME_LIMIT);
    }

    /** @param optimumTimeLimit seconds the CP-SAT optimum may take per decision */
    public static AssignmentMethod byName(String name, long optimumLimit, double optimumTimeLimit) {
        return switch (name) {
            case OptimumBaseline.NAME -> new OptimumBaseline(optimumLimit, optimumTimeLimit);
            case SearchBaseline.NAME -> new SearchBaseline();
            case GreedyMaxMin.NAME -> new GreedyMaxMin();
            case RandomBaseline.NAME -> new RandomBaseline();
            default -> throw new InvalidInputException("method", name, "must be one of " + String.join(", ", NAMES));
        };
    }
}
