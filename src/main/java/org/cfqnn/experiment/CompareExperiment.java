package org.cfqnn.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cfqnn.baseline.AssignmentMethod;
import org.cfqnn.baseline.AssignmentProblem;
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
 * against a reference method (normally the exhaustive optimum). Each trial drops a new layout, or every
 * trial keeps the run's one layout ({@link Layouts#FIXED}), as the emulator does: trial t is then the
 * emulator's deployment step t, decided and scored by the same code ({@link Baselines},
 * {@link Outcome#maxRatio}).
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

    /** Per-method, per-trial results. */
    public record Result(String reference, Map<String, Series> series, int trials) {
    }

    /** One method's results over the trials. */
    public record Series(double[] minRate, double[] sumRate, int[] unserved, double[] ratioToReference) {
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
            out.put(m.name(), new Series(new double[trials], new double[trials], new int[trials], new double[trials]));
        }
        ChannelModel channels = new ChannelModel(model);
        Layout fixed = layouts == Layouts.FIXED ? channels.fixedLayout(seed) : null;
        for (int t = 0; t < trials; t++) {
            Seed trialSeed = trialSeed(seed, t);
            Realization r = fixed == null ? channels.draw(trialSeed) : channels.draw(trialSeed, fixed);
            AssignmentProblem problem = AssignmentProblem.of(r.estimate(), model.rho(), model.mu());
            double referenceMin = Double.NaN;
            for (AssignmentMethod m : all) {
                int[] a = m.assign(problem, Baselines.decisionRandom(trialSeed, m.name()));
                RateReport rates = Outcome.maxRatio(r.truth(), r.estimate(), a, model.rho(), model.mu()).rates();
                if (m == reference) {
                    referenceMin = rates.minRate();
                }
                Series s = out.get(m.name());
                s.minRate[t] = rates.minRate();
                s.sumRate[t] = rates.sumRate();
                s.unserved[t] = rates.unserved();
                s.ratioToReference[t] = rates.minRate() / referenceMin;
            }
            progress.step();
        }
        return new Result(reference.name(), out, trials);
    }
}
