package org.cfqnn.scenario;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.cfqnn.input.InvalidInputException;

/**
 * The {@code emulator.compute} block: how decisions are charged in the emulated timeline. Quantum work is
 * charged the device model's time ({@code quantum.device}) or measured; classical work ({@code
 * classical-mode}) by its counted operations, a flat time per decision, or measured.
 *
 * @param mode           charged (deterministic) or measured (wall time of everything)
 * @param classicalMode  with {@code mode = charged}: counted, flat or measured classical work
 * @param classicalFlat  ns per assignment decision with {@code classical-mode = flat}
 * @param calibration    ns per counted operation of each kind of work
 */
public record ComputeSettings(ComputeMode mode, ClassicalMode classicalMode, long classicalFlat,
                              Calibration calibration) {

    static ComputeSettings read(Settings c) {
        c.onlyKeys(Set.of("mode", "classical-mode", "classical", "ns-per-operation", "ns-per-decision", "calibration"));
        ComputeMode mode = Choices.read(c, "mode", ComputeMode.class, ComputeMode::label);
        ClassicalMode classical = Choices.read(c, "classical-mode", ClassicalMode.class, ClassicalMode::label);
        long flat = EmulatorSettings.duration(c, "classical", 0, 60_000_000_000L);
        String file = c.getString("calibration");
        Calibration calibration = file.isBlank()
                ? new Calibration(figures(c.block("ns-per-operation")), figures(c.block("ns-per-decision")))
                : fromFile(c, file);
        return new ComputeSettings(mode, classical, flat, calibration);
    }

    private static Map<String, Double> figures(Settings ns) {
        ns.onlyKeys(Set.copyOf(Calibration.KINDS));
        Map<String, Double> out = new LinkedHashMap<>();
        for (String kind : Calibration.KINDS) {
            out.put(kind, Calibration.check(ns.key(kind), ns.getDouble(kind)));
        }
        return out;
    }

    private static Calibration fromFile(Settings c, String file) {
        try {
            return Calibration.read(Path.of(file));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(c.key("calibration"), file, "unreadable calibration (write one with "
                    + "cfqnn bench calibrate --out FILE): " + e.getMessage());
        }
    }
}
