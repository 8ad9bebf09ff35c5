package org.cfqnn.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Anything an entity handles: a protocol {@link Message}, a {@link Timer} it set, or a {@link Notice}
 * from the emulator. Polymorphic JSON by logical name (never by class name), so events can cross
 * cluster nodes.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Message.Pilot.class, name = "Pilot"),
    @JsonSubTypes.Type(value = Message.Csi.class, name = "Csi"),
    @JsonSubTypes.Type(value = Message.Assignment.class, name = "Assignment"),
    @JsonSubTypes.Type(value = Message.Precoder.class, name = "Precoder"),
    @JsonSubTypes.Type(value = Message.Transmission.class, name = "Transmission"),
    @JsonSubTypes.Type(value = Message.Reception.class, name = "Reception"),
    @JsonSubTypes.Type(value = Message.TrainingData.class, name = "TrainingData"),
    @JsonSubTypes.Type(value = Message.CloudReady.class, name = "CloudReady"),
    @JsonSubTypes.Type(value = Timer.Begin.class, name = "Begin"),
    @JsonSubTypes.Type(value = Timer.StepTick.class, name = "StepTick"),
    @JsonSubTypes.Type(value = Timer.TransmitDue.class, name = "TransmitDue"),
    @JsonSubTypes.Type(value = Timer.CollectTimeout.class, name = "CollectTimeout"),
    @JsonSubTypes.Type(value = Timer.AirDeadline.class, name = "AirDeadline"),
    @JsonSubTypes.Type(value = Timer.TrainingDue.class, name = "TrainingDue"),
    @JsonSubTypes.Type(value = Timer.QpuFree.class, name = "QpuFree"),
    @JsonSubTypes.Type(value = Notice.EntityLost.class, name = "EntityLost"),
    @JsonSubTypes.Type(value = Notice.TrainingDone.class, name = "TrainingDone")
})
public interface Event {

    /** The protocol tick the event belongs to (edge-training ticks first, then deployment), -1 if none. */
    long step();
}
