package org.cfqnn.protocol;

/** Timers entities set for themselves; the emulator delivers them after the delay, in virtual or real time. */
public sealed interface Timer extends Event permits Timer.Begin, Timer.StepTick, Timer.TransmitDue,
        Timer.CollectTimeout, Timer.AirDeadline, Timer.TrainingDue, Timer.QpuFree {

    /** The run starts (t = 0). */
    record Begin() implements Timer, World.Input, AccessPoint.Input {
        public long step() {
            return -1;
        }
    }

    /** World: the start of tick {@code step}, when the channel is regenerated. */
    record StepTick(long step) implements Timer, World.Input {
    }

    /** AP: the transmit instant of {@code step} (the deadline). */
    record TransmitDue(long step) implements Timer, AccessPoint.Input {
    }

    /** Cloud: stop waiting for the remaining CSI of {@code step}. */
    record CollectTimeout(long step) implements Timer, Cloud.Input {
    }

    /**
     * World, real clock: {@code step} goes on the air now with whatever transmissions have arrived (an AP
     * whose transmission is late is silent for that step).
     */
    record AirDeadline(long step) implements Timer, World.Input {
    }

    /**
     * Training job {@code job} of the cloud or an edge is due: its charged compute time has passed. Handled
     * by the emulator's adapter, which then hands the machine the job's result ({@link Notice.TrainingDone}).
     */
    record TrainingDue(long job) implements Timer {
        public long step() {
            return -1;
        }
    }

    /**
     * Cloud or edge: a QPU of the site may be free for the training execution waiting behind inference
     * ({@link Qpus}); if it is, the training job starts now.
     */
    record QpuFree() implements Timer, Cloud.Input, Edge.Input {
        public long step() {
            return -1;
        }
    }
}
