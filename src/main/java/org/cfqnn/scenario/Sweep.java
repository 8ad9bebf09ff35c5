package org.cfqnn.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cfqnn.input.InvalidInputException;

/**
 * The {@code emulator.sweep} block: the settings every protocol runs at. One key over a list of values
 * ({@code key}, {@code values}), or a grid of axes, every combination, the first axis outermost
 * ({@code grid = [{ key = k, values = [...] }, { keys = [k1, k2], values = [[a1, a2], [b1, b2]] }]}; an
 * axis of several keys sets them together, one list per point). No axis: one point, the scenario itself.
 */
public record Sweep(List<Axis> axes, boolean grid) {

    /** Keys set together, and their values at each point of the axis (one value per key). */
    public record Axis(List<String> keys, List<List<ConfigValue>> values) {

        /** The label of point {@code i}: its value, or the values joined by "/" for several keys. */
        public String label(int i) {
            List<String> parts = new ArrayList<>();
            for (ConfigValue v : values.get(i)) {
                parts.add(v.render(ConfigRenderOptions.concise()).replace("\"", ""));
            }
            return String.join("/", parts);
        }

        /** The keys' last path segments joined by "/": {@code n-ap/n-user}. */
        public String name() {
            List<String> parts = new ArrayList<>();
            for (String k : keys) {
                parts.add(k.substring(k.lastIndexOf('.') + 1));
            }
            return String.join("/", parts);
        }
    }

    public static final Sweep NONE = new Sweep(List.of(), false);

    public boolean isEmpty() {
        return axes.isEmpty();
    }

    /** What summary.json and the plots name the sweep by: the key, or the axes' keys joined by " x ". */
    public String key() {
        List<String> parts = new ArrayList<>();
        for (Axis a : axes) {
            parts.add(String.join("+", a.keys()));
        }
        return String.join(" x ", parts);
    }

    static Sweep read(Settings e) {
        Settings sw = e.block("sweep").onlyKeys(Set.of("key", "values", "grid"));
        String key = sw.getString("key");
        List<ConfigValue> values = new ArrayList<>(list(sw, "values"));
        List<ConfigValue> grid = list(sw, "grid");
        if (key.isBlank() != values.isEmpty()) {
            throw new InvalidInputException(e.key("sweep"), key.isBlank() ? "values without key" : "key without values",
                    "needs both a key and a non-empty list of values");
        }
        if (!key.isBlank() && !grid.isEmpty()) {
            throw new InvalidInputException(sw.key("grid"), "(" + grid.size() + " axes)", "set either key and values "
                    + "(one key) or grid (several), not both");
        }
        if (!key.isBlank()) {
            return new Sweep(List.of(new Axis(List.of(key), values.stream().map(List::of).toList())), false);
        }
        List<Axis> axes = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            axes.add(axis(sw.key("grid") + "[" + i + "]", grid.get(i)));
        }
        return axes.isEmpty() ? NONE : new Sweep(List.copyOf(axes), true);
    }

    private static List<ConfigValue> list(Settings sw, String key) {
        try {
            return sw.raw().getList(key);
        } catch (ConfigException.WrongType x) {
            throw new InvalidInputException(sw.key(key), Settings.render(sw.raw().getValue(key)), "must be a list");
        }
    }

    private static Axis axis(String where, ConfigValue v) {
        String form = "must be { key = \"k\", values = [...] } or { keys = [\"k1\", \"k2\"], values = [[v1, v2], ...] }";
        if (v.valueType() != ConfigValueType.OBJECT) {
            throw new InvalidInputException(where, Settings.render(v), form);
        }
        Config c = ((com.typesafe.config.ConfigObject) v).toConfig();
        Settings a = new Settings(c, where + ".").onlyKeys(Set.of("key", "keys", "values"));
        if (c.hasPath("key") == c.hasPath("keys")) {
            throw new InvalidInputException(where, Settings.render(v), form);
        }
        List<String> keys = c.hasPath("key") ? List.of(a.getString("key")) : EmulatorSettings.strings(a, "keys");
        if (keys.isEmpty() || keys.stream().anyMatch(String::isBlank)) {
            throw new InvalidInputException(a.key("keys"), keys.toString(), "must name at least one key");
        }
        List<ConfigValue> raw = list(a, "values");
        if (raw.isEmpty()) {
            throw new InvalidInputException(a.key("values"), "[]", "needs at least one value");
        }
        List<List<ConfigValue>> values = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            ConfigValue x = raw.get(i);
            if (keys.size() == 1) {
                values.add(List.of(x));
                continue;
            }
            if (x.valueType() != ConfigValueType.LIST || ((List<?>) x.unwrapped()).size() != keys.size()) {
                throw new InvalidInputException(a.key("values") + "[" + i + "]", Settings.render(x), "must be a list of "
                        + keys.size() + " values, one per key of " + keys);
            }
            values.add(List.copyOf((com.typesafe.config.ConfigList) x));
        }
        return new Axis(List.copyOf(keys), List.copyOf(values));
    }
}
