package org.cfqnn.emulator;

import org.cfqnn.protocol.Plan;
import org.cfqnn.protocol.Protocol;
import org.cfqnn.qnn.TrainedQnn;
import org.cfqnn.rng.Seed;
import org.cfqnn.scenario.Clock;
import org.cfqnn.scenario.EmulatorSettings;
import org.cfqnn.scenario.ScenarioSettings;

/** Builds a run's {@link Plan} from its settings: the same on every node. */
final class Plans {

    private Plans() {
    }

    /**
     * The plan of {@code protocol} under settings {@code s}; {@code qnn} is the QNN system (null for classical
     * protocols), {@code emulate} runs Algorithm 1's training phases as messages first.
     */
    static Plan of(ScenarioSettings s, Protocol protocol, TrainedQnn qnn, boolean emulate) {
        EmulatorSettings e = s.emulator();
        return new Plan(protocol, s.radio(), new Seed(s.seed()), e.stepPeriod(), e.deadline(), e.collectTimeout(),
                e.fallback(), e.correlation(), e.userSpeed(), e.onlineTraining(), e.clock() == Clock.REAL, emulate,
                emulate ? qnn.edgeTraining().iterations() : 0, e.steps(),
                qnn == null ? 0 : qnn.cloudTraining().iterations(), qnn, s.quantum().backend(),
                e.drain());
    }
}
