package org.cfqnn.emulator;

/** Timers entities schedule for themselves through the network (virtual or real time). */
public final class Timers {

    private Timers() {
    }

    /** The run starts (t = 0). */
    public record Begin() implements Event {
    }

    /** World: the start of step {@code step}, when the channel is regenerated. */
    public record StepTick(long step) implements Event {
    }

    /** AP: the transmit instant of step {@code step} (the deadline). */
    public record TransmitDue(long step) implements Event {
    }

    /** Cloud: stop waiting for the remaining CSI of step {@code step}. */
    public record CollectTimeout(long step) implements Event {
    }

    /** Cloud or edge: training job {@code job} is due to finish (its charged compute time has passed). */
    public record TrainingDue(long job) implements Event {
    }

    /**
     * World, real clock: step {@code step} goes on the air now with whatever transmissions have arrived
     * (an AP whose transmission is late is silent for that step).
     */
    public record AirDeadline(long step) implements Event {
    }

    /**
     * Network -> world and cloud: entity {@code address} on cluster node {@code node} is gone (its node was
     * killed and removed from the cluster).
     */
    public record EntityLost(String address, String node) implements Event {
    }
}
