/** Assignment-problem solvers (Hungarian algorithm, bottleneck matching, covering) used by the baselines and QNN decoders. */
package org.cfqnn.matching;
