/**
 * Classical AP-to-user assignment with maximum-ratio precoders: the paper's search (Algorithm 4), the optimum,
 * greedy max-min and random; the references every learned method is measured against.
 */
package org.cfqnn.baseline;
