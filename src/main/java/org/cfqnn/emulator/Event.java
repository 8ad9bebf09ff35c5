package org.cfqnn.emulator;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Anything the network delivers to an entity: a protocol message ({@link Wire}) or a timer the
 * entity scheduled for itself. Polymorphic JSON by logical name, never by class name.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Wire.Pilot.class, name = "Pilot"),
    @JsonSubTypes.Type(value = Wire.Csi.class, name = "Csi"),
    @JsonSubTypes.Type(value = Wire.Assignment.class, name = "Assignment"),
    @JsonSubTypes.Type(value = Wire.Precoder.class, name = "Precoder"),
    @JsonSubTypes.Type(value = Wire.Transmission.class, name = "Transmission"),
    @JsonSubTypes.Type(value = Wire.Reception.class, name = "Reception"),
    @JsonSubTypes.Type(value = Wire.TrainingData.class, name = "TrainingData"),
    @JsonSubTypes.Type(value = Wire.CloudReady.class, name = "CloudReady"),
    @JsonSubTypes.Type(value = Timers.Begin.class, name = "Begin"),
    @JsonSubTypes.Type(value = Timers.StepTick.class, name = "StepTick"),
    @JsonSubTypes.Type(value = Timers.TransmitDue.class, name = "TransmitDue"),
    @JsonSubTypes.Type(value = Timers.CollectTimeout.class, name = "CollectTimeout"),
    @JsonSubTypes.Type(value = Timers.TrainingDue.class, name = "TrainingDue"),
    @JsonSubTypes.Type(value = Timers.EntityLost.class, name = "EntityLost"),
    @JsonSubTypes.Type(value = Timers.AirDeadline.class, name = "AirDeadline")
})
public interface Event extends CborSerializable {
}
