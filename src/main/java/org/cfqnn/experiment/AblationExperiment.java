package org.cfqnn.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cfqnn.baseline.AssignmentMethod;
import org.cfqnn.baseline.Baselines;
import org.cfqnn.baseline.GreedyMaxMin;
import org.cfqnn.baseline.OptimumBaseline;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.qnn.cloud.CharitablePaperCloud;
import org.cfqnn.qnn.cloud.CloudModel;
import org.cfqnn.qnn.cloud.GraphCloud;
import org.cfqnn.qnn.cloud.MaxMinCloud;
import org.cfqnn.qnn.cloud.MaxMinDecoder;
import org.cfqnn.qnn.cloud.PaperCloud;
import org.cfqnn.qnn.cloud.Teacher;
import org.cfqnn.qnn.train.CloudTrainer;
import org.cfqnn.qnn.train.TrainingSettings;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.report.Progress;
import org.cfqnn.rng.Seed;
import org.cfqnn.scenario.CloudSettings;
import org.cfqnn.scenario.ScenarioSettings;

/**
 * What each part of the max-min cloud QNN contributes, on held-out channels: the scenario's max-min cloud
 * (trained as {@code cfqnn train} trains it) against itself untrained, with its circuits switched off (the
 * decoder on the channel priors alone), trained by imitating greedy max-min or the exhaustive optimum,
 * with shorter decoders, with two message-passing rounds, with a classical scorer of the same inputs,
 * today's graph QNN, the paper's cloud where it fits, and the classical methods. Every cloud is trained
 * from the scenario's seed on its own training streams; evaluation uses {@code compare}'s trial streams
 * of another seed, with MR precoders, so the table measures assignments only.
 */
public final class AblationExperiment {

    /** Every variant, in table order; the classical methods follow. */
    public static final List<String> VARIANTS = List.of("maxmin", "maxmin-untrained", "maxmin-priors",
            "maxmin-imitate-greedy", "maxmin-imitate-optimum", "maxmin-no-polish", "maxmin-matching", "maxmin-argmax",
            "maxmin-rounds-2", "maxmin-classical", "graph", "paper", "paper-charitable");

    /** Largest paper-ansatz register the ablation trains (the literal circuit has layers x M qubits). */
    private static final int PAPER_QUBITS = 16;

    /** One trained variant and what it costs. */
    public record Variant(String name, AssignmentMethod method, double trainSeconds, long circuitsCharged, int qubits,
                          String trainedOn) {
    }

    public record Result(List<Variant> variants, CompareExperiment.Result compare) {
    }

    private final ScenarioSettings settings;
    private final Seed seed;

    public AblationExperiment(ScenarioSettings settings) {
        this.settings = settings;
        this.seed = new Seed(settings.seed());
    }

    /** The reference of the ratios: the exhaustive optimum where it fits, else greedy max-min. */
    public AssignmentMethod reference() {
        RadioModel r = settings.radio();
        return OptimumBaseline.candidates(r.nAp(), r.nUser()) <= settings.optimumLimit()
                ? new OptimumBaseline(settings.optimumLimit()) : new GreedyMaxMin();
    }

    /** Trains the named variants (an unknown name is an error naming it) and evaluates them with the classical methods. */
    public Result run(List<String> names, int trials, long evalSeed, Progress progress) {
        List<Variant> variants = new ArrayList<>();
        Map<String, double[]> trained = new LinkedHashMap<>();
        for (String name : names) {
            Variant v = variant(name, trained);
            if (v != null) {
                variants.add(v);
            }
        }
        AssignmentMethod ref = reference();
        List<AssignmentMethod> methods = new ArrayList<>();
        variants.forEach(v -> methods.add(v.method()));
        for (String b : Baselines.NAMES) {
            if (!b.equals(ref.name()) && !b.equals(OptimumBaseline.NAME)) {
                methods.add(Baselines.byName(b, settings.optimumLimit()));
            }
        }
        CompareExperiment.Result r = new CompareExperiment(settings.radio(), new Seed(evalSeed), methods, ref)
                .run(trials, progress);
        return new Result(variants, r);
    }

    /** Null when the variant does not apply to this network (the paper ansatz on a large one). */
    private Variant variant(String name, Map<String, double[]> trained) {
        CloudSettings c = settings.cloud();
        MaxMinCloud.Design d = c.maxmin();
        TrainingSettings t = c.training();
        return switch (name) {
            case "maxmin" -> train(name, maxmin(d), t, trained);
            case "maxmin-untrained" -> fixed(name, maxmin(d), maxmin(d).initialParameters(seed.split("cloud-init")));
            case "maxmin-priors" -> fixed(name, maxmin(d), maxmin(d).priorsOnly(params("maxmin", maxmin(d), t, trained)));
            case "maxmin-imitate-greedy" -> train(name, maxmin(signal(d, MaxMinCloud.Signal.IMITATE_GREEDY)), t, trained);
            case "maxmin-imitate-optimum" -> train(name, maxmin(signal(d, MaxMinCloud.Signal.IMITATE_OPTIMUM)),
                    optimumNetwork(t), trained);
            case "maxmin-no-polish" -> fixed(name, maxmin(decoder(d, MaxMinDecoder.NO_POLISH)),
                    params("maxmin", maxmin(d), t, trained));
            case "maxmin-matching" -> fixed(name, maxmin(decoder(d, MaxMinDecoder.MATCHING)),
                    params("maxmin", maxmin(d), t, trained));
            case "maxmin-argmax" -> fixed(name, maxmin(decoder(d, MaxMinDecoder.ARGMAX)),
                    params("maxmin", maxmin(d), t, trained));
            case "maxmin-rounds-2" -> train(name, maxmin(new MaxMinCloud.Design(d.scorer(), d.qubits(), d.layers(), 2,
                    d.hidden(), d.perAp(), d.perUser(), d.tau(), d.decoder(), d.signal(), d.sigma(), d.pairs(),
                    d.teacherLimit())), t, trained);
            case "maxmin-classical" -> train(name, maxmin(new MaxMinCloud.Design(MaxMinCloud.CLASSICAL, d.qubits(),
                    d.layers(), d.rounds(), d.hidden(), d.perAp(), d.perUser(), d.tau(), d.decoder(), d.signal(),
                    d.sigma(), d.pairs(), d.teacherLimit())), t, trained);
            case "graph" -> train(name, new GraphCloud(4, 2, 2, GraphCloud.IMITATION, new Teacher(0.1, 100_000),
                    c.rPenalty(), org.cfqnn.qnn.GradientMethod.ADJOINT, Math.PI / 2), graphTraining(t), trained);
            case "paper" -> paper(trained);
            case "paper-charitable" -> paperCharitable(trained);
            default -> throw new InvalidInputException("--variants", name, "must be among " + String.join(", ", VARIANTS));
        };
    }

    private MaxMinCloud maxmin(MaxMinCloud.Design d) {
        TrainingSettings t = settings.cloud().training();
        return new MaxMinCloud(d, settings.cloud().rPenalty(), t.gradient(), t.shift());
    }

    private static MaxMinCloud.Design signal(MaxMinCloud.Design d, MaxMinCloud.Signal s) {
        return new MaxMinCloud.Design(d.scorer(), d.qubits(), d.layers(), d.rounds(), d.hidden(), d.perAp(), d.perUser(),
                d.tau(), d.decoder(), s, d.sigma(), d.pairs(), d.teacherLimit());
    }

    private static MaxMinCloud.Design decoder(MaxMinCloud.Design d, MaxMinDecoder x) {
        return new MaxMinCloud.Design(d.scorer(), d.qubits(), d.layers(), d.rounds(), d.hidden(), d.perAp(), d.perUser(),
                d.tau(), x, d.signal(), d.sigma(), d.pairs(), d.teacherLimit());
    }

    /** The optimum teacher needs K^M within the limit: the scenario's training network if so, else 8 APs x min(K, 3) users. */
    private TrainingSettings optimumNetwork(TrainingSettings t) {
        RadioModel on = t.trainingRadio(settings.radio());
        if (OptimumBaseline.candidates(on.nAp(), on.nUser()) <= settings.optimumLimit()) {
            return t;
        }
        return withNetwork(t, 8, Math.min(3, on.nUser()));
    }

    /** Today's graph QNN as dense.conf trains it (greedy labels beyond its teacher limit), on the training network. */
    private static TrainingSettings graphTraining(TrainingSettings t) {
        return new TrainingSettings("adam", 0.01, 200, 10, org.cfqnn.qnn.GradientMethod.ADJOINT, Math.PI / 2, 0.0, 0.5, 1,
                t.trainAps(), t.trainUsers());
    }

    private static TrainingSettings withNetwork(TrainingSettings t, int nAp, int nUser) {
        return new TrainingSettings(t.optimizer(), t.learningRate(), t.nData(), t.nEpoch(), t.gradient(), t.shift(),
                t.muLow(), t.muHigh(), t.batch(), nAp, nUser);
    }

    /** The paper's literal cloud with Table III's training, where its register is small enough. */
    private Variant paper(Map<String, double[]> trained) {
        RadioModel r = settings.radio();
        int layers = settings.cloud().paperLayers();
        if (PaperCloud.qubits(r.nAp(), layers) > PAPER_QUBITS) {
            return null;
        }
        PaperCloud cloud = new PaperCloud(r.nAp(), r.nUser(), layers, settings.cloud().rPenalty(), Math.PI / 2);
        return train("paper", cloud, new TrainingSettings("sgd", 0.01, 100, 100,
                org.cfqnn.qnn.GradientMethod.PARAMETER_SHIFT, Math.PI / 2, r.mu(), r.mu()), trained);
    }

    /** The paper's cloud read charitably ({@link CharitablePaperCloud}), trained on the optimum's assignments at the scenario's mu. */
    private Variant paperCharitable(Map<String, double[]> trained) {
        RadioModel r = settings.radio();
        int layers = settings.cloud().paperLayers();
        if (PaperCloud.qubits(r.nAp(), layers) > PAPER_QUBITS
                || OptimumBaseline.candidates(r.nAp(), r.nUser()) > settings.optimumLimit()) {
            return null;
        }
        TrainingSettings t = CharitablePaperCloud.TRAINING;
        return train("paper-charitable", new CharitablePaperCloud(r.nAp(), r.nUser(), layers, settings.optimumLimit()),
                new TrainingSettings(t.optimizer(), t.learningRate(), t.nData(), t.nEpoch(), t.gradient(), t.shift(),
                        r.mu(), r.mu()), trained);
    }

    private double[] params(String name, CloudModel cloud, TrainingSettings t, Map<String, double[]> trained) {
        if (!trained.containsKey(name)) {
            train(name, cloud, t, trained);
        }
        return trained.get(name);
    }

    private Variant train(String name, CloudModel cloud, TrainingSettings t, Map<String, double[]> trained) {
        double[] p = cloud.initialParameters(seed.split("cloud-init"));
        long t0 = System.nanoTime();
        new CloudTrainer(cloud, settings.radio(), t, seed).train(p, Progress.start(name, t.iterations(), false));
        double seconds = (System.nanoTime() - t0) / 1e9;
        trained.put(name, p);
        return variant(name, cloud, p, seconds, t);
    }

    private Variant fixed(String name, CloudModel cloud, double[] params) {
        return variant(name, cloud, params, 0, null);
    }

    private Variant variant(String name, CloudModel cloud, double[] p, double seconds, TrainingSettings t) {
        RadioModel r = settings.radio();
        String on = t == null ? "-" : t.transfers() ? t.trainAps() + "x" + t.trainUsers() : r.nAp() + "x" + r.nUser();
        return new Variant(name, new CloudAssignment(name, cloud, p, false, 1), seconds,
                cloud.circuitsPerInference(r.nAp(), r.nUser()), cloud.qubits(), on);
    }
}
