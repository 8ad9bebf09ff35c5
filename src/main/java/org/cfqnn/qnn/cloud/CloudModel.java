package org.cfqnn.qnn.cloud;

import java.util.List;
import java.util.Map;
import org.cfqnn.quantum.backend.BackendSpec;
import org.cfqnn.quantum.device.DeviceModel;
import org.cfqnn.rng.Seed;

/**
 * A cloud QNN architecture (paper Sec. IV-A): estimated channels in, an AP-to-user assignment out.
 * Immutable and shareable; {@link #worker()} gives a per-thread evaluator owning its simulators.
 */
public interface CloudModel {

    /** The name scenario files select it by ({@code paper}, {@code graph}). */
    String ansatz();

    int parameterCount();

    /** The largest register it simulates. */
    int qubits();

    /** Architecture settings written to model files. */
    Map<String, Object> hyperparameters();

    double[] initialParameters(Seed seed);

    /** A worker whose decisions read exact expectation values. */
    default CloudWorker worker() {
        return worker(BackendSpec.EXACT);
    }

    /** A worker whose decisions read their circuits through {@code decisions} (shots, noise); training stays exact. */
    CloudWorker worker(BackendSpec decisions);

    /**
     * The circuits of one assignment for M APs and K users as the device runs them: stages one after
     * another, the circuits of a stage independent (they may run side by side). Their count is
     * {@link #circuitsPerInference}.
     */
    List<DeviceModel.Stage> inferenceStages(int nAp, int nUser);

    /**
     * Whether the same parameters decode networks of any M and K (per-link circuits with shared weights),
     * so a model trained on one size deploys on another.
     */
    boolean sizeFree();

    /** Circuit executions of one assignment for M APs and K users (charged compute in the emulator). */
    long circuitsPerInference(int nAp, int nUser);

    /**
     * Circuit executions of one training step as quantum hardware would run it: the parameter-shift
     * rule's two runs per parametric gate, plus the unshifted run, for every circuit evaluated.
     */
    long circuitsPerTrainingStep(int nAp, int nUser);
}
