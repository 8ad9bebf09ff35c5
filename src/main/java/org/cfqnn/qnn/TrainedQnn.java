package org.cfqnn.qnn;

import org.cfqnn.qnn.cloud.CloudModel;
import org.cfqnn.qnn.edge.EdgeModel;
import org.cfqnn.qnn.train.TrainingSettings;

/**
 * A trained non-centralized QNN system: the cloud model and its parameters, how it decodes, and the
 * edge model with one parameter vector per AP. Network shape {@code (nAp, nUser, nTx)} is the one it
 * was trained for.
 */
public record TrainedQnn(int nAp, int nUser, int nTx, CloudModel cloud, double[] cloudParams, String decoding,
                         int candidates, TrainingSettings cloudTraining, EdgeModel edge, double[][] edgeParams,
                         TrainingSettings edgeTraining, long seed) {

    public boolean sampled() {
        return "sampled".equals(decoding);
    }

    /**
     * The system deployed on a network of another size: a size-free cloud keeps its parameters; AP m's
     * edge takes the parameters of trained edge {@code m mod M} (every edge trains the same ansatz on the
     * same channel distribution, so they are interchangeable). Fails, naming both sizes, when the cloud or
     * the edges cannot serve the new size.
     *
     * @param key what the error names (the flag or file the model came from)
     */
    public TrainedQnn resized(int newAps, int newUsers, int newTx, String key) {
        if (newAps == nAp && newUsers == nUser && newTx == nTx) {
            return this;
        }
        String was = String.format("M=%d K=%d N=%d", nAp, nUser, nTx);
        String now = String.format("M=%d K=%d N=%d", newAps, newUsers, newTx);
        if (!cloud.sizeFree()) {
            throw new org.cfqnn.input.InvalidInputException(key, cloud.ansatz(), "the " + cloud.ansatz()
                    + " cloud was trained for " + was + " and cannot decode " + now
                    + ": its circuit is built for one network size (graph and maxmin clouds transfer)");
        }
        if (!edge.fits(newUsers, newTx)) {
            throw new org.cfqnn.input.InvalidInputException(key, edge.ansatz(), "the " + edge.ansatz()
                    + " edges were trained for " + was + " and cannot precode " + now
                    + ": their register depends on K or N");
        }
        double[][] edges = new double[newAps][];
        for (int m = 0; m < newAps; m++) {
            edges[m] = edgeParams[m % nAp];
        }
        return new TrainedQnn(newAps, newUsers, newTx, cloud, cloudParams, decoding, candidates, cloudTraining, edge,
                edges, edgeTraining, seed);
    }
}
