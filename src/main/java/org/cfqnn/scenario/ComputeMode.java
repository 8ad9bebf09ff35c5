package org.cfqnn.scenario;

/** How the emulator charges the time a computation takes. */
public enum ComputeMode {
    /** A fixed charge per circuit and per classical decision: deterministic. */
    CHARGED("charged"),
    /** The wall time the computation took on this machine: not reproducible. */
    MEASURED("measured");

    private final String label;

    ComputeMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
