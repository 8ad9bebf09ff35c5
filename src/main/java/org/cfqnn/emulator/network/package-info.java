/**
 * The emulated network: the run's clock (virtual or real) and the links between entities (latency,
 * jitter, serialization at a bandwidth, loss, FIFO per pair); every message of the protocol passes here.
 */
package org.cfqnn.emulator.network;
