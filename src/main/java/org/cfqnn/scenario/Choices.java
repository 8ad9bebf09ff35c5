package org.cfqnn.scenario;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cfqnn.input.InvalidInputException;

/** Reads a setting whose value is one of an enum's labels. */
final class Choices {

    private Choices() {
    }

    static <E extends Enum<E>> E read(Settings s, String key, Class<E> type, Function<E, String> label) {
        String v = s.getString(key);
        for (E e : type.getEnumConstants()) {
            if (label.apply(e).equals(v)) {
                return e;
            }
        }
        throw new InvalidInputException(s.key(key), v, "must be one of "
                + Arrays.stream(type.getEnumConstants()).map(label).sorted().collect(Collectors.joining(", ")));
    }
}
