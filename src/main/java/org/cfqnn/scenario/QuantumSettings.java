package org.cfqnn.scenario;

import com.typesafe.config.ConfigValueType;
import java.util.Set;
import java.util.function.Function;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.input.Require;
import org.cfqnn.quantum.DensityMatrix;
import org.cfqnn.quantum.backend.BackendSpec;
import org.cfqnn.quantum.backend.NoiseModel;
import org.cfqnn.quantum.device.DeviceModel;

/**
 * The {@code quantum { ... }} block, validated: shots, noise (with how it is simulated) and the device.
 *
 * @param shots               shots per expectation, 0 = exact values
 * @param noise               depolarizing and readout noise
 * @param densityMatrixQubits widest register simulated with a density matrix
 * @param trajectories        Monte-Carlo trajectories per evaluation beyond that width
 * @param device              the quantum processor's timing and resources
 */
public record QuantumSettings(int shots, NoiseModel noise, int densityMatrixQubits, int trajectories,
                              DeviceModel device) {

    /** The value of a device figure that takes the preset's. */
    public static final String FROM_PRESET = "preset";
    static final Set<String> PRESETS = Set.of("ideal", "superconducting", "trapped-ion");
    private static final long MAX_DURATION = 3_600_000_000_000L;

    /** How decisions evaluate circuits under these settings. */
    public BackendSpec backend() {
        return new BackendSpec(shots, noise, densityMatrixQubits, trajectories);
    }

    /** Reads the block of the merged {@code cfqnn} configuration's {@code quantum} key. */
    public static QuantumSettings read(Settings q) {
        int shots = q.getInt("shots");
        if (shots < 0 || shots > 100_000_000) {
            throw new InvalidInputException(q.key("shots"), shots, "must be 0 (exact) or a number of shots up to 1e8");
        }
        Settings n = q.block("noise");
        NoiseModel noise = new NoiseModel(probability(n, "depolarizing-1q"), probability(n, "depolarizing-2q"),
                probability(n, "readout"));
        int dmQubits = Require.inRange(n.key("density-matrix-qubits"), n.getInt("density-matrix-qubits"), 0,
                DensityMatrix.MAX_QUBITS);
        int trajectories = Require.inRange(n.key("trajectories"), n.getInt("trajectories"), 1, 1_000_000);
        return new QuantumSettings(shots, noise, dmQubits, trajectories, device(q.block("device")));
    }

    private static double probability(Settings s, String key) {
        return Require.inRange(s.key(key), s.getDouble(key), 0.0, 1.0);
    }

    private static DeviceModel device(Settings d) {
        String preset = d.getChoice("preset", PRESETS);
        Settings presets = d.block("presets");
        for (String name : PRESETS) { // every preset is validated, the chosen one and the others
            device(name, key -> presets.block(name), true, 1, 1);
        }
        Settings chosen = presets.block(preset);
        boolean parallel = d.getBoolean("parallel");
        int qpus = Require.inRange(d.key("qpus"), d.getInt("qpus"), 1, 1024);
        int exactShots = Require.inRange(d.key("exact-shots"), d.getInt("exact-shots"), 1, 100_000_000);
        return device(preset, key -> source(d, chosen, key), parallel, qpus, exactShots);
    }

    /** The device with its figures read, each from the block {@code source} gives for its key. */
    private static DeviceModel device(String preset, Function<String, Settings> source, boolean parallel, int qpus,
                                      int exactShots) {
        long gate1q = EmulatorSettings.duration(source.apply("gate-1q"), "gate-1q", 0, MAX_DURATION);
        long gate2q = EmulatorSettings.duration(source.apply("gate-2q"), "gate-2q", 0, MAX_DURATION);
        long readout = EmulatorSettings.duration(source.apply("readout"), "readout", 0, MAX_DURATION);
        long reset = EmulatorSettings.duration(source.apply("reset"), "reset", 0, MAX_DURATION);
        long circuit = EmulatorSettings.duration(source.apply("circuit"), "circuit", 0, MAX_DURATION);
        boolean virtualRz = source.apply("virtual-rz").getBoolean("virtual-rz");
        boolean sequential = source.apply("sequential-gates").getBoolean("sequential-gates");
        Settings qs = source.apply("qubits");
        int qubits = Require.inRange(qs.key("qubits"), qs.getInt("qubits"), 1, 1_000_000);
        return new DeviceModel(preset, gate1q, gate2q, readout, reset, virtualRz, sequential, circuit, qubits,
                parallel, qpus, exactShots);
    }

    /** The block a figure is read from: the device block if set there, the preset's if it says {@code preset}. */
    private static Settings source(Settings device, Settings preset, String key) {
        var v = device.raw().hasPath(key) ? device.raw().getValue(key) : null;
        boolean fromPreset = v != null && v.valueType() == ConfigValueType.STRING && FROM_PRESET.equals(v.unwrapped());
        return fromPreset ? preset : device;
    }
}
