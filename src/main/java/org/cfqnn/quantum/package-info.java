/** The statevector engine: circuits, compiled programs, kernels, expectations and shots, gradients, QASM. */
package org.cfqnn.quantum;
