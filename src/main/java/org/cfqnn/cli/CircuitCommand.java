package org.cfqnn.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.input.Require;
import org.cfqnn.io.JsonNodes;
import org.cfqnn.quantum.CircuitDrawer;
import org.cfqnn.quantum.CircuitSpec;
import org.cfqnn.quantum.QasmExporter;
import org.cfqnn.quantum.Simulator;
import org.cfqnn.rng.Seed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cfqnn circuit}: expectations and gradients of a circuit given as JSON. */
@Command(name = "circuit", mixinStandardHelpOptions = true,
        description = {"Run a circuit given as JSON (docs/model.md section 5) and print one JSON object on stdout:",
                "{\"expectations\":[...],\"gradients\":[[...],...]} with gradients[o][p] = d<observable o>/d(parameter p),",
                "parameters numbered in order of appearance. --draw and --qasm print to stderr, keeping stdout one JSON object."})
public final class CircuitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--spec", required = true, paramLabel = "FILE", description = "Circuit JSON.")
    Path file;

    @Option(names = "--draw", description = "Print a text drawing of the circuit to stderr.")
    boolean draw;

    @Option(names = "--qasm", description = "Print the circuit as OpenQASM 2.0 to stderr.")
    boolean qasm;

    @Option(names = "--gradient", paramLabel = "METHOD", description = "adjoint (default) or parameter-shift.")
    String gradient = "adjoint";

    @Option(names = "--shift", paramLabel = "RAD", description = "Parameter-shift angle (default pi/2).")
    double shift = Math.PI / 2;

    @Option(names = "--shots", paramLabel = "N",
            description = "Estimate expectations from N measurements (gradients then by parameter-shift).")
    int shots;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the measurement outcomes (default 1).")
    long seed = 1;

    @Override
    public Integer call() {
        if (!gradient.equals("adjoint") && !gradient.equals("parameter-shift")) {
            throw new InvalidInputException("--gradient", gradient, "must be adjoint or parameter-shift");
        }
        Require.inRange("--shots", shots, 0, 100_000_000);
        if (shots > 0 && gradient.equals("adjoint") && spec.commandLine().getParseResult().hasMatchedOption("--gradient")) {
            throw new InvalidInputException("--gradient", gradient,
                    "adjoint differentiation needs the exact state; with --shots use parameter-shift");
        }
        if (!(Double.isFinite(shift) && Math.abs(Math.sin(shift)) > 1e-6)) {
            throw new InvalidInputException("--shift", shift, "must be a finite angle with sin(shift) != 0");
        }
        CircuitSpec c = CircuitSpec.read(file);
        PrintWriter err = spec.commandLine().getErr();
        if (draw) {
            err.print(CircuitDrawer.draw(c.circuit(), c.angles()));
        }
        if (qasm) {
            err.print(QasmExporter.export(c.circuit(), c.angles(), c.observables()));
        }
        err.flush();
        Simulator sim = Simulator.forQubits(c.circuit().qubits());
        double[] values = new double[c.observables().length];
        double[][] jac;
        if (shots > 0) {
            jac = sim.jacobianParameterShift(c.circuit(), c.angles(), c.observables(), shift, values, shots,
                    new Seed(seed).split("shots").random());
        } else if (gradient.equals("adjoint")) {
            jac = sim.jacobianAdjoint(c.circuit(), c.angles(), c.observables(), values);
        } else {
            jac = sim.jacobianParameterShift(c.circuit(), c.angles(), c.observables(), shift, values);
        }
        ObjectNode out = JsonNodes.MAPPER.createObjectNode();
        ArrayNode e = out.putArray("expectations");
        for (double v : values) {
            e.add(v);
        }
        ArrayNode g = out.putArray("gradients");
        for (double[] row : jac) {
            ArrayNode r = g.addArray();
            for (double v : row) {
                r.add(v);
            }
        }
        spec.commandLine().getOut().println(out);
        return 0;
    }
}
