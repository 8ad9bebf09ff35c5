package org.cfqnn.baseline;

import java.util.List;
import org.cfqnn.input.InvalidInputException;

/** The classical assignment methods, by the names users select them with. */
public final class Baselines {

    public static final List<String> NAMES =
            List.of(OptimumBaseline.NAME, SearchBaseline.NAME, GreedyMaxMin.NAME, RandomBaseline.NAME);

    private Baselines() {
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
