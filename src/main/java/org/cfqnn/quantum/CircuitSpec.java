package org.cfqnn.quantum;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.io.JsonNodes;

/**
 * A circuit read from circuit JSON (docs/model.md section 5):
 * <pre>{"qubits":n,"gates":[{"gate":"H","qubits":[0]},{"gate":"RY","qubits":[1],"param":0.3},
 *  {"gate":"CX","qubits":[0,1]}],"observables":["Z0","X1"]}</pre>
 * Every gate with a {@code param} is a trainable parameter, numbered in order of appearance; for
 * two-qubit gates the first qubit is the control.
 */
public record CircuitSpec(Circuit circuit, double[] angles, Pauli[] observables) {

    private static final Set<String> KEYS = Set.of("qubits", "gates", "observables");
    private static final Set<String> GATE_KEYS = Set.of("gate", "qubits", "param");

    public static CircuitSpec read(Path file) {
        JsonNodes root = JsonNodes.read(file);
        try {
            return parse(root);
        } catch (InvalidInputException e) {
            throw e.within(file + ": ");
        }
    }

    public static CircuitSpec parse(JsonNodes root) {
        root.requireObject(KEYS);
        int n = root.field("qubits").asInt(1, Simulator.MAX_QUBITS);
        Simulator.checkFits(n, 2);
        Circuit.Builder b = Circuit.builder(n);
        List<Double> params = new ArrayList<>();
        for (JsonNodes g : root.field("gates").elements(-1, "gates")) {
            g.requireObject(GATE_KEYS);
            String name = g.field("gate").asText();
            GateKind kind = GateKind.parse(name);
            if (kind == null) {
                throw g.field("gate").error("unknown gate; allowed: " + Arrays.toString(GateKind.values()));
            }
            List<JsonNodes> qs = g.field("qubits").elements(kind.arity(), kind.arity() == 1 ? "qubit" : "qubits (control first)");
            int q0 = qs.get(0).asInt(0, n - 1);
            int q1 = kind.arity() == 2 ? qs.get(1).asInt(0, n - 1) : -1;
            if (q0 == q1) {
                throw g.field("qubits").error("the two qubits of " + kind + " must differ");
            }
            if (kind.parametric() != g.has("param")) {
                throw g.error(kind.parametric() ? kind + " needs a \"param\" (its angle)" : kind + " takes no \"param\"");
            }
            int slot = -1;
            if (kind.parametric()) {
                slot = params.size();
                params.add(g.field("param").asFinite());
            }
            b.gate(kind, q0, q1, slot);
        }
        List<JsonNodes> obs = root.field("observables").elements(-1, "observables such as \"Z0\"");
        Pauli[] observables = new Pauli[obs.size()];
        for (int i = 0; i < observables.length; i++) {
            try {
                observables[i] = Pauli.parse(obs.get(i).asText(), n);
            } catch (IllegalArgumentException e) {
                throw obs.get(i).error(e.getMessage());
            }
        }
        double[] angles = params.stream().mapToDouble(Double::doubleValue).toArray();
        return new CircuitSpec(b.build(), angles, observables);
    }
}
