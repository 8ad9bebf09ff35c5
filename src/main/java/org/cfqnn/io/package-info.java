/** Files in and out: strict JSON, atomic files, results directories, asynchronous line writers, interrupts. */
package org.cfqnn.io;
