package org.cfqnn.input;

/** Range checks that fail with an {@link InvalidInputException} naming the key. */
public final class Require {

    private Require() {
    }

    public static int atLeast(String key, int value, int min) {
        if (value < min) {
            throw new InvalidInputException(key, value, "must be an integer >= " + min);
        }
        return value;
    }

    public static int inRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidInputException(key, value, "must be an integer in [" + min + ", " + max + "]");
        }
        return value;
    }

    public static double finite(String key, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidInputException(key, value, "must be a finite number");
        }
        return value;
    }

    public static double positive(String key, double value) {
        if (!(Double.isFinite(value) && value > 0)) {
            throw new InvalidInputException(key, value, "must be a finite number > 0");
        }
        return value;
    }

    public static double nonNegative(String key, double value) {
        if (!(Double.isFinite(value) && value >= 0)) {
            throw new InvalidInputException(key, value, "must be a finite number >= 0");
        }
        return value;
    }

    /** {@code min <= value <= max}. */
    public static double inRange(String key, double value, double min, double max) {
        if (!(Double.isFinite(value) && value >= min && value <= max)) {
            throw new InvalidInputException(key, value, "must be a number in [" + min + ", " + max + "]");
        }
        return value;
    }
}
