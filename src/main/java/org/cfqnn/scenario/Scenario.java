package org.cfqnn.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.input.Spelling;

/**
 * A scenario: a HOCON file of overrides of the {@code cfqnn} block of application.conf (written
 * without the {@code cfqnn} wrapper), plus {@code --set key=value} overrides on top. Loading checks
 * the syntax and that every key exists in the defaults (a misspelt key is an error, not a silent
 * no-op); {@link ScenarioSettings#of} then validates every value.
 */
public final class Scenario {

    /** Keys earlier versions had, and what to set instead: an old scenario gets this, not "unknown key". */
    static final Map<String, String> MOVED = Map.of("emulator.compute.circuit",
            "was removed: a circuit's time comes from the quantum device model (quantum.device); set "
                    + "quantum.device.presets.ideal.circuit (the ideal preset's flat time per circuit execution, "
                    + "20 us by default) instead");

    private Scenario() {
    }

    /** The merged cfqnn configuration of {@code file} (null: defaults only) and the {@code key=value} overrides. */
    public static Config load(Path file, List<String> sets) {
        Config defaults = Defaults.config().getConfig("cfqnn");
        Config overrides = ConfigFactory.empty();
        for (String set : sets) {
            overrides = parseSet(set).withFallback(overrides);
        }
        Config fromFile = file == null ? ConfigFactory.empty() : parseFile(file);
        checkKnown(fromFile.root(), defaults, "", file == null ? "" : file + ": ");
        checkKnown(overrides.root(), defaults, "", "--set ");
        try {
            return overrides.withFallback(fromFile).withFallback(defaults).resolve();
        } catch (ConfigException e) {
            throw InvalidInputException.of(file == null ? "--set" : file.toString(), e.getMessage());
        }
    }

    private static Config parseFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw InvalidInputException.of(file.toString(), Files.exists(file) ? "not a regular file" : "no such file");
        }
        try {
            return ConfigFactory.parseFile(file.toFile(),
                    ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF).setAllowMissing(false));
        } catch (ConfigException e) {
            String msg = e.getMessage();
            // Typesafe prefixes the file path; keep the line and the reason
            int at = msg.indexOf(": ");
            throw InvalidInputException.of(file.toString(), "HOCON syntax error: " + (at > 0 ? msg.substring(at + 2) : msg));
        }
    }

    private static Config parseSet(String set) {
        int eq = set.indexOf('=');
        if (eq <= 0) {
            throw new InvalidInputException("--set", set, "must be key=value, e.g. --set radio.mu=0.2");
        }
        String key = set.substring(0, eq).trim();
        String value = set.substring(eq + 1).trim();
        try {
            return ConfigFactory.parseString(key + " = " + value);
        } catch (ConfigException e) {
            try {
                return ConfigFactory.parseMap(Map.of(key, value)); // a plain string value
            } catch (ConfigException e2) {
                throw new InvalidInputException("--set", set, "is not a valid key=value: " + e.getMessage());
            }
        }
    }

    /** Every key of {@code user} must exist in {@code defaults}, with a block where the default has one. */
    static void checkKnown(ConfigObject user, Config defaults, String prefix, String where) {
        for (Map.Entry<String, ConfigValue> e : user.entrySet()) {
            String path = prefix + quoteIfNeeded(e.getKey());
            if (MOVED.containsKey(path)) {
                throw new InvalidInputException(where + path, Settings.render(e.getValue()), MOVED.get(path));
            }
            if (!defaults.hasPathOrNull(path)) {
                throw new InvalidInputException(where + path, Settings.render(e.getValue()),
                        "unknown key" + suggestion(defaults, prefix, e.getKey()));
            }
            ConfigValue def = defaults.getValue(path);
            boolean userBlock = e.getValue().valueType() == ConfigValueType.OBJECT;
            boolean defaultBlock = def.valueType() == ConfigValueType.OBJECT;
            if (defaultBlock && !userBlock) {
                throw new InvalidInputException(where + path, Settings.render(e.getValue()), "must be a block { ... }");
            }
            if (userBlock && defaultBlock) {
                checkKnown((ConfigObject) e.getValue(), defaults, path + ".", where);
            } else if (userBlock) {
                throw new InvalidInputException(where + path, Settings.render(e.getValue()), "must be a value, not a block");
            }
        }
    }

    private static String suggestion(Config defaults, String prefix, String key) {
        String block = prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1);
        ConfigObject obj = block.isEmpty() ? defaults.root() : defaults.getObject(block);
        return "; allowed " + (block.isEmpty() ? "at the top level" : "in " + block) + ": "
                + Spelling.choices(key, obj.keySet());
    }

    private static String quoteIfNeeded(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? key : '"' + key + '"';
    }
}
