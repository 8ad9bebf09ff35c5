package org.cfqnn.emulator;

/**
 * Marker of every message that may cross a JVM: bound to Pekko's {@code jackson-cbor} serializer in
 * application.conf. No message is ever serialized with Java serialization.
 */
public interface CborSerializable {
}
