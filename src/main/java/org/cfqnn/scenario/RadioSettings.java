package org.cfqnn.scenario;

import java.util.Map;
import java.util.Set;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.radio.RadioModel;

/** Reads the {@code radio { ... }} block into a validated {@link RadioModel}. */
public final class RadioSettings {

    /** Scenario key of every RadioModel field, so a range error names what the user wrote. */
    public static final Map<String, String> KEYS = Map.of(
            "nAp", "n-ap", "nUser", "n-user", "nTx", "n-tx", "nPath", "n-path", "kappa", "kappa",
            "dMin", "d-min", "rho", "rho-db", "mu", "mu", "csiError", "csi-error");

    private RadioSettings() {
    }

    public static RadioModel read(Settings radio) {
        radio.onlyKeys(Set.copyOf(KEYS.values()));
        try {
            return new RadioModel(radio.getInt("n-ap"), radio.getInt("n-user"), radio.getInt("n-tx"),
                    radio.getInt("n-path"), radio.getDouble("kappa"), radio.getDouble("d-min"),
                    RadioModel.fromDb(rhoDb(radio)), radio.getDouble("mu"), radio.getDouble("csi-error"));
        } catch (InvalidInputException e) {
            String key = KEYS.get(e.key());
            throw key == null ? e : new InvalidInputException(radio.key(key), e.value(), e.allowed());
        }
    }

    private static double rhoDb(Settings radio) {
        double db = radio.getDouble("rho-db");
        if (db < -50 || db > 100) {
            throw new InvalidInputException(radio.key("rho-db"), db, "must be a number of dB in [-50, 100]");
        }
        return db;
    }
}
