package org.cfqnn.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cfqnn.baseline.AssignmentMethod;
import org.cfqnn.baseline.AssignmentProblem;
import org.cfqnn.baseline.Baselines;
import org.cfqnn.baseline.OptimumBaseline;
import org.cfqnn.baseline.OptimumSolution;
import org.cfqnn.experiment.Outcome;
import org.cfqnn.experiment.PrecoderQuality;
import org.cfqnn.qnn.Deployment;
import org.cfqnn.qnn.ModelFiles;
import org.cfqnn.qnn.TrainedQnn;
import org.cfqnn.radio.Precoders;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.io.Snapshot;
import org.cfqnn.io.SnapshotJson;
import org.cfqnn.rng.Seed;
import org.cfqnn.scenario.BaselineSettings;
import org.cfqnn.scenario.Defaults;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cfqnn evaluate}: rates of an assignment (given, or chosen by a method) on a snapshot. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluate an assignment on a channel snapshot and print one JSON object:",
                "{\"assignment\":[...],\"precoders\":[[[re,im],...]...],\"rates\":[...],\"minRate\":x,\"sumRate\":y,\"unserved\":n}",
                "Decisions use the estimate (hHat, or h when absent); rates are measured on h.",
                "--method optimum adds \"estimateMinRate\" (its min rate on the estimate, the",
                "problem it solves; equal to \"minRate\" without hHat), \"bound\" (a proven upper",
                "bound on every assignment's min rate on the estimate), \"gap\" ((bound -",
                "estimateMinRate) / bound, 0 when proven optimal) and \"proven\". Up to",
                "baselines.optimum-limit assignments K^M it enumerates them (always proven);",
                "beyond, CP-SAT searches within the time limit."})
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--channel", required = true, paramLabel = "FILE", description = "Channel snapshot JSON.")
    Path channel;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice;

    static final class Choice {
        @Option(names = "--assignment", paramLabel = "a0,a1,...", split = ",",
                description = "User served by each AP, 0-based, one entry per AP.")
        String[] assignment;

        @Option(names = "--method", paramLabel = "NAME",
                description = "optimum, search, greedy-maxmin, random (MR precoders) or qnn (needs --model).")
        String method;
    }

    @Option(names = "--model", paramLabel = "DIR", description = "Trained models (cfqnn train) for --method qnn.")
    Path model;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for the random method (default: cfqnn.seed).")
    Long seed;

    @Option(names = "--optimum-time-limit", paramLabel = "SECONDS",
            description = "Time the CP-SAT optimum may take (default: baselines.optimum-time-limit).")
    Double optimumTimeLimit;

    @Override
    public Integer call() {
        if ("qnn".equals(choice.method)) {
            return evaluateQnn();
        }
        if (model != null) {
            throw new InvalidInputException("--model", model, "is only used with --method qnn");
        }
        AssignmentMethod method = choice.method == null ? null : method(choice.method); // fail before reading
        Snapshot s = SnapshotJson.read(channel);
        if (method instanceof OptimumBaseline opt) {
            try {
                opt.checkSize(s.nAp(), s.nUser());
            } catch (InvalidInputException e) {
                throw new InvalidInputException("--method", "optimum", e.value() + ": " + e.allowed());
            }
            OptimumSolution proof = opt.solve(AssignmentProblem.of(s.estimate(), s.rho(), s.mu()));
            var json = Outcome.maxRatio(s.truth(), s.estimate(), proof.assignment(), s.rho(), s.mu()).toJson();
            json.put("estimateMinRate", proof.minRate());
            json.put("bound", proof.bound());
            json.put("gap", proof.gap());
            json.put("proven", proof.proven());
            spec.commandLine().getOut().println(json.toString());
            return 0;
        }
        int[] a = method == null
                ? parseAssignment(choice.assignment, s.nAp(), s.nUser())
                : method.assign(AssignmentProblem.of(s.estimate(), s.rho(), s.mu()), random());
        Outcome outcome = Outcome.maxRatio(s.truth(), s.estimate(), a, s.rho(), s.mu());
        spec.commandLine().getOut().println(outcome.toJson().toString());
        return 0;
    }

    /**
     * Assign with the trained cloud QNN (its own decoding), precode with the edge QNNs. A model trained for
     * another network size is resized ({@link TrainedQnn#resized}) or refused naming both sizes.
     */
    private Integer evaluateQnn() {
        if (model == null) {
            throw new InvalidInputException("--model", null, "missing; --method qnn needs the directory cfqnn train wrote");
        }
        Snapshot s = SnapshotJson.read(channel);
        // a size-free cloud trained on another network size decodes this one (transfer)
        TrainedQnn qnn = ModelFiles.read(model).resized(s.nAp(), s.nUser(), s.nTx(), "--model");
        Deployment d = new Deployment(qnn);
        int[] a = d.assign(s.estimate(), s.rho(), s.mu(), random());
        Precoders v = d.precode(s.estimate(), a);
        Outcome outcome = Outcome.of(s.truth(), a, v, s.rho(), s.mu())
                .withPrecoderQuality(PrecoderQuality.of(s.truth(), s.estimate(), a, v, s.rho(), s.mu()));
        spec.commandLine().getOut().println(outcome.toJson().toString());
        return 0;
    }

    private AssignmentMethod method(String name) {
        BaselineSettings b = CompareCommand.baselineSettings(optimumTimeLimit);
        try {
            return Baselines.byName(name, b.optimumLimit(), b.optimumTimeLimit());
        } catch (InvalidInputException e) {
            throw new InvalidInputException("--method", name, e.allowed() + ", qnn");
        }
    }

    private java.util.random.RandomGenerator random() {
        long runSeed = seed != null ? seed : Defaults.cfqnn().getLong("seed");
        return new Seed(runSeed).split("evaluate", 0).random();
    }

    static int[] parseAssignment(String[] parts, int nAp, int nUser) {
        if (parts.length != nAp) {
            throw new InvalidInputException("--assignment", String.join(",", parts),
                    "expected " + nAp + " entries (one user index per AP), got " + parts.length);
        }
        int[] a = new int[nAp];
        for (int m = 0; m < nAp; m++) {
            try {
                a[m] = Integer.parseInt(parts[m].trim());
            } catch (NumberFormatException e) {
                a[m] = -1;
            }
            if (a[m] < 0 || a[m] >= nUser) {
                throw new InvalidInputException("--assignment[" + m + "]", parts[m],
                        "must be a user index in [0, " + (nUser - 1) + "]");
            }
        }
        return a;
    }
}
