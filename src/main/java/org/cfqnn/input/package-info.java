/** Bad user input: one error type naming the key, the value and what is allowed, and range checks. */
package org.cfqnn.input;
