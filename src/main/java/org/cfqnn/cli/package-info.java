/** The command line ({@code cfqnn <command>}, picocli): one class per subcommand, input errors to exit code 2. */
package org.cfqnn.cli;
