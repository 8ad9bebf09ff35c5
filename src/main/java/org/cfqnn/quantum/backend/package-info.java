/**
 * Where circuits are evaluated for decisions: exactly (statevector), from shots, or under depolarizing
 * and readout noise (density matrix, or Pauli trajectories past its width), chosen by settings.
 */
package org.cfqnn.quantum.backend;
