package org.cfqnn.io;

import org.cfqnn.radio.Channel;

/**
 * A channel snapshot (docs/model.md section 5): the true channel, the estimate the optimizers see (the same
 * object unless the file carries {@code hHat}), the linear SNR and the interference factor.
 */
public record Snapshot(Channel truth, Channel estimate, double rho, double mu) {

    public Snapshot {
        if (truth.nAp() != estimate.nAp() || truth.nUser() != estimate.nUser() || truth.nTx() != estimate.nTx()) {
            throw new IllegalArgumentException("truth and estimate differ in shape");
        }
    }

    public static Snapshot exact(Channel h, double rho, double mu) {
        return new Snapshot(h, h, rho, mu);
    }

    public int nAp() {
        return truth.nAp();
    }

    public int nUser() {
        return truth.nUser();
    }

    public int nTx() {
        return truth.nTx();
    }
}
