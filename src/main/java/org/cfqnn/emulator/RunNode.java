package org.cfqnn.emulator;

import java.util.Map;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;
import org.cfqnn.emulator.network.NetworkCommand;
import org.cfqnn.emulator.record.Recorder;
import org.cfqnn.protocol.Address;
import org.cfqnn.protocol.Charges;
import org.cfqnn.protocol.Plan;

/**
 * One run as one node sees it: the immutable plan every entity shares, and the node's own services for
 * this run, which outlive actor restarts: its entities' endpoints and memory (parameters), the faults still
 * to inject, the node's own crash and where to report (the endpoints count the APs' latency reports).
 *
 * @param node the cluster node's name ({@code local} in one JVM)
 * @param classicalLimit the exhaustive optimum's size limit
 */
record RunNode(Plan plan, String node, Charges charges, long classicalLimit, ActorRef<NetworkCommand> network,
               ActorRef<Recorder.Command> recorder, ActorRef<Emulation.Command> emulation, Executor training,
               ParameterStore memory, Faults faults, NodeCrash crash, Map<Address, Endpoint> endpoints) {

    Endpoint endpoint(Address a) {
        return endpoints.get(a);
    }

    boolean virtual() {
        return !plan.realClock();
    }
}
