package org.cfqnn.emulator;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.pekko.actor.typed.ActorRef;
import org.cfqnn.qnn.TrainedQnn;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.rng.Seed;
import org.cfqnn.scenario.EmulatorSettings;
import org.cfqnn.scenario.ScenarioSettings;

/**
 * What the actors of one emulation run on one node share: the settings, the protocol, the run's seed,
 * the entities' endpoints and parameter store (both outlive restarts), where to report, and the plan of
 * phases: {@code edgeTrainingSteps} steps of Algorithm 1's edge training (0 unless emulated), then
 * {@code settings.emulator().steps()} deployment steps. {@code node} names the cluster node, {@code crash}
 * says when it dies (cluster faults), {@code latencyReports} counts the latency reports each AP sent.
 */
public record RunContext(ScenarioSettings settings, String protocol, Seed seed, Map<String, Endpoint> endpoints,
                         ParameterStore store, TrainedQnn qnn, boolean cloudTrainingPhase, int edgeTrainingSteps,
                         ActorRef<Recorder.Command> recorder, ActorRef<Emulation.Command> emulation,
                         Executor trainingExecutor, Set<EmulatorSettings.Fault> pendingFaults, AtomicLong progress,
                         AtomicLong deploymentWallStart, String node, NodeCrash crash, AtomicLongArray latencyReports) {

    /**
     * A node that dies while it handles step {@code step} (negative: never): {@code action} kills it (the
     * JVM halts; in tests the actor system terminates without leaving the cluster). Once it has fired
     * the node's entities do nothing more, not even acknowledge.
     */
    public static final class NodeCrash {

        public static final NodeCrash NONE = new NodeCrash(-1, () -> { });

        private final long step;
        private final Runnable action;
        private final AtomicBoolean fired = new AtomicBoolean();

        public NodeCrash(long step, Runnable action) {
            this.step = step;
            this.action = action;
        }

        /** True when the node is dead: it already crashed, or crashes now, handling {@code e}. */
        public boolean down(Event e) {
            if (fired.get()) {
                return true;
            }
            if (step < 0 || !(e instanceof Wire w) || w.step() < step) {
                return false;
            }
            if (fired.compareAndSet(false, true)) {
                action.run();
            }
            return true;
        }
    }

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
