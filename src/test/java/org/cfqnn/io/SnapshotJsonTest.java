package org.cfqnn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.radio.ChannelModel;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.radio.Realization;
import org.cfqnn.rng.Seed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotJsonTest {

    @TempDir
    Path dir;

    private static final String GOOD = "{\"nAp\":2,\"nUser\":1,\"nTx\":1,\"rho\":10,\"mu\":0.1,"
            + "\"h\":[[[[1,0]]],[[[0,2]]]]}";

    private InvalidInputException failure(String json) throws Exception {
        Path f = dir.resolve("c.json");
        Files.writeString(f, json);
        try {
            SnapshotJson.read(f);
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("no error for " + json);
    }

    @Test
    void roundTripsExactlyIncludingTheEstimate() {
        Realization r = new ChannelModel(RadioModel.paper()).draw(new Seed(1));
        Snapshot s = new Snapshot(r.truth(), r.estimate(), 10, 0.1);
        Path f = dir.resolve("s.json");
        SnapshotJson.write(s, Map.of("seed", 1), f);
        Snapshot back = SnapshotJson.read(f);
        assertThat(back.truth().reArray()).isEqualTo(r.truth().reArray());
        assertThat(back.estimate().imArray()).isEqualTo(r.estimate().imArray());
        assertThat(back.rho()).isEqualTo(10);
    }

    @Test
    void withoutHHatTheEstimateIsTheTruth() throws Exception {
        Path f = dir.resolve("g.json");
        Files.writeString(f, GOOD);
        Snapshot s = SnapshotJson.read(f);
        assertThat(s.estimate()).isSameAs(s.truth());
        assertThat(s.truth().im(1, 0, 0)).isEqualTo(2);
    }

    @Test
    void truncatedJsonNamesTheFileAndPosition() throws Exception {
        assertThat(failure(GOOD.substring(0, 40)).getMessage()).contains("c.json").contains("malformed JSON at line 1");
    }

    @Test
    void nanIsNotJson() throws Exception {
        assertThat(failure(GOOD.replace("\"mu\":0.1", "\"mu\":NaN")).getMessage()).contains("malformed JSON");
    }

    @Test
    void overflowingNumbersAreNotFinite() throws Exception {
        assertThat(failure(GOOD.replace("[0,2]", "[0,1e999]")).getMessage())
                .contains("h[1][0][0][1] = ").contains("expected a finite number");
    }

    @Test
    void wrongShapesNameThePathAndTheExpectedSize() throws Exception {
        assertThat(failure(GOOD.replace("[[[[1,0]]],[[[0,2]]]]", "[[[[1,0]]]]")).getMessage())
                .contains("h = ").contains("expected an array of 2 APs (nAp), got 1 entries");
        assertThat(failure(GOOD.replace("[[[1,0]]]", "[[[1,0,3]]]")).getMessage())
                .contains("h[0][0][0]").contains("expected an array of 2 numbers [re, im]");
        assertThat(failure(GOOD.replace("[0,2]", "\"x\"")).getMessage())
                .contains("h[1][0][0]").contains("expected an array of 2 numbers [re, im]");
    }

    @Test
    void sizesAreValidated() throws Exception {
        assertThat(failure(GOOD.replace("\"nTx\":1", "\"nTx\":0")).getMessage())
                .contains("nTx = 0: expected an integer in [1, 100000]");
        assertThat(failure(GOOD.replace("\"nAp\":2", "\"nAp\":-1")).getMessage()).contains("nAp = -1");
        assertThat(failure(GOOD.replace("\"nUser\":1", "\"nUser\":3")).getMessage())
                .contains("nAp = 2: must be >= nUser (3)");
        assertThat(failure(GOOD.replace("\"nAp\":2", "\"nAp\":2.5")).getMessage()).contains("nAp = 2.5");
    }

    @Test
    void missingUnknownAndDuplicateKeys() throws Exception {
        assertThat(failure(GOOD.replace("\"rho\":10,", "")).getMessage()).contains("rho: missing");
        assertThat(failure(GOOD.replace("\"rho\":10,", "\"rho\":10,\"sigma\":1,")).getMessage())
                .contains("sigma").contains("unknown key");
        assertThat(failure(GOOD.replace("\"rho\":10,", "\"rho\":10,\"rho\":11,")).getMessage())
                .contains("malformed JSON").contains("Duplicate field 'rho'");
        assertThat(failure("[1,2]").getMessage()).contains("expected a JSON object");
        assertThat(failure("").getMessage()).contains("empty file");
    }

    @Test
    void outOfRangePhysicalValues() throws Exception {
        assertThat(failure(GOOD.replace("\"rho\":10", "\"rho\":-1")).getMessage())
                .contains("rho = -1").contains("linear SNR > 0");
        assertThat(failure(GOOD.replace("\"mu\":0.1", "\"mu\":2")).getMessage())
                .contains("mu = 2").contains("[0, 1]");
    }

    @Test
    void missingFileIsAnInputError() {
        assertThatThrownBy(() -> SnapshotJson.read(dir.resolve("nope.json")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no such file");
    }
}
