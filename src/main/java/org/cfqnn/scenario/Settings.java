package org.cfqnn.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.input.Spelling;

/**
 * Typed access to one block of configuration, with every error naming the full key: a missing or
 * mistyped key, an unknown key (usually a typo), a value out of range.
 */
public final class Settings {

    private final Config config;
    private final String prefix;

    public Settings(Config config, String prefix) {
        this.config = config;
        this.prefix = prefix;
    }

    public Settings block(String key) {
        if (!config.hasPath(key)) {
            throw new InvalidInputException(key(key), null, "missing block");
        }
        if (config.getValue(key).valueType() != ConfigValueType.OBJECT) {
            throw new InvalidInputException(key(key), render(config.getValue(key)), "must be a block { ... }");
        }
        return new Settings(config.getConfig(key), key(key) + ".");
    }

    public boolean has(String key) {
        return config.hasPath(key);
    }

    public String key(String key) {
        return prefix + key;
    }

    /** Every key of this block must be one of {@code allowed}. */
    public Settings onlyKeys(Set<String> allowed) {
        for (Map.Entry<String, ConfigValue> e : config.root().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw new InvalidInputException(key(e.getKey()), render(e.getValue()),
                        "unknown key; allowed here: " + Spelling.choices(e.getKey(), allowed));
            }
        }
        return this;
    }

    public int getInt(String key) {
        long v = getLong(key);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new InvalidInputException(key(key), raw(key), "must be an integer in [" + Integer.MIN_VALUE + ", "
                    + Integer.MAX_VALUE + "]");
        }
        return (int) v;
    }

    /**
     * A whole number. Typesafe Config would truncate {@code 4.9} to 4 silently; a fraction is an error
     * here (a whole number written as {@code 1e3} or {@code 100.0} is accepted).
     */
    public long getLong(String key) {
        Number n;
        try {
            n = config.getNumber(key);
        } catch (ConfigException.Missing e) {
            throw new InvalidInputException(key(key), null, "missing; an integer is required");
        } catch (ConfigException.WrongType e) {
            throw new InvalidInputException(key(key), raw(key), "must be an integer");
        }
        if (n instanceof Integer || n instanceof Long) {
            return n.longValue();
        }
        double d = n.doubleValue();
        if (!(d == Math.rint(d) && Math.abs(d) < 0x1p63)) {
            throw new InvalidInputException(key(key), raw(key), "must be an integer (a whole number, no fraction)");
        }
        return (long) d;
    }

    public double getDouble(String key) {
        try {
            double v = config.getDouble(key);
            if (!Double.isFinite(v)) {
                throw new InvalidInputException(key(key), v, "must be a finite number");
            }
            return v;
        } catch (ConfigException.Missing e) {
            throw new InvalidInputException(key(key), null, "missing; a number is required");
        } catch (ConfigException.WrongType e) {
            throw new InvalidInputException(key(key), raw(key), "must be a number");
        }
    }

    public boolean getBoolean(String key) {
        try {
            return config.getBoolean(key);
        } catch (ConfigException.Missing e) {
            throw new InvalidInputException(key(key), null, "missing; true or false is required");
        } catch (ConfigException.WrongType e) {
            throw new InvalidInputException(key(key), raw(key), "must be true or false");
        }
    }

    public String getString(String key) {
        try {
            return config.getString(key);
        } catch (ConfigException.Missing e) {
            throw new InvalidInputException(key(key), null, "missing; a string is required");
        } catch (ConfigException.WrongType e) {
            throw new InvalidInputException(key(key), raw(key), "must be a string");
        }
    }

    /** A list of numbers. */
    public double[] getDoubleList(String key) {
        try {
            return config.getDoubleList(key).stream().mapToDouble(Double::doubleValue).toArray();
        } catch (ConfigException.Missing e) {
            throw new InvalidInputException(key(key), null, "missing; a list of numbers is required");
        } catch (ConfigException.WrongType e) {
            throw new InvalidInputException(key(key), raw(key), "must be a list of numbers, e.g. [0.0, 0.5]");
        }
    }

    /** A string that must be one of {@code choices}. */
    public String getChoice(String key, Set<String> choices) {
        String v = getString(key);
        if (!choices.contains(v)) {
            throw new InvalidInputException(key(key), v, "must be one of " + String.join(", ", new TreeSet<>(choices)));
        }
        return v;
    }

    public Config raw() {
        return config;
    }

    private String raw(String key) {
        return render(config.getValue(key));
    }

    static String render(ConfigValue v) {
        String s = v.render(com.typesafe.config.ConfigRenderOptions.concise());
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
