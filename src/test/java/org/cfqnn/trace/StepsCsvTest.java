package org.cfqnn.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepsCsvTest {

    @TempDir
    Path dir;

    private Path csv(String text) throws Exception {
        Path f = dir.resolve("steps.csv");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsMissesPerRunNamedLikeTheTrace() throws Exception {
        Path f = csv("""
                sweep,protocol,step,timeUs,minRate,sumRate,unserved,fallbacks,assignment
                ,non-centralized,0,1000.0,0.5,8.0,0,0,"[0,1,2,0]"
                ,non-centralized,1,2000.0,0.5,8.0,0,2,"[0,1,2,0]"
                50us,search,0,1000.0,0.5,8.0,0,4,"[1,""x"",2,0]"
                """);
        assertThat(StepsCsv.misses(f)).containsExactly(Map.entry("non-centralized", new java.util.TreeMap<>(Map.of(0L, 0L, 1L, 2L))),
                Map.entry("search @ 50us", new java.util.TreeMap<>(Map.of(0L, 4L))));
    }

    @Test
    void runsWithAQnnSystemAreNamedProtocolSystemAtSweep() throws Exception {
        Path f = csv("""
                sweep,protocol,qnn,step,fallbacks
                ,non-centralized,paper/paper,0,1
                1 ms,centralized,graph/amplitude,0,2
                ,search,,0,0
                """);
        assertThat(StepsCsv.misses(f).keySet()).containsExactly("non-centralized paper/paper",
                "centralized graph/amplitude @ 1 ms", "search");
        // traces have named sweep runs protocol@value and protocol system @ value
        assertThat(StepsCsv.sameRun("search @ 50 us", "search@50 us")).isTrue();
        assertThat(StepsCsv.sameRun("centralized graph/amplitude @ 1 ms", "centralized graph/amplitude @ 1 ms")).isTrue();
        assertThat(StepsCsv.sameRun("search @ 50 us", "search @ 500 us")).isFalse();
    }

    @Test
    void findsTheColumnsByNameWhereverTheyAre() throws Exception {
        Path f = csv("step,misses,protocol,extra\n7,1,centralized,z\n");
        assertThat(StepsCsv.misses(f)).isEqualTo(Map.of("centralized", new java.util.TreeMap<>(Map.of(7L, 1L))));
    }

    @Test
    void badFilesNameTheLineOrTheMissingColumn() throws Exception {
        assertThatThrownBy(() -> StepsCsv.misses(csv("protocol,step\nx,1\n")))
                .hasMessage(dir.resolve("steps.csv") + ": no column fallbacks or misses or deadlineMisses in the header protocol,step");
        assertThatThrownBy(() -> StepsCsv.misses(csv("protocol,step,fallbacks\nx,1,0\nx,2\n")))
                .hasMessage(dir.resolve("steps.csv") + " line 3: has 2 fields, the header 3 (truncated?)");
        assertThatThrownBy(() -> StepsCsv.misses(csv("protocol,step,fallbacks\nx,one,0\n")))
                .hasMessage(dir.resolve("steps.csv") + " line 2: step = one: must be an integer");
        assertThatThrownBy(() -> StepsCsv.misses(csv("")))
                .hasMessage(dir.resolve("steps.csv") + ": empty, expected a header line");
        assertThatThrownBy(() -> StepsCsv.misses(dir.resolve("nope.csv")))
                .hasMessage(dir.resolve("nope.csv") + ": no such steps file");
    }

    @Test
    void splitsQuotedFields() {
        assertThat(StepsCsv.split("a,\"b,c\",\"d\"\"e\",")).containsExactly("a", "b,c", "d\"e", "");
    }
}
