package org.cfqnn.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cfqnn.io.JsonNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceViewerTest {

    private static final Pattern META = Pattern.compile(
            "<script type=\"application/json\" id=\"cfqnn-meta\">(.*?)</script>", Pattern.DOTALL);

    @TempDir
    Path dir;

    static JsonNode meta(String html) throws Exception {
        Matcher m = META.matcher(html);
        assertThat(m.find()).isTrue();
        return JsonNodes.MAPPER.readTree(m.group(1));
    }

    private static int count(String html, String s) {
        int n = 0;
        for (int i = html.indexOf(s); i >= 0; i = html.indexOf(s, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void thePageIsOneSelfContainedFileWithEveryChunk() throws Exception {
        SyntheticTrace.Written written = SyntheticTrace.shared(TraceIndexTest.SMALL);
        Path trace = written.trace();
        SyntheticTrace.Truth truth = written.truth();
        Path page = dir.resolve("out/" + TraceViewer.FILE_NAME);
        TraceViewer.Written w = TraceViewer.write(trace, TraceViewer.stepsBeside(trace), page, TraceReader.Corrupt.FAIL);
        String html = Files.readString(page);
        assertThat(w.bytes()).isEqualTo(Files.size(page));
        assertThat(w.read().messages()).isEqualTo(truth.lines);
        assertThat(w.missedSteps()).isEqualTo(truth.misses.values().stream().mapToInt(Map::size).sum());
        // nothing to fetch: no URLs, no src or href attributes, every placeholder filled
        assertThat(html).doesNotContain("http://", "https://", "src=", "href=", "{{", "import(");
        JsonNode meta = meta(html);
        int chunks = meta.get("chunks").size();
        assertThat(count(html, "<script type=\"application/x-cfqnn-chunk\"")).isEqualTo(chunks);
        for (int i = 0; i < chunks; i++) {
            assertThat(html).contains("id=\"chunk-" + i + "\">");
        }
        assertThat(count(html, "<script")).isEqualTo(chunks + 2);
        assertThat(meta.get("messages").asLong()).isEqualTo(truth.lines);
        assertThat(meta.get("runs")).hasSize(5);
        assertThat(meta.at("/runs/0/missSource").asText()).isEqualTo("steps.csv");
        assertThat(html).contains("new DecompressionStream('deflate')");
    }

    @Test
    void textFromTheTraceCannotEndAScriptOrInjectMarkup() throws Exception {
        Path trace = dir.resolve("weird.jsonl");
        String run = "</script><script>alert(1)</script>{{JS}}";
        Files.writeString(trace, TraceLineParserTest.PILOT.replace("non-centralized", run.replace("\"", "\\\"")) + "\n");
        Path page = dir.resolve("p.html");
        TraceViewer.write(trace, null, page, TraceReader.Corrupt.FAIL);
        String html = Files.readString(page);
        assertThat(count(html, "<script")).isEqualTo(3); // meta, one chunk, the viewer
        assertThat(meta(html).get("strings")).extracting(JsonNode::asText).contains(run);
    }

    @Test
    void placeholdersAreFilledFromTheTemplateOnly() {
        assertThat(TraceViewer.fill("a {{X}} b /*{{Y}}*/ c", Map.of("X", "{{Y}}", "Y", "$1\\")))
                .isEqualTo("a {{Y}} b $1\\ c");
    }

    @Test
    void stepsCsvIsFoundBesideTheTraceOnly() throws Exception {
        Path trace = dir.resolve("t.jsonl");
        assertThat(TraceViewer.stepsBeside(trace)).isNull();
        Files.writeString(dir.resolve("steps.csv"), "protocol,step,fallbacks\n");
        assertThat(TraceViewer.stepsBeside(trace)).isEqualTo(dir.toAbsolutePath().resolve("steps.csv"));
        assertThat(List.of(TraceViewer.linkHtml())).allMatch(s -> s.contains("href=\"" + TraceViewer.FILE_NAME + "\""));
    }
}
