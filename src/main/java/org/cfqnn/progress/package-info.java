/** Progress reporting of long work, independent of how it is shown (bar, log lines, nothing). */
package org.cfqnn.progress;
