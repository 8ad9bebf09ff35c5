package org.cfqnn.scenario;

/** How a run obtains its QNN models. */
public enum TrainingMode {
    /** Trained before deployment, outside the emulation. */
    OFFLINE("offline"),
    /** Algorithm 1's training phases run as protocol messages inside the emulation. */
    EMULATE("emulate"),
    /** Read from a directory written by {@code cfqnn train}. */
    LOAD("load");

    private final String label;

    TrainingMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
