package org.cfqnn.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cfqnn.emulator.Emulation;
import org.cfqnn.emulator.EmulatorRunner;
import org.cfqnn.emulator.network.Traffic;
import org.cfqnn.emulator.record.BreakdownStats;
import org.cfqnn.emulator.record.Recorder;
import org.cfqnn.io.JsonNodes;
import org.cfqnn.protocol.Protocol;
import org.cfqnn.scenario.ScenarioSettings;

/**
 * The outputs of {@code cfqnn run} beyond the streamed CSV and trace: {@code summary.json}, the plots
 * and {@code report.html} (one self-contained page: plots inlined, tables, message sequence chart).
 * {@code summary.json} is identical for identical seeds in virtual time except for its
 * {@code performance} block (wall-clock measurements).
 */
public final class EmulatorReport {

    private EmulatorReport() {
    }

    /** A run's label in tables and plots: the protocol, its QNN system, and the sweep value when there is one. */
    public static String label(Emulation.Outcome o) {
        return o.label();
    }

    public static ObjectNode summary(EmulatorRunner.Report report, String scenario, String sweepKey) {
        ScenarioSettings s = report.points().get(0).settings();
        ObjectNode root = JsonNodes.MAPPER.createObjectNode();
        root.put("scenario", scenario);
        root.put("seed", s.seed());
        root.put("clock", s.emulator().clock().label());
        root.set("model", JsonNodes.MAPPER.valueToTree(s.radio()));
        root.put("cloudAnsatz", s.cloud().ansatz());
        root.put("edgeAnsatz", s.edge().ansatz());
        ArrayNode systems = root.putArray("qnnSystems");
        for (ScenarioSettings.QnnSystem q : s.systems()) {
            ObjectNode x = systems.addObject();
            x.put("name", q.name());
            x.put("cloudAnsatz", q.cloud().ansatz());
            x.put("edgeAnsatz", q.edge().ansatz());
        }
        root.put("steps", s.emulator().steps());
        if (!sweepKey.isEmpty()) {
            ObjectNode sw = root.putObject("sweep");
            sw.put("key", sweepKey);
            ArrayNode values = sw.putArray("values");
            report.points().forEach(p -> values.add(p.value()));
        }
        ArrayNode runs = root.putArray("runs");
        for (Emulation.Outcome o : report.outcomes()) {
            Recorder.Results r = o.results();
            ObjectNode run = runs.addObject();
            run.put("protocol", o.protocol().label());
            if (!o.system().isEmpty()) {
                run.put("qnn", o.system());
            }
            run.put("label", o.label());
            run.put("seed", o.seed());
            if (!o.sweepValue().isEmpty()) {
                run.put("sweepValue", o.sweepValue());
            }
            run.put("steps", r.steps());
            ObjectNode min = run.putObject("minRate");
            min.put("mean", r.meanMinRate());
            min.put("p5", r.p5MinRate());
            min.put("p50", r.p50MinRate());
            min.put("p95", r.p95MinRate());
            ObjectNode sum = run.putObject("sumRate");
            sum.put("mean", r.meanSumRate());
            sum.put("p50", r.p50SumRate());
            run.put("unservedPerStep", r.meanUnserved());
            run.put("deadlineMisses", r.fallbacks());
            run.put("missRate", (double) r.fallbacks() / (r.steps() * nAp(report, o)));
            ObjectNode lat = run.putObject("protocolLatencyUs");
            lat.put("mean", r.latencyMeanUs());
            lat.put("p50", r.latencyP50Us());
            lat.put("p99", r.latencyP99Us());
            lat.put("max", r.latencyMaxUs());
            lat.put("samples", r.latencySamples());
            lat.put("late", r.late());
            ObjectNode parts = run.putObject("latencyBreakdownUs"); // the means add up to protocolLatencyUs.mean
            for (BreakdownStats.Part p : r.latencyBreakdown()) {
                ObjectNode x = parts.putObject(p.name());
                x.put("mean", p.meanUs());
                x.put("p99", p.p99Us());
            }
            Traffic.Count dep = o.traffic().deployment();
            run.put("messagesPerStep", (double) dep.messages() / r.steps());
            run.put("bytesPerStep", (double) dep.bytes() / r.steps());
            run.put("lostMessages", dep.lost());
            ObjectNode byType = run.putObject("messagesByType");
            o.traffic().deploymentByType().forEach((t, c) -> byType.put(t, c.messages()));
            ObjectNode phases = run.putObject("messagesByPhase");
            o.traffic().byPhase().forEach((t, c) -> phases.put(t, c.messages()));
            ObjectNode restarts = run.putObject("restarts");
            o.restarts().forEach(restarts::put);
            if (!r.outages().isEmpty()) {
                run.set("outages", outages(o));
            }
        }
        if (s.emulator().replications() > 1) {
            root.put("replications", s.emulator().replications());
            root.set("aggregates", aggregates(report.outcomes(), o -> nAp(report, o)));
        }
        ObjectNode perf = root.putObject("performance");
        perf.put("wallSeconds", report.wallSeconds());
        ArrayNode nodes = perf.putArray("nodes");
        report.nodes().forEach(nodes::add);
        ArrayNode tr = perf.putArray("training");
        for (EmulatorRunner.Training t : report.trainings()) {
            ObjectNode x = tr.addObject();
            x.put("mode", t.mode());
            x.put("qnn", t.system());
            x.put("cloudAnsatz", t.cloudAnsatz());
            x.put("edgeAnsatz", t.edgeAnsatz());
            x.put("wallSeconds", t.seconds());
            if (t.mode().equals("emulate")) {
                x.put("emulatedSeconds", t.virtualSeconds()); // Algorithm 1's phases in the emulated network's time
            }
        }
        ArrayNode pr = perf.putArray("runs");
        for (Emulation.Outcome o : report.outcomes()) {
            ObjectNode x = pr.addObject();
            x.put("run", label(o));
            x.put("wallSeconds", o.wallSeconds());
            x.put("deploymentStepsPerSecond", o.stepsPerSecond());
            x.put("messagesPerSecond", o.traffic().messages() / o.wallSeconds());
            x.put("syncRoundsPerStep", o.syncRoundsPerStep()); // rounds of the clock across cluster nodes
            ObjectNode hops = x.putObject("hopsUs");
            hops(hops.putObject("inNode"), o.traffic().inNodeHops());
            hops(hops.putObject("crossNode"), o.traffic().crossNodeHops());
        }
        return root;
    }

    /** One protocol (with its QNN system and sweep value) over every replication. */
    public record Aggregate(Emulation.Outcome first, Stats.Interval minRate, Stats.Interval sumRate,
                            Stats.Interval missRate, Stats.Interval latencyMeanUs, Stats.Interval latencyP50Us,
                            Stats.Interval unserved) {
    }

    /** The runs grouped by protocol, QNN system and sweep value across seeds, in order of first appearance. */
    public static List<Aggregate> aggregate(List<Emulation.Outcome> outcomes, int nAp) {
        return aggregate(outcomes, o -> nAp);
    }

    /** As above, each run's miss rate over its own number of APs (a sweep over network sizes). */
    public static List<Aggregate> aggregate(List<Emulation.Outcome> outcomes,
                                            java.util.function.ToIntFunction<Emulation.Outcome> nAp) {
        Map<String, List<Emulation.Outcome>> groups = new LinkedHashMap<>();
        for (Emulation.Outcome o : outcomes) {
            groups.computeIfAbsent(o.label(), k -> new ArrayList<>()).add(o);
        }
        List<Aggregate> out = new ArrayList<>();
        for (List<Emulation.Outcome> g : groups.values()) {
            out.add(new Aggregate(g.get(0), ci(g, o -> o.results().meanMinRate()), ci(g, o -> o.results().meanSumRate()),
                    ci(g, o -> (double) o.results().fallbacks() / (o.results().steps() * nAp.applyAsInt(o))),
                    ci(g, o -> o.results().latencyMeanUs()), ci(g, o -> o.results().latencyP50Us()),
                    ci(g, o -> o.results().meanUnserved())));
        }
        return out;
    }

    private static Stats.Interval ci(List<Emulation.Outcome> g, java.util.function.ToDoubleFunction<Emulation.Outcome> f) {
        return Stats.confidence95(g.stream().mapToDouble(f).toArray());
    }

    /** The number of APs of the sweep point a run belongs to. */
    public static int nAp(EmulatorRunner.Report report, Emulation.Outcome o) {
        for (EmulatorRunner.Point p : report.points()) {
            if (p.value().equals(o.sweepValue())) {
                return p.settings().radio().nAp();
            }
        }
        return report.points().get(0).settings().radio().nAp();
    }

    private static ArrayNode aggregates(List<Emulation.Outcome> outcomes,
                                        java.util.function.ToIntFunction<Emulation.Outcome> nAp) {
        ArrayNode out = JsonNodes.MAPPER.createArrayNode();
        for (Aggregate a : aggregate(outcomes, nAp)) {
            ObjectNode x = out.addObject();
            x.put("label", a.first().label());
            x.put("protocol", a.first().protocol().label());
            if (!a.first().system().isEmpty()) {
                x.put("qnn", a.first().system());
            }
            if (!a.first().sweepValue().isEmpty()) {
                x.put("sweepValue", a.first().sweepValue());
            }
            x.put("replications", a.minRate().n());
            interval(x.putObject("minRate"), a.minRate());
            interval(x.putObject("sumRate"), a.sumRate());
            interval(x.putObject("missRate"), a.missRate());
            interval(x.putObject("unservedPerStep"), a.unserved());
            ObjectNode lat = x.putObject("protocolLatencyUs");
            interval(lat.putObject("mean"), a.latencyMeanUs());
            interval(lat.putObject("p50"), a.latencyP50Us());
        }
        return out;
    }

    /** {"mean": m, "ci95": h}: the mean across seeds and the half-width of its 95 % confidence interval. */
    private static void interval(ObjectNode n, Stats.Interval i) {
        n.put("mean", i.mean());
        n.put("ci95", i.halfWidth());
    }

    /** Wall-clock time of the hops between entities and the network: count and percentiles in microseconds. */
    private static void hops(ObjectNode n, Traffic.Hops h) {
        n.put("count", h == null ? 0 : h.count());
        if (h != null && h.count() > 0) {
            n.put("p50", h.p50());
            n.put("p99", h.p99());
            n.put("max", h.max());
        }
    }

    /**
     * The nodes lost in a run: what the recorder measured (steps) and, when seen, how long after the node
     * said it was dying the cluster found it unreachable, removed it, and the network lost its entities.
     */
    private static ArrayNode outages(Emulation.Outcome o) {
        ArrayNode out = JsonNodes.MAPPER.createArrayNode();
        for (Recorder.Outage w : o.results().outages()) {
            ObjectNode x = out.addObject();
            x.put("node", w.node());
            ArrayNode e = x.putArray("entities");
            w.entities().forEach(e::add);
            x.put("lostAtStep", w.lostAtStep());
            if (w.reassignedAtStep() >= 0) {
                x.put("reassignedAtStep", w.reassignedAtStep());
            } else {
                x.putNull("reassignedAtStep");
            }
            x.put("windowSteps", w.windowSteps());
            x.put("unservedUserStepsInWindow", w.unservedUserSteps());
            x.put("fallbacksInWindow", w.fallbacks());
            for (Emulation.NodeLoss l : o.nodeLosses()) {
                if (l.node().equals(w.node()) && l.dyingMicros() > 0) {
                    seconds(x, "killedToUnreachableSeconds", l.dyingMicros(), l.unreachableMicros());
                    seconds(x, "killedToRemovedSeconds", l.dyingMicros(), l.removedMicros());
                    seconds(x, "killedToEntitiesLostSeconds", l.dyingMicros(), l.entitiesLostMicros());
                }
            }
        }
        return out;
    }

    /** The QNN systems the runs deploy, as cloud/edge ansatz pairs. */
    private static String systems(JsonNode summary) {
        JsonNode q = summary.get("qnnSystems");
        if (q != null && q.isArray() && q.size() > 0) {
            List<String> names = new ArrayList<>();
            q.forEach(n -> names.add("<b>" + esc(n.isTextual() ? n.asText() : n.path("name").asText(n.toString())) + "</b>"));
            return "QNN systems (cloud/edge ansatz) " + String.join(", ", names);
        }
        return "cloud ansatz <b>" + summary.get("cloudAnsatz").asText() + "</b>, edge ansatz <b>"
                + summary.get("edgeAnsatz").asText() + "</b>";
    }

    private static void seconds(ObjectNode x, String key, long from, long to) {
        if (to > 0) {
            x.put(key, (to - from) / 1e6);
        }
    }

    /**
     * Mean min rate over time per run, from the streamed CSV: at most 40 points per run, each the mean of
     * at least 20 steps (a single step's min rate is as random as its channel); few enough for markers and
     * dash patterns to show, so runs with the same rates (centralized and non-centralized) stay visible.
     */
    public static Path ratesOverTime(Path stepsCsv, int steps, Path png, java.util.Set<Plots.Format> formats) {
        int buckets = Math.max(1, Math.min(40, steps / 20));
        int width = (steps + buckets - 1) / buckets;
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(stepsCsv, StandardCharsets.UTF_8)) {
            List<String> header = List.of(in.readLine().split(","));
            int sweep = header.indexOf("sweep");
            int protocol = header.indexOf("protocol");
            int qnn = header.indexOf("qnn");
            int step = header.indexOf("step");
            int minRate = header.indexOf("minRate");
            String line;
            while ((line = in.readLine()) != null) { // the columns before the quoted assignment hold no commas
                String[] f = line.split(",", -1);
                String key = Emulation.label(Protocol.parse("protocol", f[protocol]), f[qnn], f[sweep]);
                int b = Integer.parseInt(f[step]) / width;
                sums.computeIfAbsent(key, k -> new double[buckets])[b] += Double.parseDouble(f[minRate]);
                counts.computeIfAbsent(key, k -> new int[buckets])[b]++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double[] x = new double[buckets];
        for (int b = 0; b < buckets; b++) {
            x[b] = b * width + width / 2.0;
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        sums.forEach((k, s) -> {
            double[] y = new double[buckets];
            for (int b = 0; b < buckets; b++) {
                y[b] = counts.get(k)[b] == 0 ? Double.NaN : s[b] / counts.get(k)[b];
            }
            series.put(k, y);
        });
        Plots.save(Plots.lines("Min user rate over the deployment (mean per " + width + " steps)", "step",
                "min rate (bit/s/Hz)", x, series), png, formats);
        return png;
    }

    /** Protocol latency CDFs (CSI measured -> precoder at the AP) of the runs given. */
    public static Path latencyCdf(List<Emulation.Outcome> outcomes, Path png, java.util.Set<Plots.Format> formats) {
        var chart = Plots.chart("Protocol latency: CSI at the AP -> precoder at the AP", "latency (us)", "CDF");
        for (Emulation.Outcome o : outcomes) {
            long[] q = o.results().latencyCdfNanos();
            if (o.results().latencySamples() == 0) {
                continue;
            }
            double[] x = new double[q.length];
            double[] y = new double[q.length];
            for (int p = 0; p < q.length; p++) {
                x[p] = q[p] / 1e3;
                y[p] = p / 100.0;
            }
            Plots.add(chart, label(o), x, y).setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        }
        Plots.save(chart, png, formats);
        return png;
    }

    /**
     * One metric against the sweep values, a line per protocol; with replications, the mean across seeds
     * with its 95 % confidence interval as error bars.
     */
    public static Path sweep(EmulatorRunner.Report report, String key, String metric, Path png,
                             java.util.Set<Plots.Format> formats) {
        Map<String, List<Stats.Interval>> byProtocol = new LinkedHashMap<>();
        for (Aggregate a : aggregate(report.outcomes(), o -> nAp(report, o))) {
            Stats.Interval v = switch (metric) {
                case "minRate" -> a.minRate();
                case "missRate" -> a.missRate();
                default -> a.latencyP50Us();
            };
            byProtocol.computeIfAbsent(Emulation.label(a.first().protocol(), a.first().system(), ""),
                    k -> new ArrayList<>()).add(v);
        }
        double[] x = new double[report.points().size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = numeric(report.points().get(i).value(), i);
        }
        String y = switch (metric) {
            case "minRate" -> "mean min rate (bit/s/Hz)";
            case "missRate" -> "deadline miss rate";
            default -> "protocol latency p50 (us)";
        };
        var chart = Plots.chart(y + " vs " + key, key + unit(report.points().get(0).value()), y);
        boolean replicated = report.points().get(0).settings().emulator().replications() > 1;
        byProtocol.forEach((p, v) -> {
            double[] mean = v.stream().mapToDouble(Stats.Interval::mean).toArray();
            if (replicated) {
                Plots.add(chart, p, x, mean, v.stream().mapToDouble(Stats.Interval::halfWidth).toArray());
            } else {
                Plots.add(chart, p, x, mean);
            }
        });
        Plots.save(chart, png, formats);
        return png;
    }

    /** A sweep value as a number for the x axis: durations in microseconds, numbers as they are. */
    static double numeric(String value, int fallback) {
        String v = value.trim().replace("\"", "");
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            try {
                return com.typesafe.config.ConfigFactory.parseString("d = " + v).getDuration("d").toNanos() / 1e3;
            } catch (RuntimeException x) {
                return fallback;
            }
        }
    }

    private static String unit(String value) {
        try {
            Double.parseDouble(value.trim());
            return "";
        } catch (NumberFormatException e) {
            return " (us)";
        }
    }

    /** report.html: one page, plots inlined as data URIs. */
    public static void html(EmulatorRunner.Report report, ObjectNode summary, List<Path> plots, String sequenceSvg,
                            Path out) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>cfqnn run: ")
                .append(esc(summary.get("scenario").asText())).append("</title><style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;margin:1em 0}")
                .append("td,th{border:1px solid #bbb;padding:4px 8px;text-align:right}th{background:#eee}")
                .append("td:first-child{text-align:left}img{max-width:100%;border:1px solid #ddd;margin:.5em 0}")
                .append("</style></head><body>");
        h.append("<h1>cfqnn run: ").append(esc(summary.get("scenario").asText())).append("</h1>");
        JsonNode model = summary.get("model");
        h.append("<p>M = ").append(model.get("nAp")).append(" APs, K = ").append(model.get("nUser")).append(" users, N = ")
                .append(model.get("nTx")).append(" antennas, rho = ")
                .append(String.format("%.1f dB", 10 * Math.log10(model.get("rho").asDouble()))).append(", mu = ")
                .append(model.get("mu")).append("; ").append(systems(summary)).append("; ")
                .append(summary.get("steps")).append(" deployment steps per run, ").append(summary.get("clock").asText())
                .append(" clock, seed ").append(summary.get("seed")).append(".</p>");
        h.append("<h2>Results</h2><table><tr><th>run</th><th>mean min rate</th><th>p5 min rate</th><th>mean sum rate</th>")
                .append("<th>unserved / step</th><th>deadline misses</th><th>latency p50 (us)</th><th>p99</th><th>max</th>")
                .append("<th>messages / step</th><th>bytes / step</th><th>restarts</th></tr>");
        for (JsonNode r : summary.get("runs")) {
            String name = r.get("label").asText();
            h.append("<tr><td>").append(esc(name)).append("</td>")
                    .append(cell(r.at("/minRate/mean"))).append(cell(r.at("/minRate/p5"))).append(cell(r.at("/sumRate/mean")))
                    .append(cell(r.get("unservedPerStep"))).append("<td>").append(r.get("deadlineMisses").asLong())
                    .append(String.format(" (%.1f%%)", 100 * r.get("missRate").asDouble())).append("</td>")
                    .append(cell(r.at("/protocolLatencyUs/p50"))).append(cell(r.at("/protocolLatencyUs/p99")))
                    .append(cell(r.at("/protocolLatencyUs/max"))).append(cell(r.get("messagesPerStep")))
                    .append(cell(r.get("bytesPerStep"))).append("<td>").append(esc(restarts(r.get("restarts"))))
                    .append("</td></tr>");
        }
        h.append("</table>");
        StringBuilder outages = new StringBuilder();
        for (JsonNode r : summary.get("runs")) {
            for (JsonNode w : r.path("outages")) {
                outages.append("<tr><td>").append(esc(r.get("label").asText())).append("</td><td>")
                        .append(esc(w.get("node").asText())).append("</td><td>").append(esc(w.get("entities").toString()))
                        .append("</td><td>").append(w.get("lostAtStep")).append("</td><td>")
                        .append(w.get("reassignedAtStep").isNull() ? "never" : w.get("reassignedAtStep").toString())
                        .append("</td><td>").append(w.get("windowSteps")).append("</td><td>")
                        .append(w.get("unservedUserStepsInWindow")).append("</td><td>").append(w.get("fallbacksInWindow"))
                        .append("</td>").append(cell(w.get("killedToUnreachableSeconds")))
                        .append(cell(w.get("killedToRemovedSeconds"))).append("</td></tr>");
            }
        }
        if (outages.length() > 0) {
            h.append("<h3>Lost nodes</h3><p>The outage window runs from the first step the lost node's entities missed "
                    + "to the first step the cloud's assignment left them out (never: the cloud itself was lost; the APs "
                    + "kept the last assignment with fallback precoders).</p><table><tr><th>run</th><th>node</th>"
                    + "<th>entities</th><th>lost at step</th><th>reassigned at step</th><th>window (steps)</th>"
                    + "<th>unserved user-steps in window</th><th>fallbacks in window</th><th>killed -> unreachable (s)</th>"
                    + "<th>killed -> removed (s)</th></tr>").append(outages).append("</table>");
        }
        h.append("<p>Latency: from the CSI measured at an AP to that step's precoder at the AP (classical protocols: the "
                + "assignment, MR is computed at the AP). A miss: the precoder was not there at the transmit instant; the AP "
                + "used its fallback.</p>");
        h.append("<p>Latency breakdown (<code>latencyBreakdownUs</code> in summary.json, the stacked bars below): each "
                + "(step, AP) latency split along that AP's chain (CSI, cloud, assignment, edge, precoder) into the links' "
                + "latency, jitter, serialization and FIFO queue, the cloud's wait for the other APs' CSI (collection "
                + "wait), waiting for a QPU or the cloud's processor, circuits (quantum) and classical work; runtime is "
                + "what the real clock adds (0 in virtual time). The parts' means add up to the mean latency.</p>");
        h.append("<h3>Performance</h3><p>Nodes: ").append(esc(summary.at("/performance/nodes").toString()))
                .append("</p><table><tr><th>run</th><th>wall time (s)</th><th>deployment steps / s</th>")
                .append("<th>messages / s</th><th>hop p50 in node (us)</th><th>hop p50 across nodes (us)</th>")
                .append("<th>hop p99 across nodes (us)</th></tr>");
        for (JsonNode r : summary.at("/performance/runs")) {
            h.append("<tr><td>").append(esc(r.get("run").asText())).append("</td>").append(cell(r.get("wallSeconds")))
                    .append(cell(r.get("deploymentStepsPerSecond"))).append(cell(r.get("messagesPerSecond")))
                    .append(cell(r.at("/hopsUs/inNode/p50"))).append(cell(r.at("/hopsUs/crossNode/p50")))
                    .append(cell(r.at("/hopsUs/crossNode/p99"))).append("</tr>");
        }
        h.append("</table>");
        h.append("<h2>Plots</h2>");
        for (Path p : plots) {
            try {
                h.append("<div><img alt=\"").append(esc(p.getFileName().toString())).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(Files.readAllBytes(p))).append("\"></div>");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        h.append("<h2>Message sequence chart</h2>").append(sequenceSvg);
        h.append("</body></html>\n");
        try {
            Files.writeString(out, h.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "none", or "edge-1: 2, cloud: 1". */
    private static String restarts(JsonNode r) {
        if (r == null || r.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        r.fields().forEachRemaining(e -> parts.add(e.getKey() + ": " + e.getValue().asInt()));
        return String.join(", ", parts);
    }

    private static String cell(JsonNode n) {
        return "<td>" + (n == null || n.isMissingNode() ? "" : String.format("%.3f", n.asDouble())) + "</td>";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
