package org.cfqnn.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cfqnn.baseline.AssignmentMethod;
import org.cfqnn.baseline.AssignmentProblem;
import org.cfqnn.baseline.OptimumBaseline;
import org.cfqnn.baseline.OptimumSolution;
import org.cfqnn.radio.ChannelModel;
import org.cfqnn.radio.MrRows;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.radio.RateReport;
import org.cfqnn.radio.Realization;
import org.cfqnn.report.Progress;
import org.cfqnn.rng.Seed;

/**
 * Monte-Carlo comparison of assignment methods with MR precoders: every method sees the same fresh
 * channel per trial ({@code seed/trial/t}), decides on the estimate, and is scored on the truth
 * against a reference method (normally the optimum).
 *
 * <p>Each decision is timed from a fresh problem, so a method pays for the couplings it computes, as
 * it would deciding alone. When the reference is the optimum, its proven upper bound on the min rate
 * (on the estimate, the problem the methods solve) is kept per trial, and every method's min rate on
 * the estimate is also given as a ratio to that bound.
 */
public final class CompareExperiment {

    private final RadioModel model;
    private final Seed seed;
    private final List<AssignmentMethod> methods;
    private final AssignmentMethod reference;

    /** {@code methods} are compared against {@code reference}, which is scored too. */
    public CompareExperiment(RadioModel model, Seed seed, List<AssignmentMethod> methods, AssignmentMethod reference) {
        this.model = model;
        this.seed = seed;
        this.methods = List.copyOf(methods);
        this.reference = reference;
    }

    /**
     * Per-method, per-trial results; {@code certificates} is null unless the reference is the optimum.
     */
    public record Result(String reference, Map<String, Series> series, int trials, Certificates certificates) {
    }

    /**
     * One method's results over the trials: on the truth, but {@code ratioToBound} (min rate on the
     * estimate over the optimum's bound; NaN without one); {@code decisionMs} is the wall time of the
     * decision.
     */
    public record Series(double[] minRate, double[] sumRate, int[] unserved, double[] ratioToReference,
                         double[] ratioToBound, double[] decisionMs) {

        static Series of(int trials) {
            return new Series(new double[trials], new double[trials], new int[trials], new double[trials],
                    new double[trials], new double[trials]);
        }
    }

    /** The optimum's proof per trial: bound on the min rate (estimate), relative gap, proven or not. */
    public record Certificates(double[] bound, double[] gap, boolean[] proven) {

        public int provenCount() {
            int n = 0;
            for (boolean p : proven) {
                n += p ? 1 : 0;
            }
            return n;
        }
    }

    /** The realization of trial t: shared by every method and by {@code cfqnn channel} (t = 0). */
    public static Seed trialSeed(Seed run, int trial) {
        return run.split("trial", trial);
    }

    public Result run(int trials, Progress progress) {
        List<AssignmentMethod> all = new ArrayList<>();
        all.add(reference);
        all.addAll(methods);
        Map<String, Series> out = new LinkedHashMap<>();
        for (AssignmentMethod m : all) {
            out.put(m.name(), Series.of(trials));
        }
        Certificates certificates = reference instanceof OptimumBaseline
                ? new Certificates(new double[trials], new double[trials], new boolean[trials]) : null;
        ChannelModel channels = new ChannelModel(model);
        for (int t = 0; t < trials; t++) {
            Seed trialSeed = trialSeed(seed, t);
            Realization r = channels.draw(trialSeed);
            MrRows onTruth = MrRows.of(r.truth(), r.estimate());
            double referenceMin = Double.NaN;
            double bound = Double.NaN;
            for (AssignmentMethod m : all) {
                long start = System.nanoTime();
                AssignmentProblem problem = AssignmentProblem.of(r.estimate(), model.rho(), model.mu());
                int[] a;
                if (m == reference && certificates != null) {
                    OptimumSolution proof = ((OptimumBaseline) m).solve(problem);
                    a = proof.assignment();
                    bound = proof.bound();
                    certificates.bound[t] = proof.bound();
                    certificates.gap[t] = proof.gap();
                    certificates.proven[t] = proof.proven();
                } else {
                    a = m.assign(problem, trialSeed.split("method", m.name().hashCode()).random());
                }
                double ms = (System.nanoTime() - start) / 1e6;
                RateReport rates = onTruth.rates(a, model.rho(), model.mu());
                if (m == reference) {
                    referenceMin = rates.minRate();
                }
                Series s = out.get(m.name());
                s.minRate[t] = rates.minRate();
                s.sumRate[t] = rates.sumRate();
                s.unserved[t] = rates.unserved();
                s.ratioToReference[t] = rates.minRate() / referenceMin;
                s.ratioToBound[t] = problem.rows().rates(a, model.rho(), model.mu()).minRate() / bound;
                s.decisionMs[t] = ms;
            }
            progress.step();
        }
        return new Result(reference.name(), out, trials, certificates);
    }
}
