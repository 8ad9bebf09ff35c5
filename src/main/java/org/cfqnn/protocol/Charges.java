package org.cfqnn.protocol;

import java.util.List;
import org.cfqnn.quantum.device.DeviceModel;

/**
 * How long a computation takes in the emulated network: the time the protocol's timeline charges for it.
 * {@code measuredNanos} is the wall time this machine took, which a charging model may use or ignore.
 * Quantum work runs on the site's QPUs ({@link Qpus}, {@link #qpus()} of them), which queue it; classical
 * work does not queue.
 */
public interface Charges {

    /** Work kind of an AP's maximum-ratio precoder (N complex multiply-adds and a norm). */
    String MR_PRECODER = "mr-precoder";

    /** Work kind of building an assignment problem's MR coupling table (M K K N complex multiply-adds). */
    String MR_TABLE = "mr-table";

    /** Work kind of a QNN cloud decision's classical part: encoding its inputs and decoding its outputs. */
    String QNN_CLOUD = "qnn-cloud";

    /**
     * The device time of one execution of a decision's circuits, its stages one after another
     * ({@link DeviceModel#decisionNanos} with the run's shots), before any queueing; 0 for no stage.
     */
    long device(List<DeviceModel.Stage> stages);

    /**
     * How long a decision's circuits hold a QPU: {@code deviceNanos} (from {@link #device}) when charged,
     * or the wall time the simulation took.
     */
    long quantum(long deviceNanos, long measuredNanos);

    /**
     * Classical work of one decision: {@code operations} of kind {@code work} (an assignment method's name,
     * {@link #QNN_CLOUD} or {@link #MR_PRECODER}) and {@code tableOperations} of {@link #MR_TABLE} counted by the decision, or a
     * flat charge per decision, or the measured time.
     */
    long classical(String work, long operations, long tableOperations, long measuredNanos);

    /** QPUs at each site (the cloud; each edge). */
    int qpus();

    /** Nothing costs time: decisions take effect at once. */
    Charges FREE = new Free();

    /** Charges nothing, on one QPU per site; a test overrides what it needs. */
    class Free implements Charges {
        @Override
        public long device(List<DeviceModel.Stage> stages) {
            return 0;
        }

        @Override
        public long quantum(long deviceNanos, long measuredNanos) {
            return 0;
        }

        @Override
        public long classical(String work, long operations, long tableOperations, long measuredNanos) {
            return 0;
        }

        @Override
        public int qpus() {
            return 1;
        }
    }
}
