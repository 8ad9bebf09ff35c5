package org.cfqnn.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What entities report for the run's results (not part of the protocol: nothing on the air carries it).
 * Steps here are deployment steps, 0 to {@code steps - 1}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Measurement.OnAir.class, name = "OnAir"),
    @JsonSubTypes.Type(value = Measurement.UserRate.class, name = "UserRate"),
    @JsonSubTypes.Type(value = Measurement.Latency.class, name = "Latency"),
    @JsonSubTypes.Type(value = Measurement.Lost.class, name = "Lost"),
    @JsonSubTypes.Type(value = Measurement.Reassigned.class, name = "Reassigned"),
    @JsonSubTypes.Type(value = Measurement.Tick.class, name = "Tick")
})
public sealed interface Measurement permits Measurement.OnAir, Measurement.UserRate, Measurement.Latency,
        Measurement.Lost, Measurement.Reassigned, Measurement.Tick {

    /** World: step {@code step} went on the air at {@code at} ns, {@code fallbacks} APs not fresh, with this assignment. */
    record OnAir(long step, long at, int fallbacks, int[] assignment) implements Measurement {
    }

    /** User k's rate at {@code step} (0 and not served when no AP serves it). */
    record UserRate(long step, int user, double rate, boolean served) implements Measurement {
    }

    /**
     * A precoder for {@code step} reached AP m {@code nanos} after its CSI, in time or not; {@code parts} say
     * where the time went along AP m's chain and add up to {@code nanos}.
     */
    record Latency(long step, int ap, long nanos, boolean onTime, LatencyParts parts) implements Measurement {
        public Latency {
            if (parts.total() != nanos) {
                throw new IllegalArgumentException("latency parts " + parts + " add up to " + parts.total() + " ns, not "
                        + nanos + " ns");
            }
        }
    }

    /** World: {@code address} on cluster node {@code node} was lost; {@code step} is the first step it affects. */
    record Lost(Address address, String node, long step) implements Measurement {
    }

    /** Cloud: from {@code step} on, its assignments leave out the APs lost so far. */
    record Reassigned(long step) implements Measurement {
    }

    /** World: protocol tick {@code tick} began at {@code at} ns ({@code deployment}: a deployment step), for progress. */
    record Tick(long tick, boolean deployment, long at) implements Measurement {
    }
}
