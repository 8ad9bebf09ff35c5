package org.cfqnn.protocol;

/**
 * One step's CSI at the cloud as it comes in: per AP the message, the latency chain it arrived on and when,
 * so that each AP's assignment continues that AP's own chain ({@link LatencyParts}).
 */
final class CsiCollection {

    private final Message.Csi[] csi;
    private final LatencyParts[] chains;
    private final long[] arrivedAt;
    private int first = -1;

    CsiCollection(int nAp) {
        this.csi = new Message.Csi[nAp];
        this.chains = new LatencyParts[nAp];
        this.arrivedAt = new long[nAp];
    }

    /** AP {@code c.ap()}'s CSI arrived at {@code at} on {@code chain}. */
    void add(Message.Csi c, LatencyParts chain, long at) {
        int m = c.ap();
        csi[m] = c;
        chains[m] = chain;
        arrivedAt[m] = at;
        if (first < 0) {
            first = m;
        }
    }

    /** The CSI by AP (null: not received). */
    Message.Csi[] csi() {
        return csi;
    }

    /**
     * AP m's chain when the cloud decides at {@code now}: its CSI's, with the time that CSI waited here for the
     * others. An AP whose CSI is missing continues the step's first CSI's chain (every pilot of a step leaves
     * the world at the same instant).
     */
    LatencyParts chainAt(int m, long now) {
        int from = csi[m] != null ? m : first;
        return chains[from].afterCollection(now - arrivedAt[from]);
    }
}
