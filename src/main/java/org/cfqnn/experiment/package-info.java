/** Monte-Carlo experiments off the emulator: decide on the estimate, score on the truth (compare, reproduce). */
package org.cfqnn.experiment;
