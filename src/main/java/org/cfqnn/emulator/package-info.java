/**
 * The emulator: runs the protocol's state machines as Pekko actors (one per entity, {@link
 * org.cfqnn.emulator.EntityActor}), on hosts in one JVM or across cluster nodes, one run per protocol.
 */
package org.cfqnn.emulator;
