package org.cfqnn.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cfqnn.baseline.AssignmentMethod;
import org.cfqnn.baseline.Baselines;
import org.cfqnn.baseline.OptimumBaseline;
import org.cfqnn.bench.BaselineBench;
import org.cfqnn.bench.QuantumBench;
import org.cfqnn.bench.Timer;
import org.cfqnn.emulator.network.TimerBench;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.input.Require;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cfqnn bench}: quick speed measurements on this machine (JMH: tools/jmh). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the engine on this machine. For rigorous numbers with error bars use tools/jmh.",
        subcommands = {BenchCommand.Ring.class, BenchCommand.Gradient.class, BenchCommand.Timers.class,
                BenchCommand.Calibrate.class, BenchCommand.BaselineDecisions.class})
public final class BenchCommand {

    /** Options every bench takes. */
    static final class TimingOptions {
        @Option(names = "--round-ms", paramLabel = "MS", description = "Minimum duration of a timed round (default 300).")
        int roundMs = 300;

        @Option(names = "--rounds", paramLabel = "R", description = "Timed rounds; the median is reported (default 5).")
        int rounds = 5;

        Timer timer() {
            Require.inRange("--round-ms", roundMs, 1, 600_000);
            Require.inRange("--rounds", rounds, 1, 1000);
            return new Timer(roundMs * 1_000_000L, rounds);
        }
    }

    @Command(name = "ring", mixinStandardHelpOptions = true,
            description = {"The standard ring circuit: H on every qubit, then 10 layers of [RZ, RY, RZ on every qubit, "
                    + "CX(q, q+1 mod n)]: 41n gates.", "Prints per n: us per circuit (fixed and new angles), ns per gate, "
                    + "ns per amplitude per gate."})
    static final class Ring implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--qubits", split = ",", paramLabel = "N", description = "Register sizes (default 4,10,20).")
        int[] qubits = {4, 10, 20};

        @picocli.CommandLine.Mixin
        TimingOptions timing = new TimingOptions();

        @Override
        public Integer call() {
            for (int n : qubits) {
                Require.inRange("--qubits", n, 1, 30);
                org.cfqnn.quantum.Simulator.checkFits(n, 2);
            }
            TextTable t = new TextTable("qubits", "gates", "us/circuit", "us/circuit (new angles)", "ns/gate",
                    "ns/amplitude/gate");
            for (QuantumBench.RingResult r : QuantumBench.ring(qubits, timing.timer())) {
                t.row(r.qubits(), r.gates(), fmt(r.usPerCircuit()), fmt(r.usPerCircuitNewAngles()), fmt(r.nsPerGate()),
                        String.format("%.3f", r.nsPerAmplitudeGate()));
            }
            spec.commandLine().getOut().print(t);
            return 0;
        }
    }

    @Command(name = "gradient", mixinStandardHelpOptions = true,
            description = "Adjoint and parameter-shift gradients of an n-qubit circuit (H, then layers of RY on every "
                    + "qubit and a CX ring) against a forward pass (run + <Z0>).")
    static final class Gradient implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--qubits", paramLabel = "N", description = "Qubits (default 10).")
        int qubits = 10;

        @Option(names = "--layers", paramLabel = "L", description = "Layers, N*L parameters (default 4).")
        int layers = 4;

        @picocli.CommandLine.Mixin
        TimingOptions timing = new TimingOptions();

        @Override
        public Integer call() {
            Require.inRange("--qubits", qubits, 1, 24);
            Require.inRange("--layers", layers, 1, 1000);
            QuantumBench.GradientResult r = QuantumBench.gradient(qubits, layers, timing.timer());
            PrintWriter w = spec.commandLine().getOut();
            w.printf("%d qubits, %d parameters%n", r.qubits(), r.parameters());
            w.printf("forward pass (run + <Z0>)   %10.2f us%n", r.forwardUs());
            w.printf("adjoint gradient            %10.2f us = %.2f forward passes%n", r.adjointUs(), r.adjointInForwardPasses());
            w.printf("parameter-shift gradient    %10.2f us = %.2f x (2P forward passes)%n", r.parameterShiftUs(),
                    r.parameterShiftOverhead());
            return 0;
        }
    }

    @Command(name = "timer", mixinStandardHelpOptions = true,
            description = "How late the real clock's timer (cfqnn's own thread) and Pekko's scheduler run tasks "
                    + "scheduled 0.1-1 ms ahead: lateness percentiles in us.")
    static final class Timers implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--samples", paramLabel = "N", description = "Tasks per timer (default 1000).")
        int samples = 1000;

        @Override
        public Integer call() throws Exception {
            Require.inRange("--samples", samples, 10, 1_000_000);
            TimerBench.Result r = TimerBench.run(samples);
            TextTable table = new TextTable("timer", "p50 us late", "p99 us late", "max us late");
            table.row("cfqnn real clock (own thread)", r.own().p50(), r.own().p99(), r.own().max());
            table.row("Pekko scheduler", r.pekko().p50(), r.pekko().p99(), r.pekko().max());
            spec.commandLine().getOut().print(table);
            return 0;
        }
    }

    @Command(name = "calibrate", mixinStandardHelpOptions = true,
            description = {"Measure the ns per counted operation of each classical method (search, greedy-maxmin, "
                    + "random, optimum) and of the AP's MR precoder on this machine.",
                    "Prints a table per method and size; with --out writes the calibration JSON that "
                    + "emulator.compute.calibration = FILE loads (classical-mode = counted)."})
    static final class Calibrate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the calibration JSON here.")
        java.nio.file.Path out;

        @Option(names = "--channels", paramLabel = "C", description = "Channels decided per timed batch (default 4).")
        int channels = 4;

        @Option(names = "--seed", paramLabel = "S", description = "Seed of the channels (default 1).")
        long seed = 1;

        @picocli.CommandLine.Mixin
        TimingOptions timing = new TimingOptions();

        @Override
        public Integer call() {
            Require.inRange("--channels", channels, 1, 10_000);
            org.cfqnn.bench.ClassicalBench.Result r = org.cfqnn.bench.ClassicalBench.run(timing.timer(), channels, seed);
            TextTable t = new TextTable("work", "M", "K", "N", "operations/decision", "us/decision measured",
                    "us/decision fitted");
            for (org.cfqnn.bench.ClassicalBench.Row row : r.rows()) {
                double fitted = r.calibration().perDecision(row.kind()) + row.operationsPerDecision()
                        * r.calibration().perOperation(row.kind()) + row.tableOperationsPerDecision()
                        * r.calibration().perOperation(org.cfqnn.protocol.Charges.MR_TABLE);
                t.row(row.kind(), row.nAp(), row.nUser(), row.nTx(), String.format("%.0f", row.operationsPerDecision()),
                        fmt(row.usPerDecision()), fmt(fitted / 1e3));
            }
            PrintWriter w = spec.commandLine().getOut();
            w.print(t);
            TextTable c = new TextTable("work", "ns/operation", "ns/decision");
            for (String kind : org.cfqnn.scenario.Calibration.KINDS) {
                c.row(kind, String.format("%.3f", r.calibration().perOperation(kind)),
                        String.format("%.0f", r.calibration().perDecision(kind)));
            }
            w.print(c);
            if (out != null) {
                String note = "cfqnn bench calibrate on " + System.getProperty("os.arch") + ", "
                        + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                        + "; least-squares fit over sizes (relative residuals): ns per decision + operations x ns per operation";
                org.cfqnn.io.AtomicFiles.writeString(out, r.calibration().json(note));
                w.printf("calibration written to %s%n", out);
            }
            w.flush();
            return 0;
        }
    }

    private static String fmt(double v) {
        return v >= 100 ? String.format("%.0f", v) : String.format("%.2f", v);
    }

    @Command(name = "baselines", mixinStandardHelpOptions = true,
            description = {"Milliseconds per decision of the classical methods at each network size,",
                    "on 8 channels in turn; each decision builds its problem (couplings) from the",
                    "estimate, as a real one does. The optimum is left out: beyond enumeration it",
                    "takes its time limit (compare reports its time per trial)."})
    static final class BaselineDecisions implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--sizes", split = ",", paramLabel = "MxKxN",
                description = "Network sizes APs x users x antennas (default 4x3x2,16x6x4,64x16x4,256x64x4).")
        String[] sizes = {"4x3x2", "16x6x4", "64x16x4", "256x64x4"};

        @Option(names = "--methods", split = ",", paramLabel = "NAME",
                description = "Methods (default search, greedy-maxmin, random).")
        String[] methods = {"search", "greedy-maxmin", "random"};

        @picocli.CommandLine.Mixin
        TimingOptions timing = new TimingOptions();

        @Override
        public Integer call() {
            List<AssignmentMethod> chosen = new ArrayList<>();
            for (String name : methods) {
                if (name.equals(OptimumBaseline.NAME) || !Baselines.NAMES.contains(name)) {
                    throw new InvalidInputException("--methods", name, "must be search, greedy-maxmin or random");
                }
                chosen.add(Baselines.byName(name, 1));
            }
            List<RadioModel> models = new ArrayList<>();
            for (String size : sizes) {
                try {
                    models.add(BaselineBench.model(size));
                } catch (InvalidInputException e) {
                    throw new InvalidInputException("--sizes", size, e.key().equals("size") ? e.allowed() : e.getMessage());
                }
            }
            TextTable t = new TextTable("APs", "users", "antennas", "method", "ms/decision");
            Timer timer = timing.timer();
            for (RadioModel model : models) {
                for (BaselineBench.Result r : BaselineBench.decisions(model, chosen, timer)) {
                    t.row(r.nAp(), r.nUser(), r.nTx(), r.method(), String.format("%.4f", r.msPerDecision()));
                }
            }
            spec.commandLine().getOut().print(t);
            return 0;
        }
    }
}
