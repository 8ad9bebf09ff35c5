/** Cloud QNNs: the paper's ansatz (Eq. 10-12) and the graph QNN, their decoders and training losses. */
package org.cfqnn.qnn.cloud;
