/**
 * The time a quantum processor takes: gate durations and ASAP layering ({@link org.cfqnn.quantum.device.Schedule}),
 * shots and measurement groups per execution ({@link org.cfqnn.quantum.device.DeviceModel}), packing of
 * small circuits side by side and FIFO queues per QPU ({@link org.cfqnn.quantum.device.QpuQueue}).
 */
package org.cfqnn.quantum.device;
