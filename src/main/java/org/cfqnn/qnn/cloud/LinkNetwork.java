package org.cfqnn.qnn.cloud;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.cfqnn.qnn.GradientMethod;
import org.cfqnn.quantum.Circuit;
import org.cfqnn.quantum.Pauli;
import org.cfqnn.quantum.Simulator;
import org.cfqnn.quantum.backend.BackendSpec;
import org.cfqnn.quantum.device.DeviceModel;
import org.cfqnn.qnn.DecisionReadout;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Quantum message passing over links: every link runs the same small circuit on {@code Q} qubits with
 * data re-uploading, {@code L} layers of [{@code RY(w_q . z + b_q)} and a trainable {@code RZ(theta_q)}
 * on every qubit q, then a CZ ring], read out as {@code e = (<Z_0>, ..., <Z_{Q-1}>)}. The input z of a
 * link is its own vector u, the mean u over its AP's links (row) and the mean u over its user's links
 * (column). Round 0 has u = the link's features; round r > 0 has u = (round r-1's readout, features):
 * {@code rounds} rounds of message passing, one circuit per link per round. Gradients are exact: adjoint
 * differentiation (or the parameter-shift rule) through every circuit and the chain rule through the
 * encoding weights and the pooling.
 *
 * <p>Parameter layout, round after round: for each of the L x Q rotations its input weights, bias and RZ
 * angle. The readout is the caller's.
 */
public final class LinkNetwork implements LinkScorer {

    private final int qubits;
    private final int layers;
    private final int rounds;
    private final int features;
    private final GradientMethod gradient;
    private final double shift;
    private final Circuit circuit;
    private final Pauli[] readout;
    private final int[] inputWidth;
    private final int[] roundOffset;
    private final int parameterCount;

    public LinkNetwork(int qubits, int layers, int rounds, int features, GradientMethod gradient, double shift) {
        this.qubits = qubits;
        this.layers = layers;
        this.rounds = rounds;
        this.features = features;
        this.gradient = gradient;
        this.shift = shift;
        Circuit.Builder b = Circuit.builder(qubits);
        for (int l = 0; l < layers; l++) {
            for (int q = 0; q < qubits; q++) {
                b.ry(q, 2 * (l * qubits + q));
                b.rz(q, 2 * (l * qubits + q) + 1);
            }
            for (int q = 0; q + 1 < qubits; q++) {
                b.cz(q, q + 1);
            }
            if (qubits > 2) {
                b.cz(qubits - 1, 0);
            }
        }
        this.circuit = b.build();
        this.readout = new Pauli[qubits];
        for (int q = 0; q < qubits; q++) {
            readout[q] = Pauli.z(q);
        }
        inputWidth = new int[rounds];
        roundOffset = new int[rounds];
        int offset = 0;
        for (int r = 0; r < rounds; r++) {
            inputWidth[r] = 3 * (r == 0 ? features : qubits + features);
            roundOffset[r] = offset;
            offset += rotations() * (inputWidth[r] + 2); // weights, bias, RZ angle per rotation
        }
        parameterCount = offset;
    }

    private int rotations() {
        return layers * qubits;
    }

    public Circuit circuit() {
        return circuit;
    }

    public int rounds() {
        return rounds;
    }

    @Override
    public int parameterCount() {
        return parameterCount;
    }

    @Override
    public int width() {
        return qubits;
    }

    @Override
    public int featureCount() {
        return features;
    }

    @Override
    public int circuitsPerLink() {
        return rounds;
    }

    @Override
    public int qubits() {
        return qubits;
    }

    /** Parameter-shift executions of one link circuit's gradient: two per parametric gate, plus the unshifted run. */
    public long circuitsPerGradient() {
        return 1 + 2L * circuit.slots();
    }

    /** Encoding weights ~ N(0, 1/width), biases in (0, pi), RZ angles in (-pi, pi). */
    @Override
    public void initialize(double[] p, int offset, SplittableRandom r) {
        for (int round = 0; round < rounds; round++) {
            int w = inputWidth[round];
            for (int j = 0; j < rotations(); j++) {
                int base = offset + weightIndex(round, j);
                for (int i = 0; i < w; i++) {
                    p[base + i] = r.nextGaussian() / Math.sqrt(w);
                }
                p[base + w] = r.nextDouble(0, Math.PI);
                p[base + w + 1] = r.nextDouble(-Math.PI, Math.PI);
            }
        }
    }

    private int weightIndex(int round, int rotation) {
        return roundOffset[round] + rotation * (inputWidth[round] + 2);
    }

    @Override
    public Pass pass(BackendSpec decisions) {
        return new NetworkPass(decisions);
    }

    /** One stage per round: every link's circuit, read on every qubit. */
    @Override
    public List<DeviceModel.Stage> stages(long links) {
        return java.util.Collections.nCopies(rounds, new DeviceModel.Stage(circuit, readout, links));
    }

    /** The simulator and the inputs, angles and readouts of the last forward pass. */
    private final class NetworkPass implements Pass {
        private final Simulator sim = Simulator.forQubits(qubits);
        private final DecisionReadout reader;
        private final double[] gAngles = new double[circuit.slots()];
        private final double[] values = new double[qubits];
        private LinkSet links;
        private final double[][][] inputs = new double[rounds][][];  // [round][link][inputWidth]
        private final double[][][] angles = new double[rounds][][];  // [round][link][slots]
        private final double[][][] outputs = new double[rounds][][]; // [round][link][qubits]

        NetworkPass(BackendSpec decisions) {
            this.reader = new DecisionReadout(sim, decisions);
        }

        @Override
        public double[][] forward(LinkSet l, double[][] f, double[] p, int offset) {
            return run(l, f, p, offset, null, false);
        }

        @Override
        public double[][] decide(LinkSet l, double[][] f, double[] p, int offset, RandomGenerator rng) {
            return run(l, f, p, offset, rng, true);
        }

        private double[][] run(LinkSet l, double[][] f, double[] p, int offset, RandomGenerator rng, boolean decision) {
            links = l;
            int n = l.size();
            for (int r = 0; r < rounds; r++) {
                double[][] own = f;
                if (r > 0) {
                    own = new double[n][qubits + features];
                    for (int i = 0; i < n; i++) {
                        System.arraycopy(outputs[r - 1][i], 0, own[i], 0, qubits);
                        System.arraycopy(f[i], 0, own[i], qubits, features);
                    }
                }
                inputs[r] = l.pool(own);
                angles[r] = new double[n][circuit.slots()];
                outputs[r] = new double[n][qubits];
                for (int i = 0; i < n; i++) {
                    double[] z = inputs[r][i];
                    double[] a = angles[r][i];
                    for (int j = 0; j < rotations(); j++) {
                        int w = offset + weightIndex(r, j);
                        double x = p[w + inputWidth[r]];
                        for (int t = 0; t < z.length; t++) {
                            x += p[w + t] * z[t];
                        }
                        a[2 * j] = x;
                        a[2 * j + 1] = p[w + inputWidth[r] + 1];
                    }
                    if (decision) {
                        reader.decision(circuit, a, readout, rng, outputs[r][i]);
                    } else {
                        reader.exact(circuit, a, readout, outputs[r][i]);
                    }
                }
            }
            return outputs[rounds - 1];
        }

        @Override
        public void backward(double[] p, int offset, double[][] dOut, double[] grad) {
            LinkSet l = links;
            int n = l.size();
            double[][] dCurrent = new double[n][];
            for (int i = 0; i < n; i++) {
                dCurrent[i] = dOut[i].clone();
            }
            for (int r = rounds - 1; r >= 0; r--) {
                int own = inputWidth[r] / 3;
                double[][] dSelf = new double[n][own];
                double[][] dRow = new double[l.nAp()][own];
                double[][] dCol = new double[l.nUser()][own];
                for (int i = 0; i < n; i++) {
                    vjp(angles[r][i], dCurrent[i]);
                    double[] z = inputs[r][i];
                    for (int j = 0; j < rotations(); j++) {
                        double g = gAngles[2 * j];
                        int w = offset + weightIndex(r, j);
                        for (int t = 0; t < z.length; t++) {
                            grad[w + t] += g * z[t];
                        }
                        grad[w + inputWidth[r]] += g;
                        grad[w + inputWidth[r] + 1] += gAngles[2 * j + 1];
                        if (r > 0) {
                            for (int t = 0; t < own; t++) {
                                dSelf[i][t] += g * p[w + t];
                                dRow[l.ap(i)][t] += g * p[w + own + t];
                                dCol[l.user(i)][t] += g * p[w + 2 * own + t];
                            }
                        }
                    }
                }
                if (r > 0) {
                    // u_r = (readout of round r-1, features): only the readout carries gradient further
                    for (int i = 0; i < n; i++) {
                        for (int q = 0; q < qubits; q++) {
                            dCurrent[i][q] = dSelf[i][q] + dRow[l.ap(i)][q] / l.perAp(l.ap(i))
                                    + dCol[l.user(i)][q] / l.perUser(l.user(i));
                        }
                    }
                }
            }
        }

        /** {@code gAngles = sum_q w_q d<Z_q>/d angles} at the given angles. */
        private void vjp(double[] a, double[] w) {
            if (gradient == GradientMethod.ADJOINT) {
                sim.adjoint(circuit, a, readout, w, gAngles);
                return;
            }
            double[][] jac = sim.jacobianParameterShift(circuit, a, readout, shift, values);
            Arrays.fill(gAngles, 0.0);
            for (int q = 0; q < qubits; q++) {
                for (int i = 0; i < gAngles.length; i++) {
                    gAngles[i] += w[q] * jac[q][i];
                }
            }
        }
    }
}
