/** The quantum neural networks of the protocol: cloud (assignment) and edge (precoder) models and their files. */
package org.cfqnn.qnn;
