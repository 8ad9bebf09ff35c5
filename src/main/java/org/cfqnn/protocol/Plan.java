package org.cfqnn.protocol;

import org.cfqnn.qnn.TrainedQnn;
import org.cfqnn.quantum.backend.BackendSpec;
import org.cfqnn.radio.ChannelModel;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.rng.Seed;

/**
 * Everything the entities of one run agree on, immutable: the protocol, the radio model, the run's seed,
 * the timing, and the phases. A run has {@code edgeTrainingTicks} ticks of Algorithm 1's edge training
 * (0 unless training is emulated), preceded by the cloud's training if {@code cloudTrainingPhase}, then
 * {@code deploymentSteps} deployment steps. Messages carry the tick; measurements and outputs count
 * deployment steps from 0.
 *
 * @param qnn the QNN system of a QNN protocol (its initial parameters), null for the classical ones
 * @param cloudUploadSamples channel samples each AP uploads for the cloud's training (Algorithm 1, line 2)
 * @param decisions how the cloud's and edges' decisions read their circuits (shots, noise; training stays exact)
 * @param drain after the last step is on the air, the run goes on this long (ns, no new step) so decisions
 *              still computing deliver their precoders and their latency is measured
 */
public record Plan(Protocol protocol, RadioModel radio, Seed seed, long stepPeriod, long deadline, long collectTimeout,
                   Fallback fallback, double correlation, double userSpeed, boolean onlineTraining, boolean realClock,
                   boolean cloudTrainingPhase, int edgeTrainingTicks, long deploymentSteps, int cloudUploadSamples,
                   TrainedQnn qnn, BackendSpec decisions, long drain) {

    public int nAp() {
        return radio.nAp();
    }

    public int nUser() {
        return radio.nUser();
    }

    public int nTx() {
        return radio.nTx();
    }

    public long totalTicks() {
        return edgeTrainingTicks + deploymentSteps;
    }

    public boolean isDeployment(long tick) {
        return tick >= edgeTrainingTicks;
    }

    /** The deployment step of a tick (negative during edge training). */
    public long deploymentStep(long tick) {
        return tick - edgeTrainingTicks;
    }

    /**
     * The seed of the channel realization of a tick: deployment step s is trial s of the run's seed, as in
     * {@code cfqnn compare}; edge-training ticks draw from their own streams.
     */
    public Seed realization(long tick) {
        return isDeployment(tick) ? ChannelModel.trial(seed, deploymentStep(tick))
                : ChannelModel.trial(seed.split("edge-training"), tick);
    }
}
