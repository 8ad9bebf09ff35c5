package org.cfqnn.qnn;

import java.util.random.RandomGenerator;
import org.cfqnn.qnn.cloud.CloudSample;
import org.cfqnn.qnn.cloud.CloudWorker;
import org.cfqnn.qnn.edge.EdgeWorker;
import org.cfqnn.quantum.backend.BackendSpec;
import org.cfqnn.radio.Channel;
import org.cfqnn.radio.Precoders;

/**
 * The deployment phase of Algorithm 1 on one thread: the cloud assigns every AP with its decoding,
 * then each edge computes its AP's precoder from that AP's channel estimate and assigned user.
 */
public final class Deployment {

    private final TrainedQnn qnn;
    private final CloudWorker cloud;
    private final EdgeWorker edge;

    /** Decisions from exact expectation values. */
    public Deployment(TrainedQnn qnn) {
        this(qnn, BackendSpec.EXACT);
    }

    /** Decisions reading their circuits through {@code decisions} (shots, noise). */
    public Deployment(TrainedQnn qnn, BackendSpec decisions) {
        this.qnn = qnn;
        this.cloud = qnn.cloud().worker(decisions);
        this.edge = qnn.edge().worker(decisions);
    }

    public TrainedQnn qnn() {
        return qnn;
    }

    /** The cloud's assignment; {@code rng} serves the circuits' shots and noise, then sampled decoding. */
    public int[] assign(Channel estimate, double rho, double mu, RandomGenerator rng) {
        CloudSample s = new CloudSample(estimate, rho, mu);
        return qnn.sampled() ? cloud.assignSampled(s, qnn.cloudParams(), qnn.candidates(), rng)
                : cloud.assign(s, qnn.cloudParams(), rng);
    }

    /** Every edge's precoder for the assignment (exact or deterministic readout). */
    public Precoders precode(Channel estimate, int[] assignment) {
        return precode(estimate, assignment, null);
    }

    /** Every edge's precoder for the assignment, the circuits' shots and noise drawn from {@code rng}. */
    public Precoders precode(Channel estimate, int[] assignment, RandomGenerator rng) {
        int nTx = estimate.nTx();
        double[] re = new double[estimate.nAp() * nTx];
        double[] im = new double[re.length];
        double[] vRe = new double[nTx];
        double[] vIm = new double[nTx];
        for (int m = 0; m < estimate.nAp(); m++) {
            edge.precode(estimate, m, assignment[m], qnn.edgeParams()[m], vRe, vIm, rng);
            System.arraycopy(vRe, 0, re, m * nTx, nTx);
            System.arraycopy(vIm, 0, im, m * nTx, nTx);
        }
        return Precoders.of(estimate.nAp(), nTx, re, im);
    }

    /** One edge's precoder (the emulator's edges compute their own). */
    public void precode(Channel estimate, int m, int user, double[] vRe, double[] vIm) {
        edge.precode(estimate, m, user, qnn.edgeParams()[m], vRe, vIm);
    }
}
