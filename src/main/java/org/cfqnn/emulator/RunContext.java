package org.cfqnn.emulator;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.cfqnn.qnn.TrainedQnn;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.rng.Seed;
import org.cfqnn.scenario.EmulatorSettings;
import org.cfqnn.scenario.ScenarioSettings;

/**
 * What every actor of one emulation run shares: the settings, the protocol, the run's seed, the
 * entities' endpoints and parameter store (both outlive restarts), where to report, and the plan of
 * phases: {@code edgeTrainingSteps} steps of Algorithm 1's edge training (0 unless emulated), then
 * {@code settings.emulator().steps()} deployment steps.
 */
public record RunContext(ScenarioSettings settings, String protocol, Seed seed, Map<String, Endpoint> endpoints,
                         ParameterStore store, TrainedQnn qnn, boolean cloudTrainingPhase, int edgeTrainingSteps,
                         ActorRef<Recorder.Command> recorder, ActorRef<Emulation.Command> emulation,
                         Executor trainingExecutor, Set<EmulatorSettings.Fault> pendingFaults, AtomicLong progress,
                         AtomicLong deploymentWallStart) {

    public RadioModel radio() {
        return settings.radio();
    }

    public EmulatorSettings emulator() {
        return settings.emulator();
    }

    public int nAp() {
        return radio().nAp();
    }

    public int nUser() {
        return radio().nUser();
    }

    public int nTx() {
        return radio().nTx();
    }

    public long totalSteps() {
        return (long) edgeTrainingSteps + emulator().steps();
    }

    public boolean isDeployment(long step) {
        return step >= edgeTrainingSteps;
    }

    public boolean nonCentralized() {
        return protocol.equals(EmulatorSettings.NON_CENTRALIZED);
    }

    public boolean centralized() {
        return protocol.equals(EmulatorSettings.CENTRALIZED);
    }

    public boolean classical() {
        return !nonCentralized() && !centralized();
    }

    public Endpoint endpoint(String address) {
        return endpoints.get(address);
    }

    /** True once for each configured fault: {@code entity} crashes handling {@code step}. */
    public boolean fault(String entity, long step) {
        synchronized (pendingFaults) {
            return pendingFaults.remove(new EmulatorSettings.Fault(entity, step));
        }
    }

    /** Compute time of a quantum computation: charged per circuit, or the measured wall time. */
    public long quantumTime(long circuits, long measuredNanos) {
        return emulator().computeMode().equals("charged") ? circuits * emulator().circuitTime() : measuredNanos;
    }

    /** Compute time of a classical decision. */
    public long classicalTime(long measuredNanos) {
        return emulator().computeMode().equals("charged") ? emulator().classicalTime() : measuredNanos;
    }

    static Set<EmulatorSettings.Fault> faults(EmulatorSettings e) {
        return new HashSet<>(e.faults());
    }
}
