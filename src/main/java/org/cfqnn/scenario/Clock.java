package org.cfqnn.scenario;

/** Which clock a run's time follows. */
public enum Clock {
    /** Deterministic discrete-event time, as fast as the machine allows. */
    VIRTUAL("virtual"),
    /** The wall clock. */
    REAL("real");

    private final String label;

    Clock(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
