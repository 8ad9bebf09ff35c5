package org.cfqnn.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/** The defaults of {@code application.conf} (shipped inside the jar), read once. */
public final class Defaults {

    private static final Config CONFIG = ConfigFactory.load();

    private Defaults() {
    }

    /** The whole configuration: {@code pekko { }} and {@code cfqnn { }} blocks. */
    public static Config config() {
        return CONFIG;
    }

    public static Settings cfqnn() {
        return new Settings(CONFIG.getConfig("cfqnn"), "");
    }
}
