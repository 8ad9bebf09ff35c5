package org.cfqnn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cfqnn.cli.CliRunner;
import org.junit.jupiter.api.Test;

/** The repository stands alone: its docs and help link only to what a clone has. */
class ReadmeTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

    private static List<Path> markdown() throws IOException {
        try (Stream<Path> s = Stream.concat(Stream.of(ROOT.resolve("README.md")),
                Stream.concat(Files.walk(ROOT.resolve("docs")), Files.walk(ROOT.resolve("scenarios"))))) {
            return s.filter(p -> p.toString().endsWith(".md")).toList();
        }
    }

    @Test
    void relativeLinksPointInsideTheRepositoryAtFilesThatExist() throws IOException {
        List<String> bad = new ArrayList<>();
        for (Path md : markdown()) {
            Matcher m = LINK.matcher(Files.readString(md));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("[a-z]+:.*")) {
                    continue; // https:, mailto:
                }
                Path resolved = md.getParent().resolve(target).normalize();
                if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
                    bad.add(ROOT.relativize(md) + " -> " + target);
                }
            }
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void nothingPointsOutsideTheRepository() throws IOException {
        for (Path md : markdown()) {
            assertThat(Files.readString(md)).as(md.toString()).doesNotContain("../shared", "SPEC.md");
        }
        for (String cmd : List.of("run", "node", "train", "reproduce", "channel", "evaluate", "compare", "circuit",
                "trace", "bench")) {
            CliRunner r = CliRunner.run(cmd, "--help");
            assertThat(r.out() + r.err()).as(cmd).doesNotContain("../shared", "SPEC");
        }
    }
}
