package org.cfqnn.protocol;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.cfqnn.input.InvalidInputException;

/**
 * How a network decides. The QNN protocols: {@code non-centralized} (the paper: the cloud assigns with its
 * QNN, each edge computes its AP's precoder) and {@code centralized} (the cloud also runs every edge
 * circuit and sends the precoders). The classical controls: the cloud assigns with a classical method and
 * every AP computes its MR precoder itself.
 */
public enum Protocol {
    NON_CENTRALIZED("non-centralized", true),
    CENTRALIZED("centralized", true),
    SEARCH("search", false),
    GREEDY_MAXMIN("greedy-maxmin", false),
    OPTIMUM("optimum", false),
    RANDOM("random", false);

    private final String label;
    private final boolean qnn;

    Protocol(String label, boolean qnn) {
        this.label = label;
        this.qnn = qnn;
    }

    public String label() {
        return label;
    }

    /** True for the protocols that run QNNs (and need trained models). */
    public boolean usesQnn() {
        return qnn;
    }

    /** For a classical protocol, the assignment method's name ({@code org.cfqnn.baseline.Baselines}). */
    public String method() {
        if (qnn) {
            throw new IllegalStateException(label + " assigns with its QNN");
        }
        return label;
    }

    public static Protocol parse(String key, String label) {
        for (Protocol p : values()) {
            if (p.label.equals(label)) {
                return p;
            }
        }
        throw new InvalidInputException(key, label, "must be among "
                + Arrays.stream(values()).map(Protocol::label).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return label;
    }
}
