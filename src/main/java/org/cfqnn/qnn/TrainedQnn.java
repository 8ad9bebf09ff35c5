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
}
