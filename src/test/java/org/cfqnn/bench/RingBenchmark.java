package org.cfqnn.bench;

import java.util.concurrent.TimeUnit;
import org.cfqnn.quantum.Circuit;
import org.cfqnn.quantum.Simulator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/** The standard ring circuit (41n gates); run with tools/jmh RingBenchmark. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RingBenchmark {

    @Param({"4", "10", "20"})
    int qubits;

    Circuit circuit;
    double[] angles;
    double[] moving;
    Simulator sim;
    long tick;

    @Setup
    public void setup() {
        circuit = Circuits.ring(qubits);
        angles = Circuits.ringAngles(qubits);
        moving = angles.clone();
        sim = Simulator.forQubits(qubits);
    }

    /** Same angles every run: the fused matrices come from the simulator's cache. */
    @Benchmark
    public void fixedAngles(Blackhole bh) {
        sim.run(circuit, angles);
        bh.consume(sim.probability(0));
    }

    /** Every angle changes every run: all fused matrices are rebuilt. */
    @Benchmark
    public void newAngles(Blackhole bh) {
        double d = (++tick & 1023) * 1e-9;
        for (int i = 0; i < moving.length; i++) {
            moving[i] = angles[i] + d;
        }
        sim.run(circuit, moving);
        bh.consume(sim.probability(0));
    }
}
