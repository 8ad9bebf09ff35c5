package org.cfqnn.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cfqnn.baseline.AssignmentMethod;
import org.cfqnn.baseline.AssignmentProblem;
import org.cfqnn.radio.ChannelModel;
import org.cfqnn.radio.MrTable;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.radio.RateReport;
import org.cfqnn.radio.Realization;
import org.cfqnn.report.Progress;
import org.cfqnn.rng.Seed;

/**
 * Monte-Carlo comparison of assignment methods with MR precoders: every method sees the same fresh
 * channel per trial ({@code seed/trial/t}), decides on the estimate, and is scored on the truth
 * against a reference method (normally the exhaustive optimum).
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

    /** Per-method, per-trial results. */
    public record Result(String reference, Map<String, Series> series, int trials) {
    }

    /** One method's results over the trials. */
    public record Series(double[] minRate, double[] sumRate, int[] unserved, double[] ratioToReference) {
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
            out.put(m.name(), new Series(new double[trials], new double[trials], new int[trials], new double[trials]));
        }
        ChannelModel channels = new ChannelModel(model);
        for (int t = 0; t < trials; t++) {
            Seed trialSeed = trialSeed(seed, t);
            Realization r = channels.draw(trialSeed);
            AssignmentProblem problem = AssignmentProblem.of(r.estimate(), model.rho(), model.mu());
            MrTable onTruth = MrTable.of(r.truth(), r.estimate());
            double referenceMin = Double.NaN;
            for (AssignmentMethod m : all) {
                int[] a = m.assign(problem, trialSeed.split("method", m.name().hashCode()).random());
                RateReport rates = onTruth.rates(a, model.rho(), model.mu());
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
