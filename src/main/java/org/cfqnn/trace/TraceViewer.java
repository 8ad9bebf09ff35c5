package org.cfqnn.trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cfqnn.io.AtomicFiles;

/**
 * Writes the interactive trace viewer: one self-contained HTML page (no server, no network: page, script,
 * style and data in one file) that a browser opens from disk. The data is the whole trace in compressed
 * chunks of whole steps ({@link ViewerData}); the page decodes only the chunks in view, with the browser's
 * {@code DecompressionStream}.
 */
public final class TraceViewer {

    private static final Pattern PLACEHOLDER = Pattern.compile("/\\*\\{\\{(\\w+)}}\\*/|\\{\\{(\\w+)}}");

    /** The page's file name in a run's output directory. */
    public static final String FILE_NAME = "trace-viewer.html";

    /**
     * What was written.
     *
     * @param missedSteps steps with at least one deadline miss
     */
    public record Written(Path page, long bytes, TraceReader.Result read, int steps, long missedSteps) {
    }

    private TraceViewer() {
    }

    /**
     * Reads {@code trace} (and {@code stepsCsv} for the deadline misses, when not null) and writes the page.
     */
    public static Written write(Path trace, Path stepsCsv, Path page, TraceReader.Corrupt policy) {
        Map<String, TreeMap<Long, Long>> misses = stepsCsv == null ? Map.of() : StepsCsv.misses(stepsCsv);
        TraceTable table = new TraceTable();
        TraceReader.Result read = TraceReader.read(trace, policy, table::add);
        TraceIndex index = new TraceIndex(table, misses);
        Path name = trace.toAbsolutePath().normalize();
        String title = (name.getParent() == null ? "" : name.getParent().getFileName() + "/") + name.getFileName();
        ViewerData data = new ViewerData(index, read, title);
        byte[] html = html(data, title).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(page, html);
        long missed = index.steps.stream().filter(s -> s.misses() > 0).count();
        return new Written(page, html.length, read, index.steps.size(), missed);
    }

    /** A link to the page for report.html. */
    public static String linkHtml() {
        return "<p>Every message of every run, with zoom, filters and causal chains: <a href=\"" + FILE_NAME
                + "\">" + FILE_NAME + "</a>.</p>";
    }

    private static String html(ViewerData data, String title) {
        String template = resource("viewer.html");
        StringBuilder chunks = new StringBuilder(data.chunks.stream().mapToInt(String::length).sum() + 64 * data.chunks.size());
        for (int i = 0; i < data.chunks.size(); i++) {
            chunks.append("<script type=\"application/x-cfqnn-chunk\" id=\"chunk-").append(i).append("\">")
                    .append(data.chunks.get(i)).append("</script>\n");
        }
        // no '<' at all inside the script element: "</script" would end it, "<!--" would change how it is parsed
        String meta = data.meta.toString().replace("<", "\\u003c");
        return fill(template, Map.of("TITLE", escape(title), "CSS", resource("viewer.css"), "META", meta,
                "CHUNKS", chunks.toString(), "JS", resource("viewer.js")));
    }

    /**
     * The template with each {@code {{NAME}}} (or {@code /*{{NAME}}*}{@code /}, which keeps the template valid
     * CSS and JS) replaced; only the template is scanned, never the values put in.
     */
    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + values.values().stream().mapToInt(String::length).sum());
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String v = values.get(name);
            if (v == null) {
                throw new IllegalStateException("no value for {{" + name + "}} in the viewer template");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String resource(String name) {
        try (InputStream in = TraceViewer.class.getResourceAsStream("/viewer/" + name)) {
            if (in == null) {
                throw new IllegalStateException("resource /viewer/" + name + " missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The steps.csv beside a trace, or null when there is none. */
    public static Path stepsBeside(Path trace) {
        Path parent = trace.toAbsolutePath().getParent();
        Path csv = parent == null ? null : parent.resolve("steps.csv");
        return csv != null && Files.isRegularFile(csv) ? csv : null;
    }
}
