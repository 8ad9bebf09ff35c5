package org.cfqnn.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lines written off the producer's thread: all of them, in order, on close; a formatter may drop items. */
class AsyncLinesTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryLineInOrderByClose() throws Exception {
        Path file = dir.resolve("lines.txt");
        List<String> expected = new ArrayList<>();
        try (AsyncLines<Integer> lines = new AsyncLines<>(file, i -> "line " + i + " \u00e9")) {
            for (int i = 0; i < 50_000; i++) { // more than the queue holds: the producer waits, nothing is lost
                lines.write(i);
                expected.add("line " + i + " \u00e9");
            }
        }
        assertThat(Files.readAllLines(file)).containsExactlyElementsOf(expected);
    }

    @Test
    void aFormatterThatAppendsNothingDropsTheItem() throws Exception {
        Path file = dir.resolve("even.txt");
        BiConsumer<Integer, StringBuilder> evenOnly = (i, b) -> {
            if (i % 2 == 0) {
                b.append(i).append('\n');
            }
        };
        try (AsyncLines<Integer> lines = new AsyncLines<>(file, evenOnly)) {
            for (int i = 0; i < 7; i++) {
                lines.write(i);
            }
        }
        assertThat(Files.readAllLines(file)).containsExactly("0", "2", "4", "6");
    }

    @Test
    void linesAreOnDiskOnceTheWriterCatchesUpAndNothingAfterClose() throws Exception {
        Path file = dir.resolve("live.txt");
        AsyncLines<String> lines = new AsyncLines<>(file, s -> s);
        try {
            lines.write("first");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (Files.size(file) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(Files.readAllLines(file)).containsExactly("first"); // before close: a crash keeps it
        } finally {
            lines.close();
        }
        lines.write("late");
        assertThat(Files.readAllLines(file)).containsExactly("first");
    }
}
