package org.cfqnn.protocol;

/** What an AP transmits with when this step's precoder has not arrived by the deadline. */
public enum Fallback {
    /** The last precoder it received (computed for an older channel). */
    LAST("last"),
    /** MR on its own estimate toward the user of the assignment in force. */
    MR("mr");

    private final String label;

    Fallback(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
