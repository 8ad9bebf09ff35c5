package org.cfqnn.bench;

import java.util.ArrayList;
import java.util.List;
import org.cfqnn.quantum.Circuit;
import org.cfqnn.quantum.Pauli;
import org.cfqnn.quantum.Simulator;

/** The engine measurements behind {@code cfqnn bench ring} and {@code cfqnn bench gradient}. */
public final class QuantumBench {

    private QuantumBench() {
    }

    /** One ring-circuit measurement. */
    public record RingResult(int qubits, int gates, double usPerCircuit, double usPerCircuitNewAngles,
                             double nsPerGate, double nsPerAmplitudeGate) {
    }

    /**
     * The ring circuit at each size: time per circuit with fixed angles (matrices cached, as when a
     * circuit is re-run) and with every angle changed each run (all matrices rebuilt), per gate and per
     * amplitude per gate (on the fixed-angle time).
     */
    public static List<RingResult> ring(int[] qubits, Timer timer) {
        List<RingResult> out = new ArrayList<>();
        for (int n : qubits) {
            Circuit c = Circuits.ring(n);
            double[] angles = Circuits.ringAngles(n);
            double[] moving = angles.clone();
            Simulator sim = Simulator.forQubits(n);
            double ns = timer.nanosPerOp(calls -> {
                for (long k = 0; k < calls; k++) {
                    sim.run(c, angles);
                }
            });
            double nsNew = timer.nanosPerOp(calls -> {
                for (long k = 0; k < calls; k++) {
                    double tick = (k & 1023) * 1e-9; // every angle differs from the previous run
                    for (int i = 0; i < moving.length; i++) {
                        moving[i] = angles[i] + tick;
                    }
                    sim.run(c, moving);
                }
            });
            int gates = Circuits.ringGates(n);
            out.add(new RingResult(n, gates, ns / 1e3, nsNew / 1e3, ns / gates, ns / gates / (1L << n)));
        }
        return out;
    }

    /** Gradient cost relative to a forward pass (run + expectation). */
    public record GradientResult(int qubits, int parameters, double forwardUs, double adjointUs,
                                 double parameterShiftUs) {
        public double adjointInForwardPasses() {
            return adjointUs / forwardUs;
        }

        /** Parameter-shift time over 2P forward passes (1.0 = no overhead beyond the 2P runs). */
        public double parameterShiftOverhead() {
            return parameterShiftUs / (2.0 * parameters * forwardUs);
        }
    }

    public static GradientResult gradient(int n, int layers, Timer timer) {
        Circuit c = Circuits.hardwareEfficient(n, layers);
        double[] angles = new double[c.slots()];
        for (int i = 0; i < angles.length; i++) {
            angles[i] = 0.1 * (i + 1);
        }
        Simulator sim = Simulator.forQubits(n);
        Pauli[] obs = {Pauli.z(0)};
        double[] w = {1};
        double[] grad = new double[c.slots()];
        double[] values = new double[1];
        double[] sink = new double[1];
        double fwd = timer.nanosPerOp(calls -> {
            for (long k = 0; k < calls; k++) {
                sim.run(c, angles);
                sink[0] += sim.expectation(obs[0]);
            }
        });
        double adj = timer.nanosPerOp(calls -> {
            for (long k = 0; k < calls; k++) {
                sink[0] += sim.adjoint(c, angles, obs, w, grad);
            }
        });
        double ps = timer.nanosPerOp(calls -> {
            for (long k = 0; k < calls; k++) {
                sink[0] += sim.jacobianParameterShift(c, angles, obs, Math.PI / 2, values)[0][0];
            }
        });
        return new GradientResult(n, c.slots(), fwd / 1e3, adj / 1e3, ps / 1e3);
    }
}
