package org.cfqnn.qnn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.io.AtomicFiles;
import org.cfqnn.io.JsonNodes;
import org.cfqnn.qnn.cloud.CharitablePaperCloud;
import org.cfqnn.qnn.cloud.CloudModel;
import org.cfqnn.qnn.cloud.GraphCloud;
import org.cfqnn.qnn.cloud.MaxMinCloud;
import org.cfqnn.qnn.cloud.MaxMinDecoder;
import org.cfqnn.qnn.cloud.PaperCloud;
import org.cfqnn.qnn.cloud.Teacher;
import org.cfqnn.qnn.edge.AmplitudeEdge;
import org.cfqnn.qnn.edge.EdgeModel;
import org.cfqnn.qnn.edge.PaperEdge;
import org.cfqnn.qnn.train.TrainingSettings;

/**
 * Model files: {@code cloud.json} and {@code edge-<m>.json} for every AP m in one directory, each
 * <pre>{"format":"cfqnn-model/2","role":"cloud"|"edge","ap":m,"ansatz":...,"network":{"nAp":M,"nUser":K,"nTx":N},
 *  "hyperparameters":{...},"decoding":"direct","candidates":8,"training":{...},"seed":S,
 *  "lossPerEpoch":[...],"parameters":[...]}</pre>
 * {@code network} is the network the system was trained for; version 2 adds {@code training.batch} and
 * {@code training.network} ({@code [nAp, nUser]} the cloud trained on, {@code []} when it trained on
 * {@code network}) and the {@code maxmin} cloud ansatz. Version 1 files ({@link #FORMAT_1}) still load.
 * Written atomically; read strictly: a missing, corrupt or mismatched file is an error naming it.
 */
public final class ModelFiles {

    public static final String FORMAT = "cfqnn-model/2";
    public static final String FORMAT_1 = "cfqnn-model/1";
    private static final Set<String> KEYS = Set.of("format", "role", "ap", "ansatz", "network", "hyperparameters",
            "decoding", "candidates", "training", "seed", "lossPerEpoch", "parameters");

    private ModelFiles() {
    }

    public static Path cloudFile(Path dir) {
        return dir.resolve("cloud.json");
    }

    public static Path edgeFile(Path dir, int m) {
        return dir.resolve("edge-" + m + ".json");
    }

    /** Writes every model file into {@code dir} (each atomically). */
    public static void write(TrainedQnn q, double[] cloudLossPerEpoch, double[] edgeLossPerEpoch, Path dir) {
        files(q, cloudLossPerEpoch, edgeLossPerEpoch).forEach((name, node) ->
                AtomicFiles.writeString(dir.resolve(name), node.toPrettyString() + "\n"));
    }

    /** The model files' contents by file name: {@code cloud.json}, then {@code edge-<m>.json} for every AP. */
    private static java.util.Map<String, ObjectNode> files(TrainedQnn q, double[] cloudLossPerEpoch,
                                                           double[] edgeLossPerEpoch) {
        java.util.Map<String, ObjectNode> out = new java.util.LinkedHashMap<>();
        ObjectNode c = header(q, "cloud", q.cloud().ansatz(), q.cloud().hyperparameters(), q.cloudTraining(),
                cloudLossPerEpoch, q.cloudParams());
        c.put("decoding", q.decoding());
        c.put("candidates", q.candidates());
        out.put(cloudFile(Path.of("")).toString(), c);
        for (int m = 0; m < q.nAp(); m++) {
            ObjectNode e = header(q, "edge", q.edge().ansatz(), q.edge().hyperparameters(), q.edgeTraining(),
                    edgeLossPerEpoch, q.edgeParams()[m]);
            e.put("ap", m);
            out.put(edgeFile(Path.of(""), m).toString(), e);
        }
        return out;
    }

    /**
     * A whole system as one JSON text, {@code {"cloud.json":{...},"edge-0.json":{...},...}}: how cluster
     * nodes receive the models they deploy. {@link #fromBundle} reads it with the same checks as files.
     */
    public static String bundle(TrainedQnn q) {
        ObjectNode root = JsonNodes.MAPPER.createObjectNode();
        files(q, new double[0], new double[0]).forEach(root::set);
        return root.toString();
    }

    public static TrainedQnn fromBundle(String json) {
        JsonNodes root = JsonNodes.parse(json, "model bundle");
        return assemble(name -> {
            if (!root.raw().has(name)) {
                throw InvalidInputException.of("model bundle", "missing " + name);
            }
            return root.field(name);
        }, name -> "model bundle " + name);
    }

    private static ObjectNode header(TrainedQnn q, String role, String ansatz, java.util.Map<String, Object> hyper,
                                     TrainingSettings t, double[] loss, double[] params) {
        ObjectNode o = JsonNodes.MAPPER.createObjectNode();
        o.put("format", FORMAT);
        o.put("role", role);
        o.put("ansatz", ansatz);
        ObjectNode net = o.putObject("network");
        net.put("nAp", q.nAp());
        net.put("nUser", q.nUser());
        net.put("nTx", q.nTx());
        o.set("hyperparameters", JsonNodes.MAPPER.valueToTree(hyper));
        ObjectNode tr = o.putObject("training");
        tr.put("optimizer", t.optimizer());
        tr.put("learningRate", t.learningRate());
        tr.put("nData", t.nData());
        tr.put("nEpoch", t.nEpoch());
        tr.put("gradient", t.gradient().label());
        tr.put("shift", t.shift());
        tr.putArray("muRange").add(t.muLow()).add(t.muHigh());
        tr.put("batch", t.batch());
        ArrayNode trainedOn = tr.putArray("network");
        if (t.transfers()) {
            trainedOn.add(t.trainAps()).add(t.trainUsers());
        }
        o.put("seed", q.seed());
        ArrayNode l = o.putArray("lossPerEpoch");
        for (double v : loss) {
            l.add(v);
        }
        ArrayNode p = o.putArray("parameters");
        for (double v : params) {
            p.add(v);
        }
        return o;
    }

    /** Reads a model directory written by {@link #write}. */
    public static TrainedQnn read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw InvalidInputException.of(dir.toString(), "no such model directory (cfqnn train writes one)");
        }
        return assemble(name -> {
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw InvalidInputException.of(file.toString(), "missing model file");
            }
            return JsonNodes.read(file);
        }, name -> dir.resolve(name).toString());
    }

    /** Parses cloud.json and every edge file, fetched by name, and checks that they belong together. */
    private static TrainedQnn assemble(java.util.function.Function<String, JsonNodes> files,
                                       java.util.function.Function<String, String> where) {
        String cf = cloudFile(Path.of("")).toString();
        Loaded cloud = parse(files, cf, "cloud", where);
        int nAp = cloud.nAp;
        double[][] edgeParams = new double[nAp][];
        Loaded first = null;
        for (int m = 0; m < nAp; m++) {
            String ef = edgeFile(Path.of(""), m).toString();
            Loaded e = parse(files, ef, "edge", where);
            if (e.nAp != nAp || e.nUser != cloud.nUser || e.nTx != cloud.nTx) {
                throw InvalidInputException.of(where.apply(ef), "network " + e.shape() + " does not match cloud.json's "
                        + cloud.shape());
            }
            if (e.ap != m) {
                throw InvalidInputException.of(where.apply(ef), "\"ap\" = " + e.ap + ", expected " + m);
            }
            if (first != null && !first.ansatz.equals(e.ansatz)) {
                throw InvalidInputException.of(where.apply(ef), "edge ansatz " + e.ansatz + " differs from edge-0's "
                        + first.ansatz);
            }
            first = first == null ? e : first;
            edgeParams[m] = e.params;
        }
        return new TrainedQnn(nAp, cloud.nUser, cloud.nTx, cloud.cloud, cloud.params, cloud.decoding, cloud.candidates,
                cloud.training, first.edge, edgeParams, first.training, cloud.seed);
    }

    /** One parsed file. */
    private static final class Loaded {
        int nAp;
        int nUser;
        int nTx;
        int ap = -1;
        String ansatz;
        CloudModel cloud;
        EdgeModel edge;
        double[] params;
        String decoding;
        int candidates;
        TrainingSettings training;
        long seed;

        String shape() {
            return "M=" + nAp + " K=" + nUser + " N=" + nTx;
        }
    }

    private static Loaded parse(java.util.function.Function<String, JsonNodes> files, String name, String role,
                                java.util.function.Function<String, String> where) {
        JsonNodes root = files.apply(name);
        try {
            return parse(root, role);
        } catch (InvalidInputException e) {
            throw e.within(where.apply(name) + ": ");
        }
    }

    private static Loaded parse(JsonNodes root, String role) {
        root.requireObject(KEYS);
        Loaded l = new Loaded();
        String format = root.field("format").asText();
        if (!FORMAT.equals(format) && !FORMAT_1.equals(format)) {
            throw root.field("format").error("unsupported model format; this cfqnn reads \"" + FORMAT + "\" and \""
                    + FORMAT_1 + "\"");
        }
        if (!role.equals(root.field("role").asText())) {
            throw root.field("role").error("expected \"" + role + "\"");
        }
        JsonNodes net = root.field("network").requireObject(Set.of("nAp", "nUser", "nTx"));
        l.nAp = net.field("nAp").asInt(1, 100_000);
        l.nUser = net.field("nUser").asInt(1, l.nAp);
        l.nTx = net.field("nTx").asInt(1, 100_000);
        l.ansatz = root.field("ansatz").asText();
        l.seed = (long) root.field("seed").asFinite();
        l.training = training(root.field("training"), format.equals(FORMAT));
        JsonNodes h = root.field("hyperparameters");
        if (!h.raw().isObject()) {
            throw h.error("expected a JSON object");
        }
        int count;
        if (role.equals("cloud")) {
            l.cloud = switch (l.ansatz) {
                case PaperCloud.NAME -> new PaperCloud(l.nAp, l.nUser, h.field("layers").asInt(1, 10),
                        h.field("rPenalty").asFinite(), l.training.shift());
                case GraphCloud.NAME -> new GraphCloud(h.field("qubits").asInt(1, 12), h.field("layers").asInt(1, 10),
                        h.field("rounds").asInt(1, 4), lossName(h.field("loss")), teacher(h),
                        h.field("rPenalty").asFinite(), l.training.gradient(), l.training.shift());
                case MaxMinCloud.NAME -> new MaxMinCloud(design(h), h.field("rPenalty").asFinite(), l.training.gradient(),
                        l.training.shift());
                case CharitablePaperCloud.NAME -> new CharitablePaperCloud(l.nAp, l.nUser, h.field("layers").asInt(1, 10),
                        (long) h.field("teacherLimit").asFinite());
                default -> throw root.field("ansatz").error("unknown cloud ansatz; allowed: paper, paper-charitable, graph, maxmin");
            };
            count = l.cloud.parameterCount();
            l.decoding = root.field("decoding").asText();
            if (!l.decoding.equals("direct") && !l.decoding.equals("sampled")) {
                throw root.field("decoding").error("expected direct or sampled");
            }
            l.candidates = root.field("candidates").asInt(1, 1000);
        } else {
            l.ap = root.field("ap").asInt(0, l.nAp - 1);
            l.edge = switch (l.ansatz) {
                case PaperEdge.NAME -> new PaperEdge(l.nUser, l.nTx, h.field("reps").asInt(1, 20), l.training.gradient(),
                        l.training.shift());
                case AmplitudeEdge.NAME -> new AmplitudeEdge(l.nTx, l.training.gradient(), l.training.shift());
                default -> throw root.field("ansatz").error("unknown edge ansatz; allowed: paper, amplitude");
            };
            count = l.edge.parameterCount();
        }
        List<JsonNodes> params = root.field("parameters").elements(count, "parameters (the ansatz has " + count + ")");
        l.params = new double[count];
        for (int i = 0; i < count; i++) {
            l.params[i] = params.get(i).asFinite();
        }
        root.field("lossPerEpoch").elements(-1, "numbers");
        return l;
    }

    /** The imitation teacher's settings (files written before they were recorded: the defaults). */
    private static Teacher teacher(JsonNodes h) {
        double temperature = h.raw().has("teacherTemperature") ? h.field("teacherTemperature").asFinite() : 0.1;
        long limit = h.raw().has("teacherLimit") ? (long) h.field("teacherLimit").asFinite() : 100_000;
        if (temperature <= 0 || limit < 1) {
            throw h.error("teacherTemperature must be > 0 and teacherLimit >= 1");
        }
        return new Teacher(temperature, limit);
    }

    private static String lossName(JsonNodes n) {
        String s = n.asText();
        if (!s.equals(GraphCloud.IMITATION) && !s.equals(GraphCloud.POLICY_GRADIENT)) {
            throw n.error("expected imitation or policy-gradient");
        }
        return s;
    }

    private static MaxMinCloud.Design design(JsonNodes h) {
        h.requireObject(Set.of("scorer", "qubits", "layers", "rounds", "hidden", "candidatesPerAp", "candidatesPerUser",
                "tau", "decoder", "signal", "sigma", "pairs", "teacherLimit", "rPenalty"));
        String scorer = h.field("scorer").asText();
        if (!scorer.equals(MaxMinCloud.QUANTUM) && !scorer.equals(MaxMinCloud.CLASSICAL)) {
            throw h.field("scorer").error("expected quantum or classical");
        }
        MaxMinDecoder decoder = MaxMinDecoder.parse(h.field("decoder").asText());
        if (decoder == null) {
            throw h.field("decoder").error("expected water-filling, no-polish, matching or argmax");
        }
        MaxMinCloud.Signal signal = MaxMinCloud.Signal.parse(h.field("signal").asText());
        if (signal == null) {
            throw h.field("signal").error("expected min-rate, imitate-optimum or imitate-greedy");
        }
        double tau = h.field("tau").asFinite();
        double sigma = h.field("sigma").asFinite();
        if (!(tau > 0) || !(sigma > 0)) {
            throw h.error("tau and sigma must be > 0");
        }
        return new MaxMinCloud.Design(scorer, h.field("qubits").asInt(1, 12), h.field("layers").asInt(1, 10),
                h.field("rounds").asInt(1, 4), h.field("hidden").asInt(1, 1000), h.field("candidatesPerAp").asInt(1, 100_000),
                h.field("candidatesPerUser").asInt(0, 100_000), tau, decoder, signal, sigma,
                h.field("pairs").asInt(1, 10_000), (long) h.field("teacherLimit").asFinite());
    }

    /** Version 2 adds {@code batch} and {@code network}; version 1 files train one sample per update on their own network. */
    private static TrainingSettings training(JsonNodes t, boolean version2) {
        t.requireObject(version2
                ? Set.of("optimizer", "learningRate", "nData", "nEpoch", "gradient", "shift", "muRange", "batch", "network")
                : Set.of("optimizer", "learningRate", "nData", "nEpoch", "gradient", "shift", "muRange"));
        String g = t.field("gradient").asText();
        GradientMethod method = GradientMethod.parse(g);
        if (method == null) {
            throw t.field("gradient").error("expected parameter-shift or adjoint");
        }
        List<JsonNodes> mu = t.field("muRange").elements(2, "numbers [low, high]");
        int nData = t.field("nData").asInt(1, Integer.MAX_VALUE);
        int batch = version2 ? t.field("batch").asInt(1, nData) : 1;
        int[] network = {0, 0};
        List<JsonNodes> n = version2 ? t.field("network").elements(-1, "[] or [nAp, nUser]") : List.of();
        if (n.size() == 2) {
            network[0] = n.get(0).asInt(1, 100_000);
            network[1] = n.get(1).asInt(1, network[0]);
        } else if (!n.isEmpty()) {
            throw t.field("network").error("expected [] or [nAp, nUser]");
        }
        return new TrainingSettings(t.field("optimizer").asText(), t.field("learningRate").asFinite(), nData,
                t.field("nEpoch").asInt(1, Integer.MAX_VALUE), method, t.field("shift").asFinite(), mu.get(0).asFinite(),
                mu.get(1).asFinite(), batch, network[0], network[1]);
    }
}
