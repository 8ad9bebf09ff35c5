package org.cfqnn.qnn.cloud;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.cfqnn.qnn.DecisionReadout;
import org.cfqnn.qnn.GradientMethod;
import org.cfqnn.qnn.Objective;
import org.cfqnn.quantum.Circuit;
import org.cfqnn.quantum.Pauli;
import org.cfqnn.quantum.Simulator;
import org.cfqnn.quantum.backend.BackendSpec;
import org.cfqnn.quantum.device.DeviceModel;
import org.cfqnn.rng.Seed;

/**
 * cfqnn's improved cloud QNN: a quantum graph network over the bipartite AP-user graph.
 *
 * <p>Every link (m, k) runs the same small circuit (shared weights) on {@code Q} qubits with data
 * re-uploading: {@code L} layers of [{@code RY(w_q . z + b_q)} and a trainable {@code RZ(theta_q)} on
 * every qubit q, then a CZ ring], read out as {@code e = (<Z_0>, ..., <Z_{Q-1}>)}. Its input z is the
 * link's own features, the mean over the AP's links (row) and the mean over the user's links (column),
 * so each link sees its competition. With {@code rounds = 2} the first round's outputs, pooled the same
 * way, feed a second circuit: two rounds of message passing. The score is {@code s[m][k] = c . e} of
 * the last round; AP m serves k with probability {@code softmax_k s[m][k]}. Direct decoding is the most
 * probable assignment serving every user ({@link CoverageDecoder}).
 *
 * <p>Losses: {@code imitation} (cross-entropy to the {@link Teacher}'s targets) or {@code policy-gradient}
 * (REINFORCE on the min rate of sampled assignments, with a moving-average baseline). Gradients are
 * exact: adjoint differentiation (or the parameter-shift rule) through every circuit, and the chain rule
 * through the encoding weights and the pooling.
 *
 * <p>The per-link circuit does not depend on M or K: the model has the same parameters for any network.
 */
public final class GraphCloud implements CloudModel {

    public static final String NAME = "graph";
    public static final String IMITATION = "imitation";
    public static final String POLICY_GRADIENT = "policy-gradient";

    private final int qubits;
    private final int layers;
    private final int rounds;
    private final String loss;
    private final Teacher teacher;
    private final double penalty;
    private final GradientMethod gradient;
    private final double shift;
    private final Circuit circuit;
    private final Pauli[] readout;
    /** Input width of each round: 3 x (own features + round-0 features). */
    private final int[] inputWidth;
    private final int[] roundOffset;
    private final int readoutOffset;
    private final int parameterCount;

    public GraphCloud(int qubits, int layers, int rounds, String loss, Teacher teacher, double penalty,
                      GradientMethod gradient, double shift) {
        this.qubits = qubits;
        this.layers = layers;
        this.rounds = rounds;
        this.loss = loss;
        this.teacher = teacher;
        this.penalty = penalty;
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
        int rotations = layers * qubits;
        for (int r = 0; r < rounds; r++) {
            int own = r == 0 ? LinkFeatures.COUNT : qubits + LinkFeatures.COUNT;
            inputWidth[r] = 3 * own;
            roundOffset[r] = offset;
            offset += rotations * (inputWidth[r] + 2); // weights, bias, RZ angle per rotation
        }
        readoutOffset = offset;
        parameterCount = offset + qubits;
    }

    @Override
    public String ansatz() {
        return NAME;
    }

    @Override
    public int parameterCount() {
        return parameterCount;
    }

    @Override
    public int qubits() {
        return qubits;
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("qubits", qubits);
        h.put("layers", layers);
        h.put("rounds", rounds);
        h.put("loss", loss);
        h.put("rPenalty", penalty);
        h.put("teacherTemperature", teacher.temperature());
        h.put("teacherLimit", teacher.enumerationLimit());
        return h;
    }

    /** One circuit per link per round. */
    @Override
    public long circuitsPerInference(int nAp, int nUser) {
        return (long) rounds * nAp * nUser;
    }

    /** Every link circuit: one run plus two shifted runs per parametric gate (2 L Q of them). */
    @Override
    public long circuitsPerTrainingStep(int nAp, int nUser) {
        return circuitsPerInference(nAp, nUser) * (1 + 2L * circuit.slots());
    }

    /** Encoding weights ~ N(0, 1/width), biases in (0, pi), RZ angles and readout weights random. */
    @Override
    public double[] initialParameters(Seed seed) {
        SplittableRandom r = seed.random();
        double[] p = new double[parameterCount];
        int rotations = layers * qubits;
        for (int round = 0; round < rounds; round++) {
            int w = inputWidth[round];
            for (int j = 0; j < rotations; j++) {
                int base = weightIndex(round, j);
                for (int i = 0; i < w; i++) {
                    p[base + i] = r.nextGaussian() / Math.sqrt(w);
                }
                p[biasIndex(round, j)] = r.nextDouble(0, Math.PI);
                p[angleIndex(round, j)] = r.nextDouble(-Math.PI, Math.PI);
            }
        }
        for (int q = 0; q < qubits; q++) {
            p[readoutOffset + q] = r.nextGaussian();
        }
        return p;
    }

    private int weightIndex(int round, int rotation) {
        return roundOffset[round] + rotation * (inputWidth[round] + 2);
    }

    private int biasIndex(int round, int rotation) {
        return weightIndex(round, rotation) + inputWidth[round];
    }

    private int angleIndex(int round, int rotation) {
        return biasIndex(round, rotation) + 1;
    }

    @Override
    public CloudWorker worker(BackendSpec decisions) {
        return new Worker(decisions);
    }

    /** One stage per round: M x K independent link circuits, each read on every qubit. */
    @Override
    public List<DeviceModel.Stage> inferenceStages(int nAp, int nUser) {
        DeviceModel.Stage round = new DeviceModel.Stage(circuit, readout, (long) nAp * nUser);
        return java.util.Collections.nCopies(rounds, round);
    }

    /** Evaluation state of one sample: inputs and angles of every link in every round. */
    private final class Worker implements CloudWorker {
        private final Simulator sim = Simulator.forQubits(qubits);
        private final DecisionReadout reader;
        private final double[] gAngles = new double[circuit.slots()];
        private final double[] values = new double[qubits];
        private double baseline = Double.NaN;

        // per sample, sized on first use / when M or K changes
        private int nAp = -1;
        private int nUser = -1;
        private double[][][][] inputs; // [round][m][k][inputWidth]
        private double[][][][] angles; // [round][m][k][slots]
        private double[][][][] outputs; // [round][m][k][qubits]
        private double[][] scores;

        Worker(BackendSpec decisions) {
            this.reader = new DecisionReadout(sim, decisions);
        }

        private void size(int m, int k) {
            if (m == nAp && k == nUser) {
                return;
            }
            nAp = m;
            nUser = k;
            inputs = new double[rounds][m][k][];
            angles = new double[rounds][m][k][circuit.slots()];
            outputs = new double[rounds][m][k][qubits];
            for (int r = 0; r < rounds; r++) {
                for (int a = 0; a < m; a++) {
                    for (int b = 0; b < k; b++) {
                        inputs[r][a][b] = new double[inputWidth[r]];
                    }
                }
            }
            scores = new double[m][k];
        }

        /** Runs every round for every link exactly (training); leaves the scores in {@link #scores}. */
        private void forward(CloudSample s, double[] p) {
            forward(s, p, null, false);
        }

        /** As {@link #forward(CloudSample, double[])}; {@code decision}: circuits read through the backend. */
        private void forward(CloudSample s, double[] p, RandomGenerator rng, boolean decision) {
            size(s.nAp(), s.nUser());
            double[][][] f = LinkFeatures.compute(s.table(), s.mu());
            int rotations = layers * qubits;
            for (int r = 0; r < rounds; r++) {
                int own = inputWidth[r] / 3;
                double[][][] u = new double[nAp][nUser][own];
                for (int m = 0; m < nAp; m++) {
                    for (int k = 0; k < nUser; k++) {
                        if (r == 0) {
                            System.arraycopy(f[m][k], 0, u[m][k], 0, own);
                        } else {
                            System.arraycopy(outputs[r - 1][m][k], 0, u[m][k], 0, qubits);
                            System.arraycopy(f[m][k], 0, u[m][k], qubits, LinkFeatures.COUNT);
                        }
                    }
                }
                double[][] rowMean = new double[nAp][own];
                double[][] colMean = new double[nUser][own];
                for (int m = 0; m < nAp; m++) {
                    for (int k = 0; k < nUser; k++) {
                        for (int i = 0; i < own; i++) {
                            rowMean[m][i] += u[m][k][i] / nUser;
                            colMean[k][i] += u[m][k][i] / nAp;
                        }
                    }
                }
                for (int m = 0; m < nAp; m++) {
                    for (int k = 0; k < nUser; k++) {
                        double[] z = inputs[r][m][k];
                        System.arraycopy(u[m][k], 0, z, 0, own);
                        System.arraycopy(rowMean[m], 0, z, own, own);
                        System.arraycopy(colMean[k], 0, z, 2 * own, own);
                        double[] a = angles[r][m][k];
                        for (int j = 0; j < rotations; j++) {
                            int w = weightIndex(r, j);
                            double x = p[biasIndex(r, j)];
                            for (int i = 0; i < z.length; i++) {
                                x += p[w + i] * z[i];
                            }
                            a[2 * j] = x;
                            a[2 * j + 1] = p[angleIndex(r, j)];
                        }
                        if (decision) {
                            reader.decision(circuit, a, readout, rng, outputs[r][m][k]);
                        } else {
                            reader.exact(circuit, a, readout, outputs[r][m][k]);
                        }
                    }
                }
            }
            for (int m = 0; m < nAp; m++) {
                for (int k = 0; k < nUser; k++) {
                    double sc = 0;
                    for (int q = 0; q < qubits; q++) {
                        sc += p[readoutOffset + q] * outputs[rounds - 1][m][k][q];
                    }
                    scores[m][k] = sc;
                }
            }
        }

        /** Accumulates dLoss/dparams into {@code grad} given dLoss/dscores. */
        private void backward(double[] p, double[][] dScores, double[] grad) {
            Arrays.fill(grad, 0.0);
            int rotations = layers * qubits;
            double[][][] dOut = new double[nAp][nUser][qubits];
            for (int m = 0; m < nAp; m++) {
                for (int k = 0; k < nUser; k++) {
                    for (int q = 0; q < qubits; q++) {
                        grad[readoutOffset + q] += dScores[m][k] * outputs[rounds - 1][m][k][q];
                        dOut[m][k][q] = dScores[m][k] * p[readoutOffset + q];
                    }
                }
            }
            for (int r = rounds - 1; r >= 0; r--) {
                int own = inputWidth[r] / 3;
                double[][][] dSelf = new double[nAp][nUser][own];
                double[][] dRow = new double[nAp][own];
                double[][] dCol = new double[nUser][own];
                for (int m = 0; m < nAp; m++) {
                    for (int k = 0; k < nUser; k++) {
                        vjp(angles[r][m][k], dOut[m][k]);
                        double[] z = inputs[r][m][k];
                        for (int j = 0; j < rotations; j++) {
                            double g = gAngles[2 * j];
                            int w = weightIndex(r, j);
                            for (int i = 0; i < z.length; i++) {
                                grad[w + i] += g * z[i];
                            }
                            grad[biasIndex(r, j)] += g;
                            grad[angleIndex(r, j)] += gAngles[2 * j + 1];
                            if (r > 0) {
                                for (int i = 0; i < own; i++) {
                                    dSelf[m][k][i] += g * p[w + i];
                                    dRow[m][i] += g * p[w + own + i];
                                    dCol[k][i] += g * p[w + 2 * own + i];
                                }
                            }
                        }
                    }
                }
                if (r > 0) {
                    // u_r = [outputs of round r-1, features]: only the outputs carry gradient on
                    for (int m = 0; m < nAp; m++) {
                        for (int k = 0; k < nUser; k++) {
                            for (int q = 0; q < qubits; q++) {
                                dOut[m][k][q] = dSelf[m][k][q] + dRow[m][q] / nUser + dCol[k][q] / nAp;
                            }
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

        @Override
        public int[] assign(CloudSample sample, double[] params, RandomGenerator rng) {
            forward(sample, params, rng, true);
            return CoverageDecoder.decode(scores);
        }

        @Override
        public int[] assignSampled(CloudSample sample, double[] params, int candidates, RandomGenerator rng) {
            forward(sample, params, rng, true);
            return CoverageDecoder.sampled(scores, candidates, rng, sample.table(), sample.rho(), sample.mu());
        }

        @Override
        public Objective objective(CloudSample sample, RandomGenerator rng) {
            double[][] target = loss.equals(IMITATION) ? teacher.targets(sample) : null;
            return new Objective() {
                @Override
                public double loss(double[] params) {
                    forward(sample, params);
                    if (target != null) {
                        return crossEntropy(CoverageDecoder.probabilities(scores), target);
                    }
                    int[] a = CoverageDecoder.decode(scores);
                    return -minRate(sample, a);
                }

                @Override
                public boolean differentiable() {
                    return true;
                }

                @Override
                public double lossAndGradient(double[] params, double[] grad) {
                    forward(sample, params);
                    double[][] prob = CoverageDecoder.probabilities(scores);
                    double[][] dScores = new double[nAp][nUser];
                    double value;
                    if (target != null) {
                        value = crossEntropy(prob, target);
                        for (int m = 0; m < nAp; m++) {
                            for (int k = 0; k < nUser; k++) {
                                dScores[m][k] = (prob[m][k] - target[m][k]) / nAp;
                            }
                        }
                    } else {
                        int[] a = draw(prob, rng);
                        double reward = minRate(sample, a);
                        baseline = Double.isNaN(baseline) ? reward : 0.95 * baseline + 0.05 * reward;
                        double advantage = reward - baseline;
                        for (int m = 0; m < nAp; m++) {
                            for (int k = 0; k < nUser; k++) {
                                dScores[m][k] = -advantage * ((k == a[m] ? 1 : 0) - prob[m][k]) / nAp;
                            }
                        }
                        value = -reward;
                    }
                    backward(params, dScores, grad);
                    return value;
                }
            };
        }

        private double minRate(CloudSample s, int[] a) {
            return s.table().minRate(a, s.rho(), s.mu(), penalty, new double[s.nUser()], new double[3 * s.nUser()]);
        }
    }

    private static double crossEntropy(double[][] p, double[][] q) {
        double ce = 0;
        for (int m = 0; m < p.length; m++) {
            for (int k = 0; k < p[m].length; k++) {
                if (q[m][k] > 0) {
                    ce -= q[m][k] * Math.log(Math.max(p[m][k], 1e-300));
                }
            }
        }
        return ce / p.length;
    }

    private static int[] draw(double[][] p, RandomGenerator rng) {
        int[] a = new int[p.length];
        for (int m = 0; m < p.length; m++) {
            double u = rng.nextDouble();
            a[m] = p[m].length - 1;
            for (int k = 0; k < p[m].length; k++) {
                u -= p[m][k];
                if (u < 0) {
                    a[m] = k;
                    break;
                }
            }
        }
        return a;
    }
}
