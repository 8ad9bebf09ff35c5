package org.cfqnn.qnn.cloud;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.List;
import java.util.random.RandomGenerator;
import org.cfqnn.baseline.AssignmentProblem;
import org.cfqnn.baseline.GreedyMaxMin;
import org.cfqnn.baseline.OptimumBaseline;
import org.cfqnn.qnn.GradientMethod;
import org.cfqnn.qnn.Objective;
import org.cfqnn.quantum.backend.BackendSpec;
import org.cfqnn.quantum.device.DeviceModel;
import org.cfqnn.radio.MrTable;
import org.cfqnn.rng.Seed;

/**
 * cfqnn's max-min cloud QNN, built to scale: per-link circuits on a sparse set of candidate links
 * corrects channel-derived priors, and a combinatorial decoder turns them into an assignment without
 * evaluating a rate.
 *
 * <ol>
 *   <li><b>Priors and candidates</b> ({@link LinkPriors}, {@link Candidates}): value {@code v0[m][k]} and
 *       harm {@code h0[m][u][k]} of every link in units of SINR; circuits run only on each AP's
 *       {@code perAp} most valuable users and each user's {@code perUser} most valuable APs.</li>
 *   <li><b>Circuits</b> ({@link LinkNetwork}, shared weights; {@link MaxMinFeatures} in): each candidate
 *       link reads out {@code e}, and three affine readouts {@code y_c = b_c + w_c . e} give multiplicative
 *       corrections: {@code v[m][k] = v0 exp(y_value)}, and the harm AP m causes user k while serving u
 *       {@code h[m][u][k] = tau h0 exp(y_caused[m][u] + y_suffered[m][k])}, with a trained {@code tau}.</li>
 *   <li><b>Decoder</b> ({@link MaxMinDecoder}): cover, water-filling and polish on the additive surrogate
 *       W ({@link Surrogate}) of those numbers.</li>
 * </ol>
 * <p>Training ({@code signal}): {@code min-rate} ascends the min rate (on the estimate) of the decoded
 * assignment, smoothed by Gaussian perturbations of the circuit outputs: the antithetic estimator
 * {@code g = sum_i (R(y + sigma z_i) - R(y - sigma z_i)) z_i / (2 sigma P s)} (Salimans et al. 2017,
 * "Evolution strategies"; s the spread of the 2P rewards) flows back through the readout and the circuits
 * exactly (adjoint or parameter shift). {@code imitate-optimum} / {@code imitate-greedy} use the same
 * estimator with the fraction of APs that agree with the teacher's assignment as the reward. A classical
 * scorer ({@link LinkMlp}) can replace the circuits as a control ({@code scorer = classical}).
 *
 * <p>Nothing depends on M or K: a model trained on small networks decodes large ones.
 */
public final class MaxMinCloud implements CloudModel {

    public static final String NAME = "maxmin";
    public static final String QUANTUM = "quantum";
    public static final String CLASSICAL = "classical";
    /** Readout outputs per link: value, harm caused, harm suffered. */
    private static final int OUTPUTS = 3;
    /** Std of the initial readout weights: the untrained model perturbs its priors by factors of about e^(+-1). */
    private static final double READOUT_SCALE = 0.5;

    /** What training ascends. */
    public enum Signal {
        MIN_RATE, IMITATE_OPTIMUM, IMITATE_GREEDY;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Signal parse(String s) {
            for (Signal x : values()) {
                if (x.label().equals(s)) {
                    return x;
                }
            }
            return null;
        }
    }

    /**
     * The architecture and its training signal.
     *
     * @param scorer    {@link #QUANTUM} or {@link #CLASSICAL}
     * @param hidden    tanh units of the classical scorer
     * @param perAp     candidate users per AP
     * @param perUser   candidate APs per user
     * @param tau       initial harm weight
     * @param sigma     std of the output perturbations in training
     * @param pairs     antithetic perturbation pairs per training sample
     * @param teacherLimit largest K^M the optimum teacher enumerates
     */
    public record Design(String scorer, int qubits, int layers, int rounds, int hidden, int perAp, int perUser,
                         double tau, MaxMinDecoder decoder, Signal signal, double sigma, int pairs, long teacherLimit) {
    }

    private final Design design;
    private final double penalty;
    private final LinkScorer scorer;
    private final int readoutOffset;
    private final int tauIndex;

    public MaxMinCloud(Design design, double penalty, GradientMethod gradient, double shift) {
        this.design = design;
        this.penalty = penalty;
        this.scorer = design.scorer().equals(CLASSICAL) ? new LinkMlp(design.hidden(), MaxMinFeatures.COUNT)
                : new LinkNetwork(design.qubits(), design.layers(), design.rounds(), MaxMinFeatures.COUNT, gradient, shift);
        this.readoutOffset = scorer.parameterCount();
        this.tauIndex = readoutOffset + OUTPUTS * (scorer.width() + 1);
    }

    public Design design() {
        return design;
    }

    /** The same model with another design (ablations: decoder, signal); parameters stay compatible if the scorer does. */
    public MaxMinCloud with(Design other, GradientMethod gradient, double shift) {
        return new MaxMinCloud(other, penalty, gradient, shift);
    }

    @Override
    public String ansatz() {
        return NAME;
    }

    @Override
    public int parameterCount() {
        return tauIndex + 1;
    }

    @Override
    public int qubits() {
        return scorer.qubits();
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("scorer", design.scorer());
        h.put("qubits", design.qubits());
        h.put("layers", design.layers());
        h.put("rounds", design.rounds());
        h.put("hidden", design.hidden());
        h.put("candidatesPerAp", design.perAp());
        h.put("candidatesPerUser", design.perUser());
        h.put("tau", design.tau());
        h.put("decoder", design.decoder().label());
        h.put("signal", design.signal().label());
        h.put("sigma", design.sigma());
        h.put("pairs", design.pairs());
        h.put("teacherLimit", design.teacherLimit());
        h.put("rPenalty", penalty);
        return h;
    }

    @Override
    public boolean sizeFree() {
        return true;
    }

    /** One circuit per candidate link per round; the bound on candidate links is charged (the exact count varies). */
    @Override
    public long circuitsPerInference(int nAp, int nUser) {
        return scorer.circuitsPerLink() * Candidates.maxLinks(nAp, nUser, design.perAp(), design.perUser());
    }

    /** Every link circuit with the parameter-shift rule: one run plus two per parametric gate. The perturbed decodings run no circuit. */
    @Override
    public long circuitsPerTrainingStep(int nAp, int nUser) {
        return scorer instanceof LinkNetwork n ? circuitsPerInference(nAp, nUser) * n.circuitsPerGradient() : 0;
    }

    /** The scorer's initial parameters, readout weights ~ N(0, 0.25), readout biases 0, {@code ln tau}. */
    @Override
    public double[] initialParameters(Seed seed) {
        SplittableRandom r = seed.random();
        double[] p = new double[parameterCount()];
        scorer.initialize(p, 0, r);
        for (int c = 0; c < OUTPUTS; c++) {
            for (int q = 0; q < scorer.width(); q++) {
                p[readoutOffset + c * (scorer.width() + 1) + q] = READOUT_SCALE * r.nextGaussian();
            }
        }
        p[tauIndex] = Math.log(design.tau());
        return p;
    }

    /**
     * Parameters that switch the circuits off: readout weights and biases 0 (so every correction is 0 and
     * the decoder sees the priors), tau at its initial value; the scorer's parameters are kept.
     */
    public double[] priorsOnly(double[] params) {
        double[] p = params.clone();
        java.util.Arrays.fill(p, readoutOffset, tauIndex, 0.0);
        p[tauIndex] = Math.log(design.tau());
        return p;
    }

    /** The corrections {@code y[c][link]} (value, harm caused, harm suffered) of every candidate link, in {@link Candidates} order. */
    public double[][] corrections(CloudSample sample, double[] params) {
        return new Forward(sample, scorer.pass(), params).y;
    }

    /** Adds {@code d(sum_{c, l} dY[c][l] y[c][l]) / d params} into {@code grad}: the chain rule training uses. */
    public void pullBack(CloudSample sample, double[] params, double[][] dY, double[] grad) {
        Worker w = new Worker();
        w.backward(new Forward(sample, w.pass, params), params, dY, grad);
    }

    /** The harm weight tau of a parameter vector. */
    public double tau(double[] params) {
        return Math.exp(params[tauIndex]);
    }

    @Override
    public CloudWorker worker(BackendSpec decisions) {
        return new Worker(decisions);
    }

    /** The candidate links' circuits, at most as many as {@link #circuitsPerInference} counts. */
    @Override
    public List<DeviceModel.Stage> inferenceStages(int nAp, int nUser) {
        return scorer.stages(Candidates.maxLinks(nAp, nUser, design.perAp(), design.perUser()));
    }

    /** One sample's priors, candidate links and circuit outputs. */
    private final class Forward {
        final LinkPriors priors;
        final LinkSet links;
        final int[] linkOf;
        final double[][] out;
        final double[][] y;

        Forward(CloudSample s, LinkScorer.Pass pass, double[] p) {
            this(s, pass, p, null, false);
        }

        /** {@code decision}: the circuits are read through the backend, with shots from {@code rng}. */
        Forward(CloudSample s, LinkScorer.Pass pass, double[] p, RandomGenerator rng, boolean decision) {
            MrTable t = s.table();
            priors = LinkPriors.of(t, s.rho(), s.mu());
            links = Candidates.select(priors, design.perAp(), design.perUser());
            linkOf = new int[s.nAp() * s.nUser()];
            java.util.Arrays.fill(linkOf, -1);
            for (int i = 0; i < links.size(); i++) {
                linkOf[links.ap(i) * s.nUser() + links.user(i)] = i;
            }
            double[][] features = MaxMinFeatures.compute(t, priors, links, s.rho(), s.mu());
            out = decision ? pass.decide(links, features, p, 0, rng) : pass.forward(links, features, p, 0);
            y = new double[OUTPUTS][links.size()];
            int w = scorer.width();
            for (int c = 0; c < OUTPUTS; c++) {
                int base = readoutOffset + c * (w + 1);
                for (int i = 0; i < links.size(); i++) {
                    double v = p[base + w];
                    for (int q = 0; q < w; q++) {
                        v += p[base + q] * out[i][q];
                    }
                    y[c][i] = v;
                }
            }
        }

        /**
         * Classical work before the decoder: the priors ({@code M K K} terms from the table), the candidate
         * links' features and the surrogate's values and harms ({@code K} each per link), the readouts.
         */
        long encodingOperations() {
            long k = priors.nUser();
            return (long) priors.nAp() * k * k + 2L * links.size() * k + (long) OUTPUTS * links.size() * (scorer.width() + 1);
        }

        /** The decoder's input for outputs {@code y} and harm weight {@code exp(logTau)}. */
        Surrogate surrogate(double[][] y, double logTau) {
            return MaxMinCloud.surrogate(priors, links, linkOf, y, Math.exp(logTau));
        }
    }

    /** The decoder's input: candidate links' values and harms, the priors corrected by outputs {@code y}. */
    private static Surrogate surrogate(LinkPriors priors, LinkSet links, int[] linkOf, double[][] y, double tau) {
        int nAp = priors.nAp();
        int nUser = priors.nUser();
        boolean[] candidate = new boolean[nAp * nUser];
        double[] logValue = new double[nAp * nUser];
        double[] harm = new double[nAp * nUser * nUser];
        for (int i = 0; i < links.size(); i++) {
            int m = links.ap(i);
            int k = links.user(i);
            candidate[m * nUser + k] = true;
            logValue[m * nUser + k] = priors.logValue(m, k) + y[0][i];
            for (int u = 0; u < nUser; u++) {
                int caused = linkOf[m * nUser + u];
                double scale = Math.exp((caused >= 0 ? y[1][caused] : 0) + y[2][i]);
                harm[(m * nUser + u) * nUser + k] = tau * priors.harm(m, u, k) * scale;
            }
        }
        return new Surrogate(nAp, nUser, candidate, logValue, harm);
    }

    /**
     * The classical part of a decision alone, as if every circuit output were zero: priors, candidate
     * links, features, surrogate and the water-filling decoder on {@code s}, its work counted on
     * {@code s.operations()} as a decision counts it. {@code cfqnn bench calibrate} times it.
     */
    public static int[] classicalPart(CloudSample s, int perAp, int perUser, double tau) {
        MrTable t = s.table();
        LinkPriors priors = LinkPriors.of(t, s.rho(), s.mu());
        LinkSet links = Candidates.select(priors, perAp, perUser);
        int[] linkOf = new int[s.nAp() * s.nUser()];
        java.util.Arrays.fill(linkOf, -1);
        for (int i = 0; i < links.size(); i++) {
            linkOf[links.ap(i) * s.nUser() + links.user(i)] = i;
        }
        MaxMinFeatures.compute(t, priors, links, s.rho(), s.mu()); // the circuits' inputs: work a decision does
        Surrogate sur = surrogate(priors, links, linkOf, new double[OUTPUTS][links.size()], tau);
        int[] a = MaxMinDecoder.WATER_FILLING.decode(sur);
        long k = s.nUser();
        s.operations().add((long) s.nAp() * k * k + 2L * links.size() * k + sur.operations());
        return a;
    }

    /** What a worker has decided so far: decisions, candidate links (circuits per round) and decoder time. */
    public interface Counters {
        long decisions();

        long links();

        long decoderNanos();
    }

    private final class Worker implements CloudWorker, Counters {
        private final LinkScorer.Pass pass;
        private long decisions;
        private long links;
        private long decoderNanos;

        Worker(BackendSpec decisions) {
            this.pass = scorer.pass(decisions);
        }

        Worker() {
            this(BackendSpec.EXACT);
        }

        @Override
        public int[] assign(CloudSample sample, double[] params, RandomGenerator readout) {
            Forward f = new Forward(sample, pass, params, readout, true);
            long t0 = System.nanoTime();
            Surrogate s = f.surrogate(f.y, params[tauIndex]);
            int[] a = design.decoder().decode(s);
            decoderNanos += System.nanoTime() - t0;
            sample.operations().add(f.encodingOperations() + s.operations());
            decisions++;
            links += f.links.size();
            return a;
        }

        @Override
        public long decisions() {
            return decisions;
        }

        @Override
        public long links() {
            return links;
        }

        @Override
        public long decoderNanos() {
            return decoderNanos;
        }

        /** The direct decoding and {@code candidates - 1} decodings of perturbed outputs; the best by (min, sum) rate on the estimate. */
        @Override
        public int[] assignSampled(CloudSample sample, double[] params, int candidates, RandomGenerator rng) {
            Forward f = new Forward(sample, pass, params, rng, true);
            Surrogate first = f.surrogate(f.y, params[tauIndex]);
            int[] best = design.decoder().decode(first);
            long perRates = (long) sample.nAp() * sample.nUser(); // a min rate read from the table
            sample.operations().add(f.encodingOperations() + first.operations() + perRates);
            double[] rates = new double[sample.nUser()];
            double[] scratch = new double[3 * sample.nUser()];
            double bestMin = sample.table().minRate(best, sample.rho(), sample.mu(), 0, rates, scratch);
            double bestSum = Surrogate.sum(rates);
            for (int c = 1; c < candidates; c++) {
                double[][] yp = new double[OUTPUTS][f.links.size()];
                for (int o = 0; o < OUTPUTS; o++) {
                    for (int i = 0; i < yp[o].length; i++) {
                        yp[o][i] = f.y[o][i] + design.sigma() * rng.nextGaussian();
                    }
                }
                Surrogate sc = f.surrogate(yp, params[tauIndex]);
                int[] a = design.decoder().decode(sc);
                sample.operations().add(sc.operations() + perRates + (long) OUTPUTS * yp[0].length);
                double min = sample.table().minRate(a, sample.rho(), sample.mu(), 0, rates, scratch);
                double sum = Surrogate.sum(rates);
                if (min > bestMin || (min == bestMin && sum > bestSum)) {
                    best = a;
                    bestMin = min;
                    bestSum = sum;
                }
            }
            return best;
        }

        @Override
        public Objective objective(CloudSample sample, RandomGenerator rng) {
            int[] teacher = teacher(sample);
            double[] rates = new double[sample.nUser()];
            double[] scratch = new double[3 * sample.nUser()];
            java.util.function.ToDoubleFunction<int[]> reward = a -> {
                if (teacher == null) {
                    return sample.table().minRate(a, sample.rho(), sample.mu(), penalty, rates, scratch);
                }
                int agree = 0;
                for (int m = 0; m < a.length; m++) {
                    agree += a[m] == teacher[m] ? 1 : 0;
                }
                return (double) agree / a.length;
            };
            return new Objective() {
                @Override
                public double loss(double[] params) {
                    return -reward.applyAsDouble(assign(sample, params));
                }

                @Override
                public boolean differentiable() {
                    return true;
                }

                @Override
                public double lossAndGradient(double[] params, double[] grad) {
                    java.util.Arrays.fill(grad, 0.0);
                    Forward f = new Forward(sample, pass, params);
                    int n = f.links.size();
                    int pairs = design.pairs();
                    double sigma = design.sigma();
                    double[][][] z = new double[pairs][OUTPUTS][n];
                    double[] zTau = new double[pairs];
                    double[] plus = new double[pairs];
                    double[] minus = new double[pairs];
                    double[][] yp = new double[OUTPUTS][n];
                    double[][] ym = new double[OUTPUTS][n];
                    for (int i = 0; i < pairs; i++) {
                        for (int c = 0; c < OUTPUTS; c++) {
                            for (int l = 0; l < n; l++) {
                                z[i][c][l] = rng.nextGaussian();
                                yp[c][l] = f.y[c][l] + sigma * z[i][c][l];
                                ym[c][l] = f.y[c][l] - sigma * z[i][c][l];
                            }
                        }
                        zTau[i] = rng.nextGaussian();
                        plus[i] = reward.applyAsDouble(design.decoder().decode(f.surrogate(yp, params[tauIndex] + sigma * zTau[i])));
                        minus[i] = reward.applyAsDouble(design.decoder().decode(f.surrogate(ym, params[tauIndex] - sigma * zTau[i])));
                    }
                    double spread = spread(plus, minus);
                    double[][] dY = new double[OUTPUTS][n];
                    for (int i = 0; i < pairs; i++) {
                        // loss = -reward: descend along minus the smoothed reward gradient
                        double d = -(plus[i] - minus[i]) / (2 * sigma * pairs * spread);
                        for (int c = 0; c < OUTPUTS; c++) {
                            for (int l = 0; l < n; l++) {
                                dY[c][l] += d * z[i][c][l];
                            }
                        }
                        grad[tauIndex] += d * zTau[i];
                    }
                    backward(f, params, dY, grad);
                    return -reward.applyAsDouble(design.decoder().decode(f.surrogate(f.y, params[tauIndex])));
                }
            };
        }

        /** dLoss/dparams of the readout and the scorer given dLoss/dy. */
        private void backward(Forward f, double[] p, double[][] dY, double[] grad) {
            int w = scorer.width();
            int n = f.links.size();
            double[][] dOut = new double[n][w];
            for (int c = 0; c < OUTPUTS; c++) {
                int base = readoutOffset + c * (w + 1);
                for (int i = 0; i < n; i++) {
                    grad[base + w] += dY[c][i];
                    for (int q = 0; q < w; q++) {
                        grad[base + q] += dY[c][i] * f.out[i][q];
                        dOut[i][q] += dY[c][i] * p[base + q];
                    }
                }
            }
            pass.backward(p, 0, dOut, grad);
        }

        private int[] teacher(CloudSample s) {
            AssignmentProblem problem = new AssignmentProblem(s.estimate(), s.rho(), s.mu(), s.table());
            return switch (design.signal()) {
                case MIN_RATE -> null;
                case IMITATE_OPTIMUM -> new OptimumBaseline(design.teacherLimit()).assign(problem, null);
                case IMITATE_GREEDY -> new GreedyMaxMin().assign(problem, null);
            };
        }
    }

    /** Standard deviation of the 2P rewards, floored so equal rewards do not divide by zero. */
    private static double spread(double[] plus, double[] minus) {
        double mean = 0;
        int n = plus.length + minus.length;
        for (int i = 0; i < plus.length; i++) {
            mean += (plus[i] + minus[i]) / n;
        }
        double var = 0;
        for (int i = 0; i < plus.length; i++) {
            var += ((plus[i] - mean) * (plus[i] - mean) + (minus[i] - mean) * (minus[i] - mean)) / n;
        }
        return Math.sqrt(var) + 1e-3 * Math.abs(mean) + 1e-6;
    }
}
