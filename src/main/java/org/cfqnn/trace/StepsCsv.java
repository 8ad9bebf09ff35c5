package org.cfqnn.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cfqnn.input.InvalidInputException;

/**
 * The deadline misses per step of a run's {@code steps.csv} ({@code sweep,protocol,step,...,fallbacks,...}):
 * the number of APs that transmitted a fallback precoder because theirs was not there at the transmit
 * instant. Columns are found by name (a misses column may be called {@code fallbacks}, {@code misses} or
 * {@code deadlineMisses}; {@code sweep} and {@code qnn} are optional), so added columns do not break it. Runs
 * are named {@code protocol[ qnn][ @ sweep]}; {@link #sameRun} matches them to the trace's run names, which
 * have been written both as {@code protocol@sweep} and as {@code protocol qnn @ sweep}.
 */
public final class StepsCsv {

    private static final List<String> MISS_COLUMNS = List.of("fallbacks", "misses", "deadlineMisses");

    private StepsCsv() {
    }

    /** Run name -> (step as written in the CSV -> misses), in file order of runs. */
    public static Map<String, TreeMap<Long, Long>> misses(Path file) {
        if (!Files.isRegularFile(file)) {
            throw InvalidInputException.of(file.toString(), "no such steps file");
        }
        Map<String, TreeMap<Long, Long>> out = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String head = in.readLine();
            if (head == null) {
                throw InvalidInputException.of(file.toString(), "empty, expected a header line");
            }
            List<String> names = split(head);
            int sweep = names.indexOf("sweep");
            int qnn = names.indexOf("qnn");
            int protocol = required(file, names, List.of("protocol"));
            int step = required(file, names, List.of("step"));
            int miss = required(file, names, MISS_COLUMNS);
            String line;
            long n = 1;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = split(line);
                if (f.size() < names.size()) {
                    throw InvalidInputException.of(file + " line " + n, "has " + f.size() + " fields, the header "
                            + names.size() + " (truncated?)");
                }
                String run = f.get(protocol) + (qnn < 0 || f.get(qnn).isEmpty() ? "" : " " + f.get(qnn))
                        + (sweep < 0 || f.get(sweep).isEmpty() ? "" : " @ " + f.get(sweep));
                out.computeIfAbsent(run, r -> new TreeMap<>())
                        .put(number(file, n, names.get(step), f.get(step)), number(file, n, names.get(miss), f.get(miss)));
            }
        } catch (IOException e) {
            throw InvalidInputException.of(file.toString(), "cannot read: " + e.getMessage());
        }
        return out;
    }

    /** Whether a run name from steps.csv and one from the trace name the same run: equal but for blanks. */
    public static boolean sameRun(String a, String b) {
        return key(a).equals(key(b));
    }

    /** A run name without blanks, for matching. */
    static String key(String run) {
        return run.replaceAll("\\s+", "");
    }

    private static int required(Path file, List<String> names, List<String> any) {
        for (String a : any) {
            int i = names.indexOf(a);
            if (i >= 0) {
                return i;
            }
        }
        throw InvalidInputException.of(file.toString(), "no column " + String.join(" or ", any) + " in the header "
                + String.join(",", names));
    }

    private static long number(Path file, long line, String column, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(file + " line " + line + ": " + column, value, "must be an integer");
        }
    }

    /** Fields of one CSV line; double quotes enclose fields with commas ({@code "[0,1,2,0]"}), "" is a quote. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }
}
