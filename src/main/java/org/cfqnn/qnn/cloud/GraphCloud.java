package org.cfqnn.qnn.cloud;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.cfqnn.qnn.GradientMethod;
import org.cfqnn.qnn.Objective;
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
    private final LinkNetwork network;
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
        this.network = new LinkNetwork(qubits, layers, rounds, LinkFeatures.COUNT, gradient, shift);
        readoutOffset = network.parameterCount();
        parameterCount = readoutOffset + qubits;
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

    @Override
    public boolean sizeFree() {
        return true;
    }

    /** One circuit per link per round. */
    @Override
    public long circuitsPerInference(int nAp, int nUser) {
        return (long) rounds * nAp * nUser;
    }

    /** Every link circuit: one run plus two shifted runs per parametric gate (2 L Q of them). */
    @Override
    public long circuitsPerTrainingStep(int nAp, int nUser) {
        return circuitsPerInference(nAp, nUser) * network.circuitsPerGradient();
    }

    /** The message-passing network's initial parameters ({@link LinkNetwork}), then readout weights ~ N(0, 1). */
    @Override
    public double[] initialParameters(Seed seed) {
        SplittableRandom r = seed.random();
        double[] p = new double[parameterCount];
        network.initialize(p, 0, r);
        for (int q = 0; q < qubits; q++) {
            p[readoutOffset + q] = r.nextGaussian();
        }
        return p;
    }

    @Override
    public CloudWorker worker(BackendSpec decisions) {
        return new Worker(decisions);
    }

    /** One stage per round: M x K independent link circuits, each read on every qubit. */
    @Override
    public List<DeviceModel.Stage> inferenceStages(int nAp, int nUser) {
        return network.stages((long) nAp * nUser);
    }

    /** Evaluation state of one sample: the network's pass and the scores of every link. */
    private final class Worker implements CloudWorker {
        private final LinkScorer.Pass pass;
        private double baseline = Double.NaN;
        private int nAp;
        private int nUser;
        private double[][] outputs;
        private double[][] scores;

        Worker(BackendSpec decisions) {
            this.pass = network.pass(decisions);
        }

        /** Runs every round for every link exactly (training); leaves the scores in {@link #scores}. */
        private void forward(CloudSample s, double[] p) {
            forward(s, p, null, false);
        }

        /** As {@link #forward(CloudSample, double[])}; {@code decision}: circuits read through the backend. */
        private void forward(CloudSample s, double[] p, RandomGenerator rng, boolean decision) {
            nAp = s.nAp();
            nUser = s.nUser();
            double[][][] f = LinkFeatures.compute(s.table(), s.mu());
            double[][] perLink = new double[nAp * nUser][];
            for (int m = 0; m < nAp; m++) {
                for (int k = 0; k < nUser; k++) {
                    perLink[m * nUser + k] = f[m][k];
                }
            }
            outputs = decision ? pass.decide(LinkSet.full(nAp, nUser), perLink, p, 0, rng)
                    : pass.forward(LinkSet.full(nAp, nUser), perLink, p, 0);
            scores = new double[nAp][nUser];
            for (int m = 0; m < nAp; m++) {
                for (int k = 0; k < nUser; k++) {
                    double sc = 0;
                    for (int q = 0; q < qubits; q++) {
                        sc += p[readoutOffset + q] * outputs[m * nUser + k][q];
                    }
                    scores[m][k] = sc;
                }
            }
        }

        /** Writes dLoss/dparams into {@code grad} given dLoss/dscores. */
        private void backward(double[] p, double[][] dScores, double[] grad) {
            Arrays.fill(grad, 0.0);
            double[][] dOut = new double[nAp * nUser][qubits];
            for (int m = 0; m < nAp; m++) {
                for (int k = 0; k < nUser; k++) {
                    for (int q = 0; q < qubits; q++) {
                        grad[readoutOffset + q] += dScores[m][k] * outputs[m * nUser + k][q];
                        dOut[m * nUser + k][q] = dScores[m][k] * p[readoutOffset + q];
                    }
                }
            }
            pass.backward(p, 0, dOut, grad);
        }

        @Override
        public int[] assign(CloudSample sample, double[] params, RandomGenerator readout) {
            forward(sample, params, readout, true);
            sample.operations().add(CoverageDecoder.operations(scores.length, scores[0].length));
            return CoverageDecoder.decode(scores);
        }

        @Override
        public int[] assignSampled(CloudSample sample, double[] params, int candidates, RandomGenerator rng) {
            forward(sample, params, rng, true);
            long perCandidate = CoverageDecoder.operations(scores.length, scores[0].length)
                    + (long) scores.length * scores[0].length; // a decoding and a min rate from the table
            sample.operations().add(candidates * perCandidate);
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
