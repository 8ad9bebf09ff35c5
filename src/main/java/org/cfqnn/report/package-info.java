/** What people read: summary JSON, plots (one palette), tables, progress, the HTML report and sequence chart. */
package org.cfqnn.report;
