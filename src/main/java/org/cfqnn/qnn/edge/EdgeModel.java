package org.cfqnn.qnn.edge;

import java.util.Map;
import org.cfqnn.quantum.backend.BackendSpec;
import org.cfqnn.quantum.device.DeviceModel;
import org.cfqnn.rng.Seed;

/**
 * An edge QNN architecture (paper Sec. IV-B, Eq. 15-20): maps the estimated channel of the user an
 * AP serves to that AP's precoder. Immutable and shareable; {@link #worker()} gives a per-thread
 * evaluator that owns its simulator.
 */
public interface EdgeModel {

    /** The name scenario files select it by ({@code paper}, {@code amplitude}). */
    String ansatz();

    int parameterCount();

    /** Qubits of its circuit. */
    int qubits();

    /** Architecture settings written to model files. */
    Map<String, Object> hyperparameters();

    double[] initialParameters(Seed seed);

    /** A worker whose precoders read exact expectation values. */
    default EdgeWorker worker() {
        return worker(BackendSpec.EXACT);
    }

    /** A worker whose precoders read the circuit through {@code decisions} (shots, noise); training stays exact. */
    EdgeWorker worker(BackendSpec decisions);

    /** The circuit of one precoder as the device runs it (one execution). */
    DeviceModel.Stage inferenceStage();

    /** Whether parameters trained for K users and N antennas also serve {@code nUser} users and {@code nTx} antennas. */
    boolean fits(int nUser, int nTx);

    /** Circuit executions of one precoder (one). */
    default long circuitsPerInference() {
        return 1;
    }

    /** Circuit executions of one training step on hardware: parameter shift over every parametric gate. */
    long circuitsPerTrainingStep();
}
