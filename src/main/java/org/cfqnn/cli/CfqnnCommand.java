package org.cfqnn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command: {@code cfqnn <subcommand> ...}. */
@Command(name = "cfqnn", mixinStandardHelpOptions = true, version = "cfqnn 0.1.0",
        description = "Non-centralized quantum neural networks for cell-free MIMO: radio model, baselines, "
                + "quantum circuits, and an actor-based emulator.",
        subcommands = {ChannelCommand.class, EvaluateCommand.class, CompareCommand.class, CircuitCommand.class, TrainCommand.class, AblationCommand.class, ReproduceCommand.class, RunCommand.class, NodeCommand.class, TraceCommand.class, BenchCommand.class},
        usageHelpAutoWidth = true)
public final class CfqnnCommand {

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces on errors.")
    boolean verbose;
}
