package org.cfqnn.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.cfqnn.input.InvalidInputException;

/**
 * Reads a trace file line by line. A corrupt line (truncated, not JSON, not a trace line) is either an
 * error naming the file and line number ({@link Corrupt#FAIL}) or skipped and counted ({@link Corrupt#SKIP}),
 * the first one remembered for the warning; blank lines are ignored. A file with no message at all is an
 * error either way.
 */
public final class TraceReader {

    /** What to do with a corrupt line. */
    public enum Corrupt { FAIL, SKIP }

    /**
     * What a read found.
     *
     * @param firstCorruptLine 1-based line number of the first corrupt line, 0 when there was none
     */
    public record Result(Path file, long lines, long messages, long stepRecords, long corrupt, long firstCorruptLine,
                         String firstProblem) {

        /** One line for the user, or empty when nothing was skipped. */
        public String warning() {
            if (corrupt == 0) {
                return "";
            }
            return "warning: " + file + ": " + corrupt + " corrupt line" + (corrupt == 1 ? "" : "s") + " skipped (first: line "
                    + firstCorruptLine + ": " + firstProblem + ")";
        }
    }

    private TraceReader() {
    }

    /** Reads {@code file}, handing every message and step record to {@code sink} in file order. */
    public static Result read(Path file, Corrupt policy, Consumer<TraceEntry> sink) {
        return readWhile(file, policy, e -> {
            sink.accept(e);
            return true;
        });
    }

    /** Like {@link #read}, but stops (without reading further) after {@code sink} returns false. */
    public static Result readWhile(Path file, Corrupt policy, Predicate<TraceEntry> sink) {
        if (!Files.isRegularFile(file)) {
            throw InvalidInputException.of(file.toString(), Files.isDirectory(file) ? "is a directory, expected a trace.jsonl"
                    : "no such trace file");
        }
        TraceLineParser parser = new TraceLineParser();
        long n = 0;
        long messages = 0;
        long records = 0;
        long corrupt = 0;
        long first = 0;
        String problem = "";
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                TraceEntry e;
                try {
                    e = parser.parse(line);
                } catch (TraceLineException bad) {
                    if (policy == Corrupt.FAIL) {
                        throw at(file, n, bad.getMessage());
                    }
                    if (corrupt++ == 0) {
                        first = n;
                        problem = bad.getMessage();
                    }
                    continue;
                }
                if (e instanceof TraceMessage) {
                    messages++;
                } else if (e instanceof StepRecord) {
                    records++;
                }
                if (e != null && !sink.test(e)) {
                    break;
                }
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw at(file, n + 1, "not UTF-8 text");
        } catch (IOException e) {
            throw InvalidInputException.of(file.toString(), "cannot read: " + e.getMessage());
        }
        if (messages == 0) {
            throw InvalidInputException.of(file.toString(), "no trace messages in " + n + " line" + (n == 1 ? "" : "s")
                    + (corrupt > 0 ? " (first corrupt: line " + first + ": " + problem + ")" : ""));
        }
        return new Result(file, n, messages, records, corrupt, first, problem);
    }

    private static InvalidInputException at(Path file, long line, String problem) {
        return InvalidInputException.of(file + " line " + line, problem);
    }
}
