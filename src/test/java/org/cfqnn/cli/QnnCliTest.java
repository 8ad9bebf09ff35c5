package org.cfqnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cfqnn.io.JsonNodes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cfqnn train}, {@code evaluate --method qnn} and model files, with small training budgets. */
class QnnCliTest {

    @TempDir
    static Path dir;
    static Path models;
    static Path snapshot;

    static final String SMALL = """
            cloud {
              ansatz = graph
              graph { qubits = 2, layers = 1, rounds = 1 }
              training { optimizer = adam, gradient = adjoint, n-data = 20, n-epoch = 2 }
            }
            edge {
              ansatz = amplitude
              training { optimizer = adam, learning-rate = 0.05, gradient = adjoint, n-data = 20, n-epoch = 2 }
            }
            """;

    @BeforeAll
    static void train() throws Exception {
        Path scenario = dir.resolve("small.conf");
        Files.writeString(scenario, SMALL);
        models = dir.resolve("models");
        CliRunner r = CliRunner.run("train", scenario.toString(), "--out", models.toString(), "--no-progress");
        assertThat(r.exitCode()).as(r.err()).isZero();
        // one round of one circuit per link: 4 x 3
        assertThat(r.out()).contains("cloud graph: 12 circuits of 2 qubits per decision at M=4 K=3 (trained on this network)");
        snapshot = dir.resolve("ch.json");
        assertThat(CliRunner.run("channel", "--nap", "4", "--nuser", "3", "--ntx", "2", "--seed", "1", "--out",
                snapshot.toString()).exitCode()).isZero();
    }

    @Test
    void trainWritesModelsCurvesAndPlots() {
        for (String f : new String[] {"cloud.json", "edge-0.json", "edge-3.json", "cloud-loss.csv", "edge-loss.csv",
            "cloud-loss.png", "edge-loss.png"}) {
            assertThat(models.resolve(f)).exists();
        }
    }

    @Test
    void evaluateWithTheQnnPrintsRatesAndPrecoderQuality() throws Exception {
        CliRunner r = CliRunner.run("evaluate", "--channel", snapshot.toString(), "--method", "qnn", "--model", models.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = JsonNodes.MAPPER.readTree(r.out());
        assertThat(j.fieldNames()).toIterable().containsExactly("assignment", "precoders", "rates", "minRate", "sumRate",
                "unserved", "precoderQuality");
        assertThat(j.get("unserved").asInt()).isZero(); // the coverage decoder serves every user
        assertThat(j.get("precoderQuality").asDouble()).isBetween(0.0, 1.05);
        double norm = 0;
        for (JsonNode pair : j.get("precoders").get(0)) {
            norm += pair.get(0).asDouble() * pair.get(0).asDouble() + pair.get(1).asDouble() * pair.get(1).asDouble();
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        // the same model, snapshot and seed give the same output
        assertThat(CliRunner.run("evaluate", "--channel", snapshot.toString(), "--method", "qnn", "--model",
                models.toString()).out()).isEqualTo(r.out());
    }

    @Test
    void modelFilesAndBundlesRoundTripEverythingADeploymentUses() {
        org.cfqnn.qnn.TrainedQnn q = org.cfqnn.qnn.ModelFiles.read(models);
        String bundle = org.cfqnn.qnn.ModelFiles.bundle(q);
        org.cfqnn.qnn.TrainedQnn back = org.cfqnn.qnn.ModelFiles.fromBundle(bundle);
        assertThat(back.cloudParams()).containsExactly(q.cloudParams());
        assertThat(back.edgeParams()).isDeepEqualTo(q.edgeParams());
        assertThat(back.cloud().hyperparameters()).isEqualTo(q.cloud().hyperparameters())
                .containsEntry("teacherTemperature", 0.1).containsEntry("teacherLimit", 100_000L);
        assertThat(back.edge().hyperparameters()).isEqualTo(q.edge().hyperparameters());
        assertThat(back.cloudTraining()).isEqualTo(q.cloudTraining());
        assertThat(back.edgeTraining()).isEqualTo(q.edgeTraining());
        assertThat(back.decoding()).isEqualTo(q.decoding());
        assertThat(back.seed()).isEqualTo(q.seed());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.cfqnn.qnn.ModelFiles.fromBundle(
                bundle.replace("\"edge-2.json\"", "\"edge-x.json\""))).hasMessageContaining("model bundle: missing edge-2.json");
    }

    @Test
    void aSizeFreeModelDecodesAnotherNetworkAndThePaperModelRefusesNamingBothSizes() throws Exception {
        Path other = dir.resolve("ch5.json");
        CliRunner.run("channel", "--nap", "5", "--nuser", "3", "--ntx", "2", "--seed", "1", "--out", other.toString());
        CliRunner r = CliRunner.run("evaluate", "--channel", other.toString(), "--method", "qnn", "--model", models.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = JsonNodes.MAPPER.readTree(r.out());
        assertThat(j.get("assignment")).hasSize(5);
        assertThat(j.get("unserved").asInt()).isZero();
        r = CliRunner.run("evaluate", "--channel", other.toString(), "--method", "qnn", "--model",
                Path.of("src/test/resources/models-v1/paper").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--model").contains("trained for M=4 K=3 N=2 and cannot decode M=5 K=3 N=2");
        r = CliRunner.run("evaluate", "--channel", snapshot.toString(), "--method", "qnn");
        assertThat(r.err()).contains("--model: missing");
    }

    @Test
    void compareTablesTrainedCloudsBesideTheBaselinesAndTheOptimum() throws Exception {
        Path paper = Path.of("src/test/resources/models-v1/paper");
        Path out = dir.resolve("compare-qnn");
        CliRunner r = CliRunner.run("compare", "--nap", "4", "--nuser", "3", "--ntx", "2", "--trials", "6",
                "--methods", "search", "--model", models.toString(), "--model", paper.toString(),
                "--out", out.toString(), "--no-progress");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("qnn-graph").contains("qnn-paper");
        JsonNode methods = JsonNodes.MAPPER.readTree(out.resolve("summary.json").toFile()).get("methods");
        for (String name : new String[] {"qnn-graph", "qnn-paper"}) {
            // the exact optimum bounds every method on the estimate (ratio <= 1 up to rounding)
            double ratio = methods.get(name).get("meanRatioToReference").asDouble();
            assertThat(ratio).as(name).isGreaterThan(0).isLessThanOrEqualTo(1 + 1e-9);
        }
        // the same seed and models decide the same
        Path again = dir.resolve("compare-qnn-again");
        CliRunner.run("compare", "--nap", "4", "--nuser", "3", "--ntx", "2", "--trials", "6", "--methods", "search",
                "--model", models.toString(), "--model", paper.toString(), "--out", again.toString(), "--no-progress");
        assertThat(Files.readString(again.resolve("trials.csv"))).isEqualTo(Files.readString(out.resolve("trials.csv")));

        // a model for one size only, a missing directory, and a third model named as another (qnn-graph, then
        // its directory's name) are refused
        r = CliRunner.run("compare", "--nap", "5", "--nuser", "3", "--ntx", "2", "--trials", "2", "--model",
                paper.toString(), "--out", dir.resolve("never1").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--model").contains("cannot decode M=5 K=3 N=2");
        r = CliRunner.run("compare", "--nap", "4", "--nuser", "3", "--ntx", "2", "--trials", "2", "--model",
                dir.resolve("nowhere").toString(), "--out", dir.resolve("never2").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no such model directory");
        r = CliRunner.run("compare", "--nap", "4", "--nuser", "3", "--ntx", "2", "--trials", "2", "--model",
                models.toString(), "--model", models.toString(), "--model", models.toString(), "--out",
                dir.resolve("never3").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--model").contains("names a method already compared");
        assertThat(dir.resolve("never1")).doesNotExist();
        assertThat(dir.resolve("never3")).doesNotExist();
    }

    private Path corrupted(String name, java.util.function.Consumer<ObjectNode> change) throws Exception {
        Path copy = dir.resolve("corrupt-" + name);
        Files.createDirectories(copy);
        try (var files = Files.list(models)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, copy.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        ObjectNode cloud = (ObjectNode) JsonNodes.MAPPER.readTree(copy.resolve("cloud.json").toFile());
        change.accept(cloud);
        // "OVERFLOW" stands for a number JSON can write but a double cannot hold
        Files.writeString(copy.resolve("cloud.json"), cloud.toString().replace("\"OVERFLOW\"", "1e999"));
        return copy;
    }

    private String failure(Path modelDir) {
        CliRunner r = CliRunner.run("evaluate", "--channel", snapshot.toString(), "--method", "qnn", "--model", modelDir.toString());
        assertThat(r.exitCode()).as(r.out()).isEqualTo(2);
        assertThat(r.err()).doesNotContain("Exception");
        return r.err();
    }

    @Test
    void corruptOrMismatchedModelFilesFailClearly() throws Exception {
        assertThat(failure(corrupted("params", c -> ((ArrayNode) c.get("parameters")).remove(0))))
                .contains("cloud.json").contains("parameters").contains("(the ansatz has");
        assertThat(failure(corrupted("ansatz", c -> c.put("ansatz", "mlp")))).contains("ansatz = \"mlp\": unknown cloud ansatz");
        assertThat(failure(corrupted("format", c -> c.put("format", "v0")))).contains("format = \"v0\"");
        assertThat(failure(corrupted("role", c -> c.put("role", "edge")))).contains("role = \"edge\": expected \"cloud\"");
        assertThat(failure(corrupted("nap", c -> ((ObjectNode) c.get("network")).put("nAp", 5))))
                .contains("edge-0.json").contains("does not match cloud.json");
        assertThat(failure(corrupted("nan", c -> ((ArrayNode) c.get("parameters")).set(0, c.textNode("OVERFLOW")))))
                .contains("parameters[0]").contains("finite");
        Path missing = corrupted("missing", c -> { });
        Files.delete(missing.resolve("edge-2.json"));
        assertThat(failure(missing)).contains("edge-2.json: missing model file");
        Path truncated = corrupted("truncated", c -> { });
        Files.writeString(truncated.resolve("edge-1.json"), "{\"format\":\"cfqnn-model/1\",");
        assertThat(failure(truncated)).contains("edge-1.json").contains("malformed JSON");
        assertThat(failure(dir.resolve("nowhere"))).contains("no such model directory");
    }

    @Test
    void badScenariosNameTheKey() throws Exception {
        String[][] cases = {
            {"cloud { ansatz = mlp }", "cloud.ansatz = mlp: must be one of graph, maxmin, paper"},
            {"cloud { training { network = [4, 3] } }", "cloud.training.network = [4, 3]: must be [] with ansatz = paper"},
            {"cloud { ansatz = maxmin, training { network = [3, 4] } }", "cloud.training.network = [3.0, 4.0]: must be []"},
            {"cloud { ansatz = maxmin, training { batch = 0 } }", "cloud.training.batch = 0: must be an integer in [1, 100]"},
            {"cloud { ansatz = maxmin, training { optimizer = rotosolve, batch = 2 } }", "cloud.training.batch = 2: must be 1 with optimizer = rotosolve"},
            {"radio { n-ap = 16, n-user = 6 }\ncloud { ansatz = maxmin, maxmin.signal = imitate-optimum }",
                "cloud.maxmin.signal = imitate-optimum: the optimum teacher enumerates K^M = 6^16"},
            {"cloud { ansatz = maxmin, maxmin.decoder = greedy }", "cloud.maxmin.decoder = greedy: must be one of argmax"},
            {"cloud { ansatz = maxmin, maxmin.sigma = 0 }", "cloud.maxmin.sigma = 0"},
            {"radio { n-ap = 2 }", "radio.n-ap = 2: must be >= the number of users K = 3"},
            {"radio { nap = 4 }", "radio.nap = 4: unknown key; allowed in radio: csi-error, d-min"},
            {"cloud { training { gradient = adjoint } }", "cloud.training.gradient = adjoint: the paper's cloud floors"},
            {"cloud { training { learning-rate = fast } }", "cloud.training.learning-rate = \"fast\": must be a number"},
            {"cloud { training { n-data = 0 } }", "cloud.training.n-data = 0: must be an integer in [1, 10000000]"},
            {"cloud { training { mu-range = [0.5, 0.1] } }", "cloud.training.mu-range = [0.5, 0.1]"},
            {"radio { n-ap = 16, n-user = 6 }\ncloud { paper { layers = 2 } }", "cloud.ansatz = paper: needs cloud.paper.layers x radio.n-ap = 2 x 16 = 32 qubits"},
            {"radio = 3", "radio = 3: must be a block"},
            {"cloud { ansatz = graph", "HOCON syntax error"},
        };
        for (String[] c : cases) {
            Path f = Files.createTempFile(dir, "bad", ".conf");
            Files.writeString(f, c[0]);
            Path out = dir.resolve("never");
            CliRunner r = CliRunner.run("train", f.toString(), "--out", out.toString(), "--no-progress");
            assertThat(r.exitCode()).as(c[0]).isEqualTo(2);
            assertThat(r.err()).as(c[0]).contains(c[1]);
            assertThat(out).doesNotExist();
        }
        CliRunner r = CliRunner.run("train", dir.resolve("small.conf").toString(), "--set", "cloud.candidates=0", "--out",
                dir.resolve("never").toString());
        assertThat(r.err()).contains("cloud.candidates = 0");
        r = CliRunner.run("train", dir.resolve("nope.conf").toString(), "--out", dir.resolve("never").toString());
        assertThat(r.err()).contains("nope.conf: no such file");
    }

    @Test
    void reproduceWritesEveryFigureAndTheTable() throws Exception {
        Path paper = dir.resolve("paper-small.conf");
        Files.writeString(paper, "cloud.training { n-data = 10, n-epoch = 3 }\nedge.training { n-data = 10, n-epoch = 10 }");
        Path improved = dir.resolve("improved-small.conf");
        Files.writeString(improved, SMALL);
        Path out = dir.resolve("repro");
        CliRunner r = CliRunner.run("reproduce", "--trials", "15", "--mu", "0,0.1,0.3", "--paper", paper.toString(),
                "--improved", improved.toString(), "--out", out.toString(), "--no-progress");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("qnn-improved-sampled").contains("qnn-paper-untrained").contains("mu=0.30")
                .contains("Fig. 6").contains("precoder quality");
        for (String f : new String[] {"rates.csv", "trials.csv", "summary.json", "fig4-sum-rate.png", "min-rate.png",
            "ratio-to-optimum.png", "fig5-cloud-loss.csv", "fig5-cloud-loss.png", "fig6-edge-loss.csv", "fig6-edge-loss.png"}) {
            assertThat(out.resolve(f)).exists();
        }
        assertThat(Files.readAllLines(out.resolve("trials.csv"))).hasSize(1 + 3 * 15 * 10);
        assertThat(r.out()).contains("qnn-paper-charitable");
        JsonNode s = JsonNodes.MAPPER.readTree(out.resolve("summary.json").toFile());
        assertThat(s.at("/results/0.10/optimum/meanRatioToOptimum").asDouble()).isEqualTo(1.0);
        assertThat(s.at("/edgeHeadline/firstEpisodeDrop").isNumber()).isTrue();
        // Fig. 6 starts at episode 0, the initial parameters' loss of the headline
        List<String> fig6 = Files.readAllLines(out.resolve("fig6-edge-loss.csv"));
        assertThat(fig6.get(1)).startsWith("qnn-paper,0,");
        assertThat(Double.parseDouble(fig6.get(1).split(",")[2]))
                .isCloseTo(s.at("/edgeHeadline/initialLoss").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(fig6.get(2)).startsWith("qnn-paper,1,");
    }

    @Test
    void ablationTrainsTheVariantsAndTablesThemWithTheClassicalMethods() throws Exception {
        Path scenario = dir.resolve("maxmin-small.conf");
        Files.writeString(scenario, """
                cloud {
                  ansatz = maxmin
                  maxmin { qubits = 2, layers = 1, pairs = 2 }
                  training { optimizer = adam, learning-rate = 0.002, gradient = adjoint, n-data = 8, n-epoch = 1, batch = 4 }
                }
                """);
        Path out = dir.resolve("ablation");
        CliRunner r = CliRunner.run("ablation", scenario.toString(), "--trials", "20", "--variants",
                "maxmin,maxmin-priors,maxmin-argmax,maxmin-classical,paper-charitable", "--out", out.toString(), "--no-progress");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("ratios to optimum").contains("maxmin-priors").contains("maxmin-classical")
                .contains("paper-charitable").contains("greedy-maxmin").contains("search");
        JsonNode s = JsonNodes.MAPPER.readTree(out.resolve("summary.json").toFile());
        assertThat(s.at("/methods/optimum/meanRatioToReference").asDouble()).isEqualTo(1.0);
        assertThat(s.at("/methods/maxmin/meanUnserved").asDouble()).isZero(); // the decoder covers every user
        assertThat(s.at("/methods/maxmin/circuitsCharged").asText()).isEqualTo("12"); // every link of 4 x 3 is a candidate
        assertThat(s.at("/methods/maxmin-classical/circuitsCharged").asText()).isEqualTo("0");
        assertThat(s.at("/evalSeed").asLong()).isEqualTo(2);
        assertThat(out.resolve("ablation.csv")).exists();
        r = CliRunner.run("ablation", scenario.toString(), "--variants", "nope", "--out", dir.resolve("never").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--variants = nope: must be among maxmin");
    }
}
