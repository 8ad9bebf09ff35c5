package org.cfqnn.protocol;

/** What the emulator tells an entity that is neither a message nor its own timer. */
public sealed interface Notice extends Event permits Notice.EntityLost, Notice.TrainingDone {

    /** Entity {@code address} on cluster node {@code node} is gone (its node was killed and removed). */
    record EntityLost(Address address, String node) implements Notice, World.Input, Cloud.Input {
        public long step() {
            return -1;
        }
    }

    /** Training job {@code job} finished with {@code params}, and its charged time has passed. */
    record TrainingDone(long job, double[] params) implements Notice, Cloud.Input, Edge.Input {
        public long step() {
            return -1;
        }
    }
}
