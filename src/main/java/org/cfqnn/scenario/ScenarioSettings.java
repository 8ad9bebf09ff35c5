package org.cfqnn.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.qnn.GradientMethod;
import org.cfqnn.qnn.cloud.CharitablePaperCloud;
import org.cfqnn.qnn.cloud.GraphCloud;
import org.cfqnn.qnn.cloud.MaxMinCloud;
import org.cfqnn.qnn.cloud.MaxMinDecoder;
import org.cfqnn.qnn.cloud.PaperCloud;
import org.cfqnn.qnn.edge.AmplitudeEdge;
import org.cfqnn.qnn.edge.PaperEdge;
import org.cfqnn.qnn.train.TrainingSettings;
import org.cfqnn.quantum.Simulator;
import org.cfqnn.radio.RadioModel;

/**
 * Every setting of a run, read once from the merged configuration and validated completely before
 * anything starts: each error names the full key, the value and what is allowed.
 */
public record ScenarioSettings(long seed, RadioModel radio, long optimumLimit, QuantumSettings quantum,
                               CloudSettings cloud, EdgeSettings edge, List<QnnSystem> systems,
                               EmulatorSettings emulator, ClusterSettings cluster, Config source) {

    /**
     * A QNN system the emulator runs its QNN protocols with: the scenario's own cloud and edge blocks
     * (first), then every entry of {@code emulator.qnn-variants}. Named {@code <cloud ansatz>/<edge ansatz>}
     * unless the variant names itself.
     */
    public record QnnSystem(String name, CloudSettings cloud, EdgeSettings edge) {
    }

    /** Shots per expectation of every decision's circuits (0 = exact values). */
    public int shots() {
        return quantum.shots();
    }

    /** The configuration these settings were read from, as text: what cluster nodes receive and read back. */
    public String sourceText() {
        return source.root().render(com.typesafe.config.ConfigRenderOptions.concise());
    }

    public static ScenarioSettings of(Config cfqnn) {
        Settings root = new Settings(cfqnn, "");
        long seed = root.getLong("seed");
        RadioModel radio = RadioSettings.read(root.block("radio"));
        long optimumLimit = BaselineSettings.read(root.block("baselines")).optimumLimit(); // validates both keys
        QuantumSettings quantum = QuantumSettings.read(root.block("quantum"));
        CloudSettings cloud = cloud(root.block("cloud"), radio, optimumLimit);
        EdgeSettings edge = edge(root.block("edge"), radio);
        EmulatorSettings emulator = EmulatorSettings.read(root.block("emulator"), radio, optimumLimit);
        ClusterSettings cluster = ClusterSettings.read(root.block("cluster"), radio);
        List<QnnSystem> systems = systems(cfqnn, root, radio, cloud, edge, emulator);
        ScenarioSettings s = new ScenarioSettings(seed, radio, optimumLimit, quantum, cloud, edge, systems, emulator,
                cluster, cfqnn);
        if (emulator.anyQnn()) {
            for (QnnSystem q : systems) {
                s.withSystem(q).requireQnnFits();
            }
        }
        return s;
    }

    /** The same scenario with another seed (a replication), in its settings and its configuration text. */
    public ScenarioSettings withSeed(long newSeed) {
        return new ScenarioSettings(newSeed, radio, optimumLimit, quantum, cloud, edge, systems, emulator, cluster,
                source.withValue("seed", com.typesafe.config.ConfigValueFactory.fromAnyRef(newSeed)));
    }

    /** The same scenario with {@code q}'s cloud and edge settings as its own. */
    public ScenarioSettings withSystem(QnnSystem q) {
        return new ScenarioSettings(seed, radio, optimumLimit, quantum, q.cloud(), q.edge(), List.of(q), emulator,
                cluster, source);
    }

    private static List<QnnSystem> systems(Config cfqnn, Settings root, RadioModel radio, CloudSettings cloud,
                                           EdgeSettings edge, EmulatorSettings emulator) {
        List<QnnSystem> out = new ArrayList<>();
        out.add(new QnnSystem(cloud.ansatz() + "/" + edge.ansatz(), cloud, edge));
        String key = "emulator.qnn-variants";
        List<? extends Config> variants;
        try {
            variants = cfqnn.getConfigList(key);
        } catch (ConfigException.WrongType e) {
            throw new InvalidInputException(key, null, "must be a list of { name = ..., cloud { ... }, edge { ... } }");
        }
        Config defaults = Defaults.config().getConfig("cfqnn");
        for (int i = 0; i < variants.size(); i++) {
            String where = key + "[" + i + "].";
            Settings v = new Settings(variants.get(i), where).onlyKeys(Set.of("name", "cloud", "edge"));
            Config c = variants.get(i).hasPath("cloud") ? v.block("cloud").raw() : ConfigFactory.empty();
            Config e = variants.get(i).hasPath("edge") ? v.block("edge").raw() : ConfigFactory.empty();
            Scenario.checkKnown(c.root(), defaults.getConfig("cloud"), "", where + "cloud.");
            Scenario.checkKnown(e.root(), defaults.getConfig("edge"), "", where + "edge.");
            CloudSettings vc = cloud(new Settings(c.withFallback(cfqnn.getConfig("cloud")), where + "cloud."), radio,
                    root.block("baselines").getLong("optimum-limit"));
            EdgeSettings ve = edge(new Settings(e.withFallback(cfqnn.getConfig("edge")), where + "edge."), radio);
            String name = v.has("name") ? v.getString("name") : vc.ansatz() + "/" + ve.ansatz();
            if (out.stream().anyMatch(q -> q.name().equals(name))) {
                throw new InvalidInputException(where + "name", name, "names a QNN system twice; give each variant "
                        + "its own name = \"...\"");
            }
            if (emulator.training() == TrainingMode.LOAD) {
                throw new InvalidInputException(key, name, "needs emulator.training = offline or emulate "
                        + "(load reads one system from emulator.models)");
            }
            out.add(new QnnSystem(name, vc, ve));
        }
        return List.copyOf(out);
    }

    /**
     * Refuses QNNs whose statevector would not fit the heap, naming the keys, the qubit count and the
     * memory, and QNN circuits wider than one QPU of the device (naming {@code quantum.device.qubits}):
     * called before anything that trains or deploys them starts.
     */
    public ScenarioSettings requireQnnFits() {
        if (cloud.ansatz().equals(PaperCloud.NAME) || cloud.ansatz().equals(CharitablePaperCloud.NAME)) {
            int needed = PaperCloud.qubits(radio.nAp(), cloud.paperLayers());
            try {
                Simulator.checkFits(needed, 3);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("cloud.ansatz", cloud.ansatz(), "needs cloud.paper.layers x radio.n-ap = "
                        + cloud.paperLayers() + " x " + radio.nAp() + " = " + needed + " qubits: " + e.allowed());
            }
        }
        int qubits = edge.ansatz().equals(PaperEdge.NAME) ? Math.max(radio.nUser(), radio.nTx()) : radio.nTx();
        try {
            Simulator.checkFits(qubits, 3);
        } catch (InvalidInputException x) {
            throw new InvalidInputException("edge.ansatz", edge.ansatz(), "needs " + qubits + " qubits: " + x.allowed());
        }
        int cloudQubits = cloud.ansatz().equals(PaperCloud.NAME) ? PaperCloud.qubits(radio.nAp(), cloud.paperLayers())
                : cloud.graphQubits();
        quantum.device().requireFits(cloudQubits, "the cloud QNN (cloud.ansatz = " + cloud.ansatz() + ")");
        quantum.device().requireFits(qubits, "the edge QNN (edge.ansatz = " + edge.ansatz() + ")");
        return this;
    }

    private static CloudSettings cloud(Settings c, RadioModel radio, long optimumLimit) {
        String ansatz = c.getChoice("ansatz", Set.of(PaperCloud.NAME, CharitablePaperCloud.NAME, GraphCloud.NAME,
                MaxMinCloud.NAME));
        String decoding = c.getChoice("decoding", Set.of("direct", "sampled"));
        int candidates = range(c, "candidates", c.getInt("candidates"), 1, 1000);
        double penalty = c.getDouble("r-penalty");
        Settings paper = c.block("paper");
        int layers = range(paper, "layers", paper.getInt("layers"), 1, 10);
        Settings graph = c.block("graph");
        int qubits = range(graph, "qubits", graph.getInt("qubits"), 1, 12);
        int graphLayers = range(graph, "layers", graph.getInt("layers"), 1, 10);
        int rounds = range(graph, "rounds", graph.getInt("rounds"), 1, 4);
        String loss = graph.getChoice("loss", Set.of(GraphCloud.IMITATION, GraphCloud.POLICY_GRADIENT));
        double temperature = graph.getDouble("teacher-temperature");
        if (temperature <= 0) {
            throw new InvalidInputException(graph.key("teacher-temperature"), temperature, "must be > 0 (bit/s/Hz)");
        }
        long teacherLimit = graph.getLong("teacher-limit");
        if (teacherLimit < 1) {
            throw new InvalidInputException(graph.key("teacher-limit"), teacherLimit, "must be an integer >= 1");
        }
        TrainingSettings training = training(c.block("training"), radio);
        MaxMinCloud.Design maxmin = maxmin(c.block("maxmin"), optimumLimit);
        if (ansatz.equals(MaxMinCloud.NAME)) {
            checkTeacher(c, maxmin, training.trainingRadio(radio));
        }
        boolean paperLike = ansatz.equals(PaperCloud.NAME) || ansatz.equals(CharitablePaperCloud.NAME);
        if (training.transfers() && paperLike) {
            throw new InvalidInputException(c.key("training.network"), "[" + training.trainAps() + ", "
                    + training.trainUsers() + "]", "must be [] with ansatz = " + ansatz + ": its circuit has a qubit "
                    + "per AP, so it cannot train on another network size");
        }
        if (ansatz.equals(CharitablePaperCloud.NAME)) {
            if (Math.pow(radio.nUser(), radio.nAp()) > optimumLimit) {
                throw new InvalidInputException(c.key("ansatz"), ansatz, "trains on the exhaustive optimum's "
                        + "assignments: K^M = " + radio.nUser() + "^" + radio.nAp() + " exceeds baselines.optimum-limit");
            }
            if (decoding.equals("sampled")) {
                throw new InvalidInputException(c.key("decoding"), "sampled", "sampled decoding needs ansatz = graph or maxmin");
            }
        }
        if (ansatz.equals(PaperCloud.NAME)) {
            if (training.gradient() == GradientMethod.ADJOINT) {
                throw new InvalidInputException(c.key("training.gradient"), "adjoint",
                        "the paper's cloud floors its circuit outputs, so its loss has no circuit gradient: "
                                + "use parameter-shift (applied to the loss, Appendix B) or optimizer = rotosolve");
            }
            if (decoding.equals("sampled")) {
                throw new InvalidInputException(c.key("decoding"), "sampled", "sampled decoding needs ansatz = graph or maxmin");
            }
        }
        return new CloudSettings(ansatz, decoding, candidates, penalty, layers, qubits, graphLayers, rounds, loss,
                temperature, teacherLimit, maxmin, training);
    }

    private static MaxMinCloud.Design maxmin(Settings m, long optimumLimit) {
        String scorer = m.getChoice("scorer", Set.of(MaxMinCloud.QUANTUM, MaxMinCloud.CLASSICAL));
        int qubits = range(m, "qubits", m.getInt("qubits"), 1, 12);
        int layers = range(m, "layers", m.getInt("layers"), 1, 10);
        int rounds = range(m, "rounds", m.getInt("rounds"), 1, 4);
        int hidden = range(m, "hidden", m.getInt("hidden"), 1, 1000);
        int perAp = range(m, "candidates-per-ap", m.getInt("candidates-per-ap"), 1, 100_000);
        int perUser = range(m, "candidates-per-user", m.getInt("candidates-per-user"), 0, 100_000);
        double tau = m.getDouble("tau");
        if (!(tau > 0)) {
            throw new InvalidInputException(m.key("tau"), tau, "must be > 0");
        }
        MaxMinDecoder decoder = MaxMinDecoder.parse(m.getChoice("decoder",
                Set.of("water-filling", "no-polish", "matching", "argmax")));
        MaxMinCloud.Signal signal = MaxMinCloud.Signal.parse(m.getChoice("signal",
                Set.of("min-rate", "imitate-optimum", "imitate-greedy")));
        double sigma = m.getDouble("sigma");
        if (!(sigma > 0 && sigma <= 10)) {
            throw new InvalidInputException(m.key("sigma"), sigma, "must be in (0, 10]");
        }
        int pairs = range(m, "pairs", m.getInt("pairs"), 1, 10_000);
        return new MaxMinCloud.Design(scorer, qubits, layers, rounds, hidden, perAp, perUser, tau, decoder, signal, sigma,
                pairs, optimumLimit);
    }

    /** The optimum teacher enumerates K^M assignments of the training network: refuse what it cannot. */
    private static void checkTeacher(Settings c, MaxMinCloud.Design d, RadioModel trainedOn) {
        if (d.signal() == MaxMinCloud.Signal.IMITATE_OPTIMUM
                && Math.pow(trainedOn.nUser(), trainedOn.nAp()) > d.teacherLimit()) {
            throw new InvalidInputException(c.key("maxmin.signal"), "imitate-optimum", String.format(
                    "the optimum teacher enumerates K^M = %d^%d assignments of the training network, more than "
                            + "baselines.optimum-limit = %d: train on a smaller cloud.training.network or use "
                            + "imitate-greedy or min-rate", trainedOn.nUser(), trainedOn.nAp(), d.teacherLimit()));
        }
    }

    private static EdgeSettings edge(Settings e, RadioModel radio) {
        String ansatz = e.getChoice("ansatz", Set.of(PaperEdge.NAME, AmplitudeEdge.NAME));
        Settings paper = e.block("paper");
        int reps = range(paper, "reps", paper.getInt("reps"), 1, 20);
        return new EdgeSettings(ansatz, reps, training(e.block("training"), radio));
    }

    private static TrainingSettings training(Settings t, RadioModel radio) {
        int batch = t.has("batch") ? t.getInt("batch") : 1;
        int[] network = network(t);
        String optimizer = t.getChoice("optimizer", Set.of(TrainingSettings.SGD, TrainingSettings.ADAM,
                TrainingSettings.ROTOSOLVE));
        double lr = t.getDouble("learning-rate");
        if (!(lr > 0)) {
            throw new InvalidInputException(t.key("learning-rate"), lr, "must be > 0");
        }
        int nData = range(t, "n-data", t.getInt("n-data"), 1, 10_000_000);
        int nEpoch = range(t, "n-epoch", t.getInt("n-epoch"), 1, 1_000_000);
        String g = t.getChoice("gradient", Set.of(GradientMethod.PARAMETER_SHIFT.label(), GradientMethod.ADJOINT.label()));
        double shift = t.getDouble("shift");
        if (Math.abs(Math.sin(shift)) < 1e-6) {
            throw new InvalidInputException(t.key("shift"), shift, "must have sin(shift) != 0 (pi/2 is the usual)");
        }
        double[] range = t.getDoubleList("mu-range");
        double low = radio.mu();
        double high = radio.mu();
        if (range.length == 2) {
            low = range[0];
            high = range[1];
            if (!(0 <= low && low <= high && high <= 1)) {
                throw new InvalidInputException(t.key("mu-range"), java.util.Arrays.toString(range),
                        "must be [low, high] with 0 <= low <= high <= 1");
            }
        } else if (range.length != 0) {
            throw new InvalidInputException(t.key("mu-range"), java.util.Arrays.toString(range),
                    "must be [] (train at radio.mu) or [low, high]");
        }
        range(t, "batch", batch, 1, nData);
        if (batch > 1 && optimizer.equals(TrainingSettings.ROTOSOLVE)) {
            throw new InvalidInputException(t.key("batch"), batch, "must be 1 with optimizer = rotosolve (it sweeps one sample)");
        }
        return new TrainingSettings(optimizer, lr, nData, nEpoch, GradientMethod.parse(g), shift, low, high, batch,
                network[0], network[1]);
    }

    /** {@code network = [n-ap, n-user]} (a size-free cloud trains there, then deploys) or [] (the scenario's). */
    private static int[] network(Settings t) {
        if (!t.has("network")) {
            return new int[] {0, 0};
        }
        double[] n = t.getDoubleList("network");
        if (n.length == 0) {
            return new int[] {0, 0};
        }
        if (n.length != 2 || n[0] != Math.rint(n[0]) || n[1] != Math.rint(n[1]) || n[1] < 1 || n[0] < n[1]
                || n[0] > 100_000) {
            throw new InvalidInputException(t.key("network"), java.util.Arrays.toString(n),
                    "must be [] (train on radio's network) or [n-ap, n-user] with n-ap >= n-user >= 1");
        }
        return new int[] {(int) n[0], (int) n[1]};
    }

    private static int range(Settings s, String key, int v, int min, int max) {
        if (v < min || v > max) {
            throw new InvalidInputException(s.key(key), v, "must be an integer in [" + min + ", " + max + "]");
        }
        return v;
    }
}
