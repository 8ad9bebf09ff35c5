package org.cfqnn.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.cfqnn.io.JsonNodes;
import org.cfqnn.rng.Seed;
import org.junit.jupiter.api.Test;

/**
 * The trace viewer in a real browser: headless Chromium (Debian's {@code /usr/bin/chromium}, or {@code
 * $CFQNN_CHROMIUM}) driven by Playwright from {@code tools/viewer-test} ({@code npm ci} there on first use) on
 * a paper.conf-sized trace (422,005 messages, five protocols, a cut last line). The script does what a user
 * does: load, jump to a step, filter to precoders, click one and read its causal chain, open a missed step,
 * filter to lost and late messages, zoom out and in. Everything it saw is checked here against the trace file
 * itself. Screenshots and the script's findings: {@code target/viewer-test/}.
 */
class TraceViewerIT {

    static final Path OUT = Path.of("target", "viewer-test");
    static final Path TOOL = Path.of("tools", "viewer-test");
    static final String RUN = "non-centralized";
    static final long PAGE_LIMIT_BYTES = 20_000_000;
    static final long SCRIPT_TIMEOUT_S = 240;

    @Test
    void browsesAPaperSizedTraceInHeadlessChromium() throws Exception {
        String chromium = System.getenv().getOrDefault("CFQNN_CHROMIUM", "/usr/bin/chromium");
        if (!Files.isExecutable(Path.of(chromium))) {
            fail("headless Chromium is needed at " + chromium + " (apt-get install chromium, or set CFQNN_CHROMIUM); "
                    + ".ci/run installs it");
        }
        installPlaywright();
        Files.createDirectories(OUT);
        Path trace = OUT.resolve("trace.jsonl");
        SyntheticTrace.Truth truth = SyntheticTrace.write(trace, OUT.resolve("steps.csv"), SyntheticTrace.paper(), new Seed(2024));
        assertThat(truth.lines).isEqualTo(422_005);
        // a run cut short: the last line ends in the middle
        String cut = "{\"run\":\"optimum\",\"t\":2000000000,\"arrive\":20000";
        Files.writeString(trace, cut + "\n", StandardOpenOption.APPEND);

        Path page = OUT.resolve(TraceViewer.FILE_NAME);
        TraceViewer.Written w = TraceViewer.write(trace, OUT.resolve("steps.csv"), page, TraceReader.Corrupt.SKIP);
        assertThat(w.bytes()).isLessThan(PAGE_LIMIT_BYTES);

        long step = truth.misses.get(RUN).firstKey(); // a step whose precoder for one AP comes too late
        Map<Long, Msg> byId = messages(trace, RUN);
        JsonNode r = runScript(page, RUN, "deployment", step, "Precoder");
        Files.writeString(OUT.resolve("page-bytes.txt"), w.bytes() + "\n");
        System.out.printf("trace viewer: page %.1f MB, %d chunks, timings (ms) %s, frames (ms) %s%n", w.bytes() / 1e6,
                r.get("chunks").asInt(), r.get("timingsMs"), r.get("framesMs"));

        assertThat(r.get("errors")).as(r.get("errors").toString()).isEmpty();
        assertThat(r.get("banner").asText()).isEqualTo("1 corrupt line skipped (first: line 422006: truncated: the line "
                + "ends inside the JSON object)");
        // only what is in view is decoded
        assertThat(r.get("chunks").asInt()).isGreaterThan(100);
        assertThat(r.get("decodedAtFirstPaint").asInt()).isBetween(1, 2);

        // the jump shows the whole step
        JsonNode jump = r.get("afterJump");
        assertThat(jump.at("/state/step/step").asLong()).isEqualTo(step);
        Set<Long> stepIds = ids(byId, m -> m.step() == step && m.phase().equals("deployment"));
        assertThat(stepIds).hasSize(31);
        assertThat(idsOf(jump.get("visible"))).containsAll(stepIds);

        // only precoders after the filter, all four of the step's among them
        JsonNode filtered = r.at("/afterFilter/visible");
        assertThat(filtered).isNotEmpty().allMatch(m -> m.get("type").asText().equals("Precoder"));
        assertThat(idsOf(filtered)).containsAll(ids(byId, m -> m.step() == step && m.type().equals("Precoder")));

        // the clicked precoder's details and its causal chain, end to end
        long clicked = r.get("clicked").asLong();
        Msg msg = byId.get(clicked);
        assertThat(msg.type()).isEqualTo("Precoder");
        assertThat(r.at("/details/id").asText()).isEqualTo(Long.toString(clicked));
        assertThat(r.at("/details/type").asText()).isEqualTo("Precoder");
        assertThat(r.at("/details/from → to").asText()).isEqualTo(msg.from() + " → " + msg.to());
        assertThat(longs(r.at("/chain/ancestors"))).containsExactlyElementsOf(ancestors(byId, clicked));
        assertThat(types(byId, longs(r.at("/chain/ancestors")))).containsExactly("Pilot", "Csi", "Assignment");
        assertThat(new HashSet<>(longs(r.at("/chain/descendants")))).isEqualTo(descendants(byId, clicked));
        assertThat(types(byId, longs(r.at("/chain/descendants")))).contains("Transmission");
        assertThat(r.get("chainRows")).hasSize(3 + 1 + r.at("/chain/descendants").size());
        assertThat(r.get("chainTotals").asText()).startsWith("End to end ");

        // the missed steps, listed and one click away
        List<String> expected = new ArrayList<>();
        truth.misses.get(RUN).forEach((s, n) -> expected.add("deployment step " + s + ": " + n + " AP" + (n == 1 ? "" : "s")
                + " missed"));
        assertThat(r.get("missedListed")).extracting(JsonNode::asText).containsExactlyElementsOf(expected);
        assertThat(r.at("/afterMissedClick/state/step/step").asLong()).isEqualTo(truth.misses.get(RUN).firstKey());

        // lost / late only: every message drawn is lost, late or a fallback transmission
        Set<Long> problems = new HashSet<>(truth.late.get(RUN));
        problems.addAll(truth.lost.get(RUN));
        problems.addAll(truth.stale.get(RUN));
        assertThat(r.get("problemsOnly")).isNotEmpty();
        assertThat(idsOf(r.get("problemsOnly"))).isSubsetOf(problems);

        // the whole run is drawn from the step index, nothing decoded; zooming in draws messages again
        assertThat(r.at("/wholeRun/decodedDelta").asInt()).isZero();
        assertThat(r.at("/wholeRun/status").asText()).contains("too many to draw");
        assertThat(r.at("/afterZoom/drawn").asInt()).isPositive();
        assertThat(r.at("/afterZoom/decodedNow").asInt()).isLessThanOrEqualTo(48);
        Files.delete(trace); // 120 MB; the page, the screenshots and the script's findings stay
        for (String shot : new String[] {"01-first-paint", "02-jump-to-step", "03-filter-Precoder", "04-causal-chain",
            "05-missed-step", "06-whole-run", "07-zoomed-in"}) {
            assertThat(OUT.resolve(shot + ".png")).isNotEmptyFile();
        }
    }

    /** {@code npm ci} in tools/viewer-test when its node_modules is missing (the lock file pins playwright-core). */
    private static void installPlaywright() throws Exception {
        if (Files.isDirectory(TOOL.resolve("node_modules/playwright-core"))) {
            return;
        }
        Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(TOOL.toFile())
                .redirectErrorStream(true).redirectOutput(OUT.resolveSibling("npm-ci.log").toFile()).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("npm ci finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(OUT.resolveSibling("npm-ci.log"))).isZero();
    }

    private static JsonNode runScript(Path page, String run, String phase, long step, String type) throws Exception {
        List<String> cmd = List.of("node", TOOL.resolve("test.mjs").toString(), "--page", page.toString(), "--out",
                OUT.toString(), "--run", run, "--phase", phase, "--step", Long.toString(step), "--type", type,
                "--chromium", System.getenv().getOrDefault("CFQNN_CHROMIUM", "/usr/bin/chromium"));
        Path log = OUT.resolve("test-mjs.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(SCRIPT_TIMEOUT_S, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("test.mjs did not finish in " + SCRIPT_TIMEOUT_S + " s: " + Files.readString(log));
        }
        Path result = OUT.resolve("result.json");
        assertThat(result).as("test.mjs output: " + Files.readString(log)).exists();
        return JsonNodes.MAPPER.readTree(result.toFile());
    }

    /** What the checks need of a message. */
    private record Msg(String type, String from, String to, String phase, long step, long cause) {
    }

    /** The messages of one run by id, read straight from the file. */
    private static Map<Long, Msg> messages(Path trace, String run) throws IOException {
        Map<Long, Msg> out = new HashMap<>();
        String prefix = "{\"run\":\"" + run + "\"";
        try (BufferedReader in = Files.newBufferedReader(trace, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(prefix) && line.endsWith("}")) {
                    JsonNode j = JsonNodes.MAPPER.readTree(line);
                    out.put(j.get("id").asLong(), new Msg(j.get("type").asText(), j.get("from").asText(),
                            j.get("to").asText(), j.get("phase").asText(), j.get("step").asLong(), j.get("cause").asLong()));
                }
            }
        }
        return out;
    }

    private interface Match {
        boolean test(Msg m);
    }

    private static Set<Long> ids(Map<Long, Msg> byId, Match match) {
        Set<Long> out = new HashSet<>();
        byId.forEach((id, m) -> {
            if (match.test(m)) {
                out.add(id);
            }
        });
        return out;
    }

    private static Set<Long> idsOf(JsonNode visible) {
        Set<Long> out = new LinkedHashSet<>();
        visible.forEach(m -> out.add(m.get("id").asLong()));
        return out;
    }

    private static List<Long> longs(JsonNode a) {
        List<Long> out = new ArrayList<>();
        a.forEach(x -> out.add(x.asLong()));
        return out;
    }

    private static List<String> types(Map<Long, Msg> byId, List<Long> ids) {
        return ids.stream().map(id -> byId.get(id).type()).toList();
    }

    /** Causes followed while they are messages, root first. */
    private static List<Long> ancestors(Map<Long, Msg> byId, long id) {
        ArrayDeque<Long> out = new ArrayDeque<>();
        Msg m = byId.get(id);
        while (m != null && byId.containsKey(m.cause())) {
            out.addFirst(m.cause());
            m = byId.get(m.cause());
        }
        return List.copyOf(out);
    }

    /** Every message whose chain of causes reaches {@code id}. */
    private static Set<Long> descendants(Map<Long, Msg> byId, long id) {
        Map<Long, List<Long>> effects = new TreeMap<>();
        byId.forEach((k, m) -> effects.computeIfAbsent(m.cause(), c -> new ArrayList<>()).add(k));
        Set<Long> out = new HashSet<>();
        ArrayDeque<Long> todo = new ArrayDeque<>(List.of(id));
        while (!todo.isEmpty()) {
            for (long e : effects.getOrDefault(todo.poll(), List.of())) {
                if (out.add(e)) {
                    todo.add(e);
                }
            }
        }
        return out;
    }
}
