package org.cfqnn.qnn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cfqnn.cli.CliRunner;
import org.cfqnn.io.JsonNodes;
import org.junit.jupiter.api.Test;

/**
 * Model files written before {@code cfqnn-model/2} (src/test/resources/models-v1: a graph and a paper
 * system at M=4, K=3, N=2, with what {@code cfqnn evaluate --method qnn} printed for three snapshots at
 * the time) still load and decode to the same assignment, precoders and rates.
 */
class ModelCompatibilityTest {

    private static final Path FIXTURE = Path.of("src/test/resources/models-v1");

    @Test
    void versionOneModelFilesDecodeAsTheyDidWhenWritten() throws IOException {
        List<String> lines = Files.readAllLines(FIXTURE.resolve("expected.jsonl"));
        assertThat(lines).hasSize(6);
        for (String line : lines) {
            JsonNode e = JsonNodes.MAPPER.readTree(line);
            CliRunner r = CliRunner.run("evaluate", "--channel", FIXTURE.resolve(e.get("channel").asText()).toString(),
                    "--method", "qnn", "--model", FIXTURE.resolve(e.get("model").asText()).toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(JsonNodes.MAPPER.readTree(r.out())).as(line).isEqualTo(e.get("result"));
        }
    }
}
