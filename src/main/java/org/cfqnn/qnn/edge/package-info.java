/** Edge QNNs: the paper's ansatz (Eq. 15-20) and the amplitude ansatz, mapping an AP's channel to its precoder. */
package org.cfqnn.qnn.edge;
