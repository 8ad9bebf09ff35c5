package org.cfqnn.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Errors name the paths a user knows: a results directory being written is named as it will be. */
class AtomicFilesTest {

    @Test
    void aStagingDirectoryIsNamedAsTheResultsDirectoryItBecomes() {
        assertThat(AtomicFiles.asUserSees(Path.of("/tmp/x/.out.partial-123456/summary.json")))
                .isEqualTo(Path.of("/tmp/x/out/summary.json"));
        assertThat(AtomicFiles.asUserSees(Path.of("rel/.my.run.partial-9/a/b.json"))).isEqualTo(Path.of("rel/my.run/a/b.json"));
        assertThat(AtomicFiles.asUserSees(Path.of("/tmp/plain/ch.json"))).isEqualTo(Path.of("/tmp/plain/ch.json"));
        assertThat(AtomicFiles.asUserSees(Path.of("ch.json"))).isEqualTo(Path.of("ch.json"));
    }
}
