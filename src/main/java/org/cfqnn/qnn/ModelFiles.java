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
import org.cfqnn.qnn.cloud.CloudModel;
import org.cfqnn.qnn.cloud.GraphCloud;
import org.cfqnn.qnn.cloud.PaperCloud;
import org.cfqnn.qnn.cloud.Teacher;
import org.cfqnn.qnn.edge.AmplitudeEdge;
import org.cfqnn.qnn.edge.EdgeModel;
import org.cfqnn.qnn.edge.PaperEdge;
import org.cfqnn.qnn.train.TrainingSettings;

/**
 * Model files: {@code cloud.json} and {@code edge-<m>.json} for every AP m in one directory, each
 * <pre>{"format":"cfqnn-model/1","role":"cloud"|"edge","ap":m,"ansatz":...,"network":{"nAp":M,"nUser":K,"nTx":N},
 *  "hyperparameters":{...},"decoding":"direct","candidates":8,"training":{...},"seed":S,
 *  "lossPerEpoch":[...],"parameters":[...]}</pre>
 * Written atomically; read strictly: a missing, corrupt or mismatched file is an error naming it.
 */
public final class ModelFiles {

    public static final String FORMAT = "cfqnn-model/1";
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
        if (!FORMAT.equals(root.field("format").asText())) {
            throw root.field("format").error("expected \"" + FORMAT + "\"");
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
        l.training = training(root.field("training"));
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
                default -> throw root.field("ansatz").error("unknown cloud ansatz; allowed: paper, graph");
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

    private static TrainingSettings training(JsonNodes t) {
        t.requireObject(Set.of("optimizer", "learningRate", "nData", "nEpoch", "gradient", "shift", "muRange"));
        String g = t.field("gradient").asText();
        GradientMethod method = GradientMethod.parse(g);
        if (method == null) {
            throw t.field("gradient").error("expected parameter-shift or adjoint");
        }
        List<JsonNodes> mu = t.field("muRange").elements(2, "numbers [low, high]");
        return new TrainingSettings(t.field("optimizer").asText(), t.field("learningRate").asFinite(),
                t.field("nData").asInt(1, Integer.MAX_VALUE), t.field("nEpoch").asInt(1, Integer.MAX_VALUE), method,
                t.field("shift").asFinite(), mu.get(0).asFinite(), mu.get(1).asFinite());
    }
}
