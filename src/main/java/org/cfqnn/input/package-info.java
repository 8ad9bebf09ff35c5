/** Bad user input: one error type naming the key, the value and what is allowed, range checks, and did-you-mean hints. */
package org.cfqnn.input;
