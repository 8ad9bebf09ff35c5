package org.cfqnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.io.JsonNodes;
import org.cfqnn.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cfqnn trace summarize FILE}: message counts and latency percentiles per type. */
@Command(name = "trace", mixinStandardHelpOptions = true, description = "Work with trace.jsonl files.",
        subcommands = TraceCommand.Summarize.class)
public final class TraceCommand {

    @Command(name = "summarize", mixinStandardHelpOptions = true,
            description = "Per run and message type: count, bytes, lost, and send-to-arrival latency percentiles (us).")
    static final class Summarize implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "A trace.jsonl written by cfqnn run.")
        Path file;

        private static final class Stats {
            long count;
            long bytes;
            long lost;
            final Histogram latency = new Histogram(1, 3_600_000_000_000L, 3);
        }

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                throw InvalidInputException.of(file.toString(), "no such trace file");
            }
            Map<String, Stats> byKey = new TreeMap<>();
            long n = 0;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    n++;
                    JsonNode j;
                    try {
                        j = JsonNodes.MAPPER.readTree(line);
                    } catch (IOException e) {
                        throw InvalidInputException.of(file + ":" + n, "not a JSON line: " + e.getMessage());
                    }
                    if (j == null || !j.has("type") || !j.has("t") || !j.has("lost")) {
                        throw InvalidInputException.of(file + ":" + n, "not a trace line (needs run, type, t, arrive, lost)");
                    }
                    String key = j.path("run").asText() + "\t" + j.get("phase").asText() + "\t" + j.get("type").asText();
                    Stats s = byKey.computeIfAbsent(key, k -> new Stats());
                    s.count++;
                    s.bytes += j.get("bytes").asLong();
                    if (j.get("lost").asBoolean()) {
                        s.lost++;
                    } else {
                        s.latency.recordValue(Math.max(1, j.get("arrive").asLong() - j.get("t").asLong()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            TextTable t = new TextTable("run", "phase", "type", "count", "bytes", "lost", "p50 us", "p99 us", "max us");
            byKey.forEach((k, s) -> {
                String[] p = k.split("\t");
                t.row(p[0], p[1], p[2], s.count, s.bytes, s.lost, us(s.latency, 50), us(s.latency, 99),
                        String.format("%.1f", s.latency.getMaxValue() / 1e3));
            });
            spec.commandLine().getOut().print(t);
            spec.commandLine().getOut().printf("%d messages in %s%n", n, file);
            return 0;
        }

        private static String us(Histogram h, double p) {
            return String.format("%.1f", h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(p) / 1e3);
        }
    }
}
