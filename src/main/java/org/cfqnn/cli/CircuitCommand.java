package org.cfqnn.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.input.Require;
import org.cfqnn.io.JsonNodes;
import org.cfqnn.quantum.CircuitDrawer;
import org.cfqnn.quantum.CircuitSpec;
import org.cfqnn.quantum.MeasurementGroup;
import org.cfqnn.quantum.QasmExporter;
import org.cfqnn.quantum.Simulator;
import org.cfqnn.quantum.backend.Backend;
import org.cfqnn.quantum.backend.BackendGradients;
import org.cfqnn.quantum.backend.BackendSpec;
import org.cfqnn.quantum.device.DeviceModel;
import org.cfqnn.quantum.device.Schedule;
import org.cfqnn.rng.Seed;
import org.cfqnn.scenario.QuantumSettings;
import org.cfqnn.scenario.Scenario;
import org.cfqnn.scenario.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cfqnn circuit}: expectations and gradients of a circuit given as JSON, on the configured quantum device. */
@Command(name = "circuit", mixinStandardHelpOptions = true,
        description = {"Run a circuit given as JSON (docs/model.md section 5) and print one JSON object:",
                "{\"expectations\":[...],\"gradients\":[[...],...]}, gradients[o][p] being",
                "d<observable o>/d(parameter p), parameters numbered in order of appearance.",
                "Circuit JSON: {\"qubits\":n,\"gates\":[{\"gate\":\"RY\",\"qubits\":[0],",
                "\"param\":0.3},...],\"observables\":[\"Z0\",\"X0X1\"]}.",
                "With shots or noise (--shots, --set quantum.noise.*) the values are estimated",
                "or noisy, gradients come from the parameter-shift rule through the same",
                "evaluation, and \"standardErrors\" gives each value's standard error.",
                "--timing adds the time of one execution on quantum.device. --draw and --qasm",
                "print to stderr, keeping stdout one JSON object."})
public final class CircuitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--spec", required = true, paramLabel = "FILE", description = "Circuit JSON.")
    Path file;

    @Option(names = "--draw", description = "Print a text drawing of the circuit to stderr.")
    boolean draw;

    @Option(names = "--qasm", description = "Print the circuit as OpenQASM 2.0 to stderr.")
    boolean qasm;

    @Option(names = "--gradient", paramLabel = "METHOD",
            description = "adjoint (default; exact noiseless values only) or parameter-shift.")
    String gradient = "adjoint";

    @Option(names = "--shift", paramLabel = "RAD", description = "Parameter-shift angle (default pi/2).")
    double shift = Math.PI / 2;

    @Option(names = "--shots", paramLabel = "N",
            description = "Estimate expectations from N measurements: the same as --set quantum.shots=N.")
    Integer shots;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = {"Override a quantum.* key of application.conf (repeatable), e.g.",
                "--set quantum.noise.depolarizing-1q=0.001 or --set quantum.device.preset=superconducting."})
    List<String> sets = new ArrayList<>();

    @Option(names = "--timing", description = "Add \"timing\": layers, shot time, measurement groups, shots and total time of one execution on quantum.device.")
    boolean timing;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the measurement outcomes and noise trajectories (default 1).")
    long seed = 1;

    @Override
    public Integer call() {
        if (!gradient.equals("adjoint") && !gradient.equals("parameter-shift")) {
            throw new InvalidInputException("--gradient", gradient, "must be adjoint or parameter-shift");
        }
        if (shots != null) {
            Require.inRange("--shots", shots, 0, 100_000_000);
        }
        if (!(Double.isFinite(shift) && Math.abs(Math.sin(shift)) > 1e-6)) {
            throw new InvalidInputException("--shift", shift, "must be a finite angle with sin(shift) != 0");
        }
        QuantumSettings quantum = quantumSettings();
        BackendSpec backendSpec = quantum.backend();
        if (!backendSpec.exact() && gradient.equals("adjoint") && spec.commandLine().getParseResult().hasMatchedOption("--gradient")) {
            throw new InvalidInputException("--gradient", gradient,
                    "adjoint differentiation needs the exact, noiseless state: with --shots use parameter-shift (with noise too)");
        }
        CircuitSpec c = CircuitSpec.read(file);
        if (timing) {
            quantum.device().requireFits(c.circuit().qubits());
        }
        PrintWriter err = spec.commandLine().getErr();
        if (draw) {
            err.print(CircuitDrawer.draw(c.circuit(), c.angles()));
        }
        if (qasm) {
            err.print(QasmExporter.export(c.circuit(), c.angles(), c.observables()));
        }
        err.flush();
        double[] values = new double[c.observables().length];
        double[] errors = new double[values.length];
        double[][] jac;
        if (backendSpec.exact()) {
            Simulator sim = Simulator.forQubits(c.circuit().qubits());
            jac = gradient.equals("adjoint") ? sim.jacobianAdjoint(c.circuit(), c.angles(), c.observables(), values)
                    : sim.jacobianParameterShift(c.circuit(), c.angles(), c.observables(), shift, values);
        } else {
            Backend backend = backendSpec.create(c.circuit().qubits());
            jac = BackendGradients.jacobian(backend, c.circuit(), c.angles(), c.observables(), shift,
                    new Seed(seed).split("shots").random(), values);
            backend.standardErrors(errors);
        }
        ObjectNode out = JsonNodes.MAPPER.createObjectNode();
        array(out.putArray("expectations"), values);
        ArrayNode g = out.putArray("gradients");
        for (double[] row : jac) {
            array(g.addArray(), row);
        }
        if (!backendSpec.exact()) {
            array(out.putArray("standardErrors"), errors);
        }
        if (timing) {
            timing(out.putObject("timing"), quantum, c);
        }
        spec.commandLine().getOut().println(out);
        return 0;
    }

    /** The quantum block with the {@code --set} overrides (quantum.* keys only) and {@code --shots}. */
    private QuantumSettings quantumSettings() {
        List<String> all = new ArrayList<>();
        if (shots != null) {
            all.add("quantum.shots=" + shots);
        }
        for (String set : sets) {
            if (!set.trim().startsWith("quantum.")) {
                throw new InvalidInputException("--set", set, "cfqnn circuit takes quantum.* keys only, e.g. quantum.shots=1000");
            }
            all.add(set);
        }
        return QuantumSettings.read(new Settings(Scenario.load(null, all), "").block("quantum"));
    }

    private static void timing(ObjectNode t, QuantumSettings quantum, CircuitSpec c) {
        DeviceModel device = quantum.device();
        Schedule schedule = device.schedule(c.circuit());
        int groups = MeasurementGroup.firstFit(c.observables()).size();
        t.put("layers", schedule.layers());
        t.put("shotUs", schedule.shotNanos() / 1e3);
        t.put("groups", groups);
        t.put("shots", device.chargedShots(quantum.shots()));
        t.put("totalUs", device.executionNanos(schedule, groups, quantum.shots()) / 1e3);
    }

    private static void array(ArrayNode a, double[] values) {
        for (double v : values) {
            a.add(v);
        }
    }
}
