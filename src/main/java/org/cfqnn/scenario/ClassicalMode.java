package org.cfqnn.scenario;

/** How the emulator charges classical work (assignment methods, MR precoders) when compute is charged. */
public enum ClassicalMode {
    /** Operations counted by the decision x the calibrated ns per operation: deterministic, grows with M and K. */
    COUNTED("counted"),
    /** {@code emulator.compute.classical} per assignment decision, MR precoders free: cfqnn's charges before. */
    FLAT("flat"),
    /** The wall time the computation took on this machine: not reproducible. */
    MEASURED("measured");

    private final String label;

    ClassicalMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
