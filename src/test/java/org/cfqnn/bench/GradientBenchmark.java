package org.cfqnn.bench;

import java.util.concurrent.TimeUnit;
import org.cfqnn.quantum.Circuit;
import org.cfqnn.quantum.Pauli;
import org.cfqnn.quantum.Simulator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Gradients of a 10-qubit, 40-parameter circuit (H, then 4 layers of RY on every qubit and a CX ring)
 * against one forward pass: tools/jmh GradientBenchmark. Ratios come from one run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GradientBenchmark {

    Circuit circuit;
    double[] angles;
    Simulator sim;
    final Pauli[] obs = {Pauli.z(0)};
    final double[] weights = {1};
    double[] grad;
    final double[] values = new double[1];

    @Setup
    public void setup() {
        circuit = Circuits.hardwareEfficient(10, 4);
        angles = new double[circuit.slots()];
        for (int i = 0; i < angles.length; i++) {
            angles[i] = 0.1 * (i + 1);
        }
        grad = new double[circuit.slots()];
        sim = Simulator.forQubits(10);
    }

    @Benchmark
    public double forward() {
        sim.run(circuit, angles);
        return sim.expectation(obs[0]);
    }

    @Benchmark
    public double adjoint() {
        return sim.adjoint(circuit, angles, obs, weights, grad);
    }

    @Benchmark
    public double[][] parameterShift() {
        return sim.jacobianParameterShift(circuit, angles, obs, Math.PI / 2, values);
    }
}
