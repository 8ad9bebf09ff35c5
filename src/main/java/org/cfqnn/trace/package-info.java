/**
 * Reading {@code trace.jsonl} (one message or per-step record a line, tolerant of unknown fields, corrupt
 * lines reported by line number) and what is built from it: the summary tables of {@code cfqnn trace
 * summarize} and the self-contained interactive page of {@code cfqnn trace view}.
 */
package org.cfqnn.trace;
