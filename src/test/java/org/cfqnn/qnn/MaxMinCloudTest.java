package org.cfqnn.qnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.cfqnn.baseline.AssignmentMethod;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.qnn.cloud.CloudSample;
import org.cfqnn.qnn.cloud.CloudWorker;
import org.cfqnn.qnn.cloud.LinkMlp;
import org.cfqnn.qnn.cloud.LinkNetwork;
import org.cfqnn.qnn.cloud.LinkPriors;
import org.cfqnn.qnn.cloud.LinkScorer;
import org.cfqnn.qnn.cloud.LinkSet;
import org.cfqnn.qnn.cloud.MaxMinCloud;
import org.cfqnn.qnn.cloud.MaxMinDecoder;
import org.cfqnn.qnn.cloud.Surrogate;
import org.cfqnn.radio.Channel;
import org.cfqnn.radio.ChannelModel;
import org.cfqnn.radio.MrTable;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.radio.Realization;
import org.cfqnn.radio.TestChannels;
import org.cfqnn.rng.Seed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The max-min cloud: its priors, surrogate and decoder against hand-derived values, its gradients, training and transfer. */
class MaxMinCloudTest {

    /** Hand arithmetic on exact fractions. */
    private static final double EXACT = 1e-12;
    /** Central differences with h = 1e-5 are accurate to about h^2 times the third derivative. */
    private static final double FD = 1e-6;
    private static final double H = 1e-5;

    /**
     * Real two-antenna channels, so {@code T[m][u][k] = (h_mk . h_mu)^2 / |h_mu|^2}:
     * AP 0: h00 = (1, 0), h01 = (1, 1); AP 1: h10 = (0, 2), h11 = (1, 0).
     */
    private static Channel twoByTwo() {
        return TestChannels.of(new double[][][][] {
            {{{1, 0}, {0, 0}}, {{1, 0}, {1, 0}}},
            {{{0, 0}, {2, 0}}, {{1, 0}, {0, 0}}}});
    }

    static MaxMinCloud.Design design(String scorer, MaxMinDecoder decoder, MaxMinCloud.Signal signal, int pairs) {
        return new MaxMinCloud.Design(scorer, 3, 1, 1, 4, 3, 1, 12, decoder, signal, 0.3, pairs, 2_000_000);
    }

    @Test
    void priorsMatchHandDerivedValuesAndHarms() {
        // T[0][0][0] = 1, T[0][0][1] = 1, T[0][1][0] = 0.5, T[0][1][1] = 2; T[1][0][0] = 4, T[1][0][1] = 0,
        // T[1][1][0] = 0, T[1][1][1] = 1. K = 2: L[n][k] = T[n][other][k]: L00 = 0.5, L01 = 1, L10 = L11 = 0;
        // I_0 = 0.5, I_1 = 1. rho = 10, mu = 0.1 (rho mu = 1).
        LinkPriors p = LinkPriors.of(MrTable.of(twoByTwo()), 10, 0.1);
        assertThat(p.interference(0)).isCloseTo(0.5, within(EXACT));
        assertThat(p.interference(1)).isCloseTo(1.0, within(EXACT));
        assertThat(Math.exp(p.logValue(0, 0))).isCloseTo(10.0 / 1.5, within(EXACT));
        assertThat(Math.exp(p.logValue(0, 1))).isCloseTo(20.0 / 2, within(EXACT));
        assertThat(Math.exp(p.logValue(1, 0))).isCloseTo(40.0 / 1.5, within(EXACT));
        assertThat(Math.exp(p.logValue(1, 1))).isCloseTo(10.0 / 2, within(EXACT));
        assertThat(p.harm(0, 1, 0)).isCloseTo(0.5 / 1.5, within(EXACT));
        assertThat(p.harm(0, 0, 1)).isCloseTo(1.0 / 2, within(EXACT));
        assertThat(p.harm(1, 1, 0)).isCloseTo(0.0, within(EXACT));
        assertThat(p.harm(1, 0, 1)).isCloseTo(0.0, within(EXACT));
    }

    @Test
    void wealthIsTheValuesOfTheUsersApsMinusTheHarmsOfTheOthers() {
        LinkPriors p = LinkPriors.of(MrTable.of(twoByTwo()), 10, 0.1);
        Surrogate s = surrogate(p, 1.0);
        // AP 0 serves user 1, AP 1 serves user 0: W_0 = v[1][0] - h[0][1][0], W_1 = v[0][1] - h[1][0][1]
        double[] w = s.wealth(new int[] {1, 0});
        assertThat(w[0]).isCloseTo(40.0 / 1.5 - 0.5 / 1.5, within(EXACT));
        assertThat(w[1]).isCloseTo(10.0, within(EXACT));
        // an unassigned AP counts for nothing
        double[] partial = s.wealth(new int[] {-1, 0});
        assertThat(partial[0]).isCloseTo(40.0 / 1.5, within(EXACT));
        assertThat(partial[1]).isZero();
    }

    /** Every link a candidate, tau times the priors' harms. */
    private static Surrogate surrogate(LinkPriors p, double tau) {
        int m = p.nAp();
        int k = p.nUser();
        boolean[] all = new boolean[m * k];
        double[] logValue = new double[m * k];
        double[] harm = new double[m * k * k];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < k; b++) {
                all[a * k + b] = true;
                logValue[a * k + b] = p.logValue(a, b);
                for (int c = 0; c < k; c++) {
                    harm[(a * k + b) * k + c] = tau * p.harm(a, b, c);
                }
            }
        }
        return new Surrogate(m, k, all, logValue, harm);
    }

    @Test
    void coverThenWaterFillingOnAHandBuiltSurrogate() {
        // values (no harms): AP0 (10, 1), AP1 (9, 2), AP2 (8, 3). The bottleneck cover gives user 1 AP 2 (its
        // best, 3) and user 0 AP 0 (sum 13 beats 12 at the same bottleneck ln 3); AP 1 then goes to the poorer
        // user 1 (3 < 10); no move or swap raises min W = 5.
        double[][] v = {{10, 1}, {9, 2}, {8, 3}};
        boolean[] all = new boolean[6];
        double[] logValue = new double[6];
        for (int m = 0; m < 3; m++) {
            for (int k = 0; k < 2; k++) {
                all[m * 2 + k] = true;
                logValue[m * 2 + k] = Math.log(v[m][k]);
            }
        }
        Surrogate s = new Surrogate(3, 2, all, logValue, new double[12]);
        assertThat(MaxMinDecoder.WATER_FILLING.decode(s)).containsExactly(0, 1, 1);
        assertThat(MaxMinDecoder.MATCHING.decode(s)).containsExactly(0, 0, 1);
        assertThat(MaxMinDecoder.ARGMAX.decode(s)).containsExactly(0, 0, 0);

        // the decoder's counted work, which the emulator charges: a wealth term per candidate of an AP added
        Surrogate fresh = new Surrogate(3, 2, all, logValue, new double[12]);
        fresh.wealth(new int[] {0, 1, 1});
        assertThat(fresh.operations()).isEqualTo(3 * (1 + 2));
        long before = fresh.operations();
        MaxMinDecoder.WATER_FILLING.decode(fresh);
        // at least the cover's bound: M K = 6 cells x K = 2 x 3 bits of 6
        assertThat(fresh.operations() - before).isGreaterThanOrEqualTo(6 * 2 * 3);
    }

    @ParameterizedTest
    @EnumSource(value = MaxMinDecoder.class, names = {"WATER_FILLING", "NO_POLISH", "MATCHING"})
    void theDecoderServesEveryUserAndPolishNeverLowersTheSurrogate(MaxMinDecoder decoder) {
        SplittableRandom r = new SplittableRandom(7);
        for (int rep = 0; rep < 300; rep++) {
            int nUser = 1 + r.nextInt(6);
            int nAp = nUser + r.nextInt(10);
            boolean[] cand = new boolean[nAp * nUser];
            double[] logValue = new double[nAp * nUser];
            double[] harm = new double[nAp * nUser * nUser];
            for (int i = 0; i < cand.length; i++) {
                cand[i] = r.nextDouble() < 0.4; // sparse: some users may have no candidate AP at all
                logValue[i] = 3 * r.nextGaussian();
            }
            for (int i = 0; i < harm.length; i++) {
                harm[i] = r.nextDouble() * 5;
            }
            Surrogate s = new Surrogate(nAp, nUser, cand, logValue, harm);
            int[] a = decoder.decode(s);
            assertThat(AssignmentMethod.isFeasible(a, nUser)).as("rep %d", rep).isTrue();
            if (decoder == MaxMinDecoder.WATER_FILLING) {
                double polished = min(s.wealth(a));
                double filled = min(s.wealth(MaxMinDecoder.NO_POLISH.decode(s)));
                assertThat(polished).isGreaterThanOrEqualTo(filled - EXACT);
            }
        }
    }

    private static double min(double[] w) {
        double x = Double.POSITIVE_INFINITY;
        for (double v : w) {
            x = Math.min(x, v);
        }
        return x;
    }

    private static CloudSample sample(int nAp, int nUser, int nTx, long seed) {
        RadioModel radio = new RadioModel(nAp, nUser, nTx, 3, 2.3, 0.05, 10, 0.1, 0.1);
        Realization r = new ChannelModel(radio).draw(new Seed(seed));
        return new CloudSample(r.estimate(), radio.rho(), radio.mu());
    }

    @ParameterizedTest
    @EnumSource(GradientMethod.class)
    void theChainRuleFromCorrectionsToParametersMatchesFiniteDifferences(GradientMethod method) {
        for (String scorer : new String[] {MaxMinCloud.QUANTUM, MaxMinCloud.CLASSICAL}) {
            MaxMinCloud cloud = new MaxMinCloud(new MaxMinCloud.Design(scorer, 3, 2, 2, 4, 3, 1, 12,
                    MaxMinDecoder.WATER_FILLING, MaxMinCloud.Signal.MIN_RATE, 0.3, 2, 2_000_000), -10, method, Math.PI / 2);
            CloudSample s = sample(6, 4, 2, 3);
            double[] p = cloud.initialParameters(new Seed(4));
            double[][] y = cloud.corrections(s, p);
            SplittableRandom r = new SplittableRandom(5);
            double[][] dY = new double[y.length][y[0].length];
            for (double[] row : dY) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = r.nextGaussian();
                }
            }
            double[] grad = new double[p.length];
            cloud.pullBack(s, p, dY, grad);
            for (int i = 0; i < p.length; i += 7) {
                double[] up = p.clone();
                double[] dn = p.clone();
                up[i] += H;
                dn[i] -= H;
                double fd = (dot(dY, cloud.corrections(s, up)) - dot(dY, cloud.corrections(s, dn))) / (2 * H);
                assertThat(grad[i]).as("%s parameter %d", scorer, i).isCloseTo(fd, within(FD * Math.max(1, Math.abs(fd))));
            }
        }
    }

    private static double dot(double[][] a, double[][] b) {
        double s = 0;
        for (int c = 0; c < a.length; c++) {
            for (int i = 0; i < a[c].length; i++) {
                s += a[c][i] * b[c][i];
            }
        }
        return s;
    }

    @Test
    void poolingAveragesOverTheLinksOfTheApAndOfTheUser() {
        boolean[] mask = {true, true, false, true}; // links (0,0), (0,1), (1,1)
        LinkSet l = LinkSet.of(2, 2, mask);
        double[][] z = l.pool(new double[][] {{1}, {3}, {5}});
        assertThat(z[0]).containsExactly(1, 2, 1);   // AP 0 mean (1+3)/2, user 0 mean 1
        assertThat(z[1]).containsExactly(3, 2, 4);   // user 1 mean (3+5)/2
        assertThat(z[2]).containsExactly(5, 5, 4);
        for (LinkScorer scorer : new LinkScorer[] {new LinkNetwork(2, 1, 1, 1, GradientMethod.ADJOINT, Math.PI / 2),
            new LinkMlp(3, 1)}) {
            assertThat(scorer.pass().forward(l, new double[][] {{1}, {3}, {5}}, new double[scorer.parameterCount()], 0))
                    .hasNumberOfRows(3);
        }
    }

    @Test
    void trainingOnTheMinRateLowersTheLossAndBeatsTheUntrainedCloud() {
        RadioModel radio = RadioModel.paper();
        MaxMinCloud cloud = new MaxMinCloud(design(MaxMinCloud.QUANTUM, MaxMinDecoder.WATER_FILLING,
                MaxMinCloud.Signal.MIN_RATE, 4), -10, GradientMethod.ADJOINT, Math.PI / 2);
        var settings = new org.cfqnn.qnn.train.TrainingSettings("adam", 0.002, 200, 4, GradientMethod.ADJOINT,
                Math.PI / 2, 0.1, 0.1, 4, 0, 0);
        double[] p = cloud.initialParameters(new Seed(11));
        double[] initial = p.clone();
        var curve = new org.cfqnn.qnn.train.CloudTrainer(cloud, radio, settings, new Seed(11))
                .train(p, org.cfqnn.report.Progress.start("t", 1, false));
        double[] epochs = curve.perEpoch();
        assertThat(epochs[epochs.length - 1]).isLessThan(epochs[0]); // loss = -min rate of the decoded assignment
        assertThat(meanMinRate(cloud, p, radio)).isGreaterThan(meanMinRate(cloud, initial, radio));
    }

    private static double meanMinRate(MaxMinCloud cloud, double[] p, RadioModel radio) {
        CloudWorker w = cloud.worker();
        ChannelModel cm = new ChannelModel(radio);
        double sum = 0;
        int trials = 200;
        for (int t = 0; t < trials; t++) {
            Realization r = cm.draw(new Seed(404).split("eval", t));
            int[] a = w.assign(new CloudSample(r.estimate(), radio.rho(), radio.mu()), p);
            sum += MrTable.of(r.truth(), r.estimate()).rates(a, radio.rho(), radio.mu()).minRate();
        }
        return sum / trials;
    }

    @Test
    void aCloudTrainedOnSmallNetworksDecodesLargeOnesAndThePaperCloudRefusesNamingBothSizes() {
        MaxMinCloud cloud = new MaxMinCloud(design(MaxMinCloud.QUANTUM, MaxMinDecoder.WATER_FILLING,
                MaxMinCloud.Signal.MIN_RATE, 2), -10, GradientMethod.ADJOINT, Math.PI / 2);
        var training = new org.cfqnn.qnn.train.TrainingSettings("adam", 0.002, 8, 1, GradientMethod.ADJOINT, Math.PI / 2,
                0.1, 0.1, 4, 4, 3);
        var edge = new org.cfqnn.qnn.edge.AmplitudeEdge(2, GradientMethod.ADJOINT, Math.PI / 2);
        var edgeTraining = new org.cfqnn.qnn.train.TrainingSettings("adam", 0.05, 4, 1, GradientMethod.ADJOINT,
                Math.PI / 2, 0.1, 0.1);
        TrainedQnn small = org.cfqnn.qnn.train.SystemTrainer.train(RadioModel.paper(), cloud, training, "direct", 8,
                edge, edgeTraining, 3, org.cfqnn.progress.ProgressListener.Factory.NONE).qnn();
        TrainedQnn back = ModelFiles.fromBundle(ModelFiles.bundle(small));
        assertThat(back.cloudTraining()).isEqualTo(training);
        TrainedQnn large = back.resized(12, 5, 2, "--model");
        assertThat(large.edgeParams()).hasNumberOfRows(12);
        assertThat(large.edgeParams()[9]).containsExactly(small.edgeParams()[1]); // AP 9 takes edge 9 mod 4
        Deployment d = new Deployment(large);
        for (int t = 0; t < 5; t++) {
            CloudSample s = sample(12, 5, 2, 20 + t);
            int[] a = d.assign(s.estimate(), s.rho(), s.mu(), null);
            assertThat(a).hasSize(12);
            assertThat(AssignmentMethod.isFeasible(a, 5)).isTrue();
        }
        TrainedQnn paper = org.cfqnn.qnn.train.SystemTrainer.initial(RadioModel.paper(),
                new org.cfqnn.qnn.cloud.PaperCloud(4, 3, 2, -10, Math.PI / 2), edgeTraining, "direct", 8, edge,
                edgeTraining, 3);
        assertThatThrownBy(() -> paper.resized(12, 5, 2, "--model"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("M=4 K=3 N=2").hasMessageContaining("M=12 K=5 N=2").hasMessageContaining("--model");
        assertThatThrownBy(() -> small.resized(12, 5, 4, "--model"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("M=12 K=5 N=4");
    }
}
