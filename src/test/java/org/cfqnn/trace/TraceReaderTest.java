package org.cfqnn.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cfqnn.input.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceReaderTest {

    @TempDir
    Path dir;

    private Path trace(String... lines) throws Exception {
        Path f = dir.resolve("trace.jsonl");
        Files.writeString(f, String.join("\n", lines) + "\n");
        return f;
    }

    private static String line(long id) {
        return TraceLineParserTest.PILOT.replace("\"id\":50001", "\"id\":" + id);
    }

    @Test
    void skipsAndCountsCorruptLinesNamingTheFirst() throws Exception {
        Path f = trace(line(1), "", line(2), "{\"t\":1,", "garbage", line(3), "{\"record\":\"step\",\"run\":\"x\",\"step\":1}",
                line(4).substring(0, 50));
        List<Long> ids = new ArrayList<>();
        TraceReader.Result r = TraceReader.read(f, TraceReader.Corrupt.SKIP, e -> {
            if (e instanceof TraceMessage m) {
                ids.add(m.id());
            }
        });
        assertThat(ids).containsExactly(1L, 2L, 3L);
        assertThat(r.lines()).isEqualTo(8);
        assertThat(r.messages()).isEqualTo(3);
        assertThat(r.stepRecords()).isEqualTo(1);
        assertThat(r.corrupt()).isEqualTo(3);
        assertThat(r.firstCorruptLine()).isEqualTo(4);
        assertThat(r.warning()).isEqualTo("warning: " + f + ": 3 corrupt lines skipped (first: line 4: truncated: the "
                + "line ends inside the JSON object)");
    }

    @Test
    void strictReadingFailsAtTheFirstCorruptLineWithItsNumber() throws Exception {
        Path f = trace(line(1), line(2), line(3).substring(0, 77), line(4));
        assertThatThrownBy(() -> TraceReader.read(f, TraceReader.Corrupt.FAIL, e -> { }))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(f + " line 3: truncated: the line ends inside the JSON object");
    }

    @Test
    void aFileWithoutMessagesIsAnErrorEitherWay() throws Exception {
        Path f = trace("not json", "{\"a\":1}");
        assertThatThrownBy(() -> TraceReader.read(f, TraceReader.Corrupt.SKIP, e -> { }))
                .hasMessage(f + ": no trace messages in 2 lines (first corrupt: line 1: not JSON at column 1: "
                        + "Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', "
                        + "'true' or 'false'))");
        assertThatThrownBy(() -> TraceReader.read(dir.resolve("none.jsonl"), TraceReader.Corrupt.SKIP, e -> { }))
                .hasMessage(dir.resolve("none.jsonl") + ": no such trace file");
        assertThatThrownBy(() -> TraceReader.read(dir, TraceReader.Corrupt.SKIP, e -> { }))
                .hasMessage(dir + ": is a directory, expected a trace.jsonl");
    }

    @Test
    void readWhileStopsWhenTheSinkSaysSo() throws Exception {
        Path f = trace(line(1), line(2), line(3), "garbage");
        List<Long> ids = new ArrayList<>();
        TraceReader.Result r = TraceReader.readWhile(f, TraceReader.Corrupt.FAIL, e -> {
            ids.add(((TraceMessage) e).id());
            return ids.size() < 2;
        });
        assertThat(ids).containsExactly(1L, 2L);
        assertThat(r.lines()).isEqualTo(2);
    }
}
