package org.cfqnn.input;

import java.util.Map;

/**
 * Bad user input: a key (a scenario key, a CLI flag, a JSON field), the value given and what is
 * allowed. The CLI prints the message on one line and exits with code 2.
 *
 * <p>Core classes name their canonical field ({@code nAp}); the layer that read the input renames it
 * to what the user typed ({@code --nap}, {@code radio.n-ap}) with {@link #renamed(Map)}.
 */
public final class InvalidInputException extends RuntimeException {

    private final String key;
    private final String value;
    private final String allowed;

    public InvalidInputException(String key, Object value, String allowed) {
        super(null, null, false, false);
        this.key = key;
        this.value = value == null ? null : String.valueOf(value);
        this.allowed = allowed;
    }

    /** An error about the input as a whole (a file that cannot be read or parsed). */
    public static InvalidInputException of(String where, String problem) {
        return new InvalidInputException(where, null, problem);
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }

    public String allowed() {
        return allowed;
    }

    /** The same error with its key renamed, if {@code names} knows it. */
    public InvalidInputException renamed(Map<String, String> names) {
        String name = names.get(key);
        return name == null ? this : new InvalidInputException(name, value, allowed);
    }

    /** The same error with a prefix on its key, e.g. a file name or a JSON path. */
    public InvalidInputException within(String prefix) {
        return new InvalidInputException(prefix + key, value, allowed);
    }

    @Override
    public String getMessage() {
        if (value == null) {
            return key + ": " + allowed;
        }
        return key + " = " + value + ": " + allowed;
    }
}
