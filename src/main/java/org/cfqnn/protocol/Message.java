package org.cfqnn.protocol;

/**
 * The protocol's messages (paper Fig. 1, Algorithm 1), one record each. {@link #sizeBytes()} is the
 * modelled size on the wire, which sets the serialization delay on a link: a 24-byte header (type,
 * step, ids) plus 8 bytes per double and 4 per int. Complex vectors travel as split re/im arrays, which
 * receivers never modify (they may be shared).
 */
public sealed interface Message extends Event permits Message.Pilot, Message.Csi, Message.Assignment,
        Message.Precoder, Message.Transmission, Message.Reception, Message.TrainingData, Message.CloudReady {

    int HEADER = 24;

    int sizeBytes();

    /** The name in traces and statistics. */
    default String type() {
        return getClass().getSimpleName();
    }

    /** World -> AP m: its true channel to every user ({@code [k*N + j]}) and the large-scale gains. */
    record Pilot(long step, int ap, double[] re, double[] im, double[] beta, boolean deployment)
            implements Message, AccessPoint.Input {
        public int sizeBytes() {
            return HEADER + 8 * (re.length + im.length + beta.length);
        }
    }

    /** AP m -> cloud and edge m: its channel estimate to every user ({@code [k*N + j]}). */
    record Csi(long step, int ap, double[] re, double[] im, boolean deployment) implements Message, Cloud.Input,
            Edge.Input {
        public int sizeBytes() {
            return HEADER + 8 * (re.length + im.length);
        }
    }

    /** Cloud -> edges and APs: the assignment gamma ({@code users[m]} is served by AP m; -1: silent). */
    record Assignment(long step, int[] users, boolean deployment) implements Message, AccessPoint.Input, Edge.Input {
        public int sizeBytes() {
            return HEADER + 4 * users.length;
        }
    }

    /** Edge m (or the cloud, centralized) -> AP m: the precoder toward {@code user}. */
    record Precoder(long step, int ap, int user, double[] re, double[] im) implements Message, AccessPoint.Input {
        public int sizeBytes() {
            return HEADER + 4 + 8 * (re.length + im.length);
        }
    }

    /**
     * AP m -> world (air interface): what AP m transmits at the step's transmit instant. {@code fresh}:
     * the precoder was computed for this step's CSI; otherwise the fallback of {@code basedOnStep}.
     */
    record Transmission(long step, int ap, int user, double[] re, double[] im, boolean fresh, long basedOnStep)
            implements Message, World.Input {
        public int sizeBytes() {
            return HEADER + 13 + 8 * (re.length + im.length);
        }
    }

    /** World -> user k (air interface): the rate the user received this step. */
    record Reception(long step, int user, double rate, boolean served) implements Message, User.Input {
        public int sizeBytes() {
            return HEADER + 9;
        }
    }

    /**
     * AP m -> cloud, cloud-training phase (Algorithm 1, line 2): the AP's CSI dataset, {@code samples}
     * estimates of K x N coefficients. The cloud draws the same realizations from the run's seed, so
     * only the size travels (it sets the upload time).
     */
    record TrainingData(long step, int ap, int samples, int coefficients) implements Message, Cloud.Input {
        public int sizeBytes() {
            return HEADER + 16 * samples * coefficients;
        }
    }

    /** Cloud -> world: the cloud QNN is trained; edge training (or deployment) can start. */
    record CloudReady(long step) implements Message, World.Input {
        public int sizeBytes() {
            return HEADER;
        }
    }
}
