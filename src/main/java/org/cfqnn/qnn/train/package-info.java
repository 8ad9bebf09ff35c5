/**
 * Where the QNNs train: Algorithms 2 and 3 offline (cloud, then edges on its assignments), the optimizers
 * (SGD, Adam, Rotosolve), and online training one sample at a time as the emulator's cloud and edges do.
 */
package org.cfqnn.qnn.train;
