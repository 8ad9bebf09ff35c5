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
import org.cfqnn.baseline.Baselines;
import org.cfqnn.progress.ProgressListener;
import org.cfqnn.radio.Layout;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.radio.RateReport;
import org.cfqnn.radio.Realization;
import org.cfqnn.rng.Seed;

/**
 * Monte-Carlo comparison of assignment methods with MR precoders: every method sees the same fresh
 * channel per trial ({@code seed/trial/t}), decides on the estimate, and is scored on the truth
 * against a reference method (normally the optimum). Each trial drops a new layout, or every trial keeps
 * the run's one layout ({@link Layouts#FIXED}), as the emulator does: trial t is then the emulator's
 * deployment step t, decided and scored by the same code ({@link Baselines}, {@link Outcome#maxRatio}).
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
    private final Layouts layouts;

    /** Where APs and users are: dropped anew for every trial, or once for the whole run. */
    public enum Layouts {
        RANDOM("random"), FIXED("fixed");

        private final String label;

        Layouts(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** {@code methods} are compared against {@code reference}, which is scored too; a new layout every trial. */
    public CompareExperiment(RadioModel model, Seed seed, List<AssignmentMethod> methods, AssignmentMethod reference) {
        this(model, seed, methods, reference, Layouts.RANDOM);
    }

    public CompareExperiment(RadioModel model, Seed seed, List<AssignmentMethod> methods, AssignmentMethod reference,
                             Layouts layouts) {
        this.model = model;
        this.seed = seed;
        this.methods = List.copyOf(methods);
        this.reference = reference;
        this.layouts = layouts;
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
        return ChannelModel.trial(run, trial);
    }

    public Result run(int trials, ProgressListener progress) {
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
        Layout fixed = layouts == Layouts.FIXED ? channels.fixedLayout(seed) : null;
        for (int t = 0; t < trials; t++) {
            Seed trialSeed = trialSeed(seed, t);
            Realization r = fixed == null ? channels.draw(trialSeed) : channels.draw(trialSeed, fixed);
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
                    a = m.assign(problem, Baselines.decisionRandom(trialSeed, m.name()));
                }
                double ms = (System.nanoTime() - start) / 1e6;
                RateReport rates = Outcome.maxRatio(r.truth(), r.estimate(), a, model.rho(), model.mu()).rates();
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
