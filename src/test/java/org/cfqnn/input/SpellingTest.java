package org.cfqnn.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Did-you-mean hints: the nearest allowed key, only when it is a likely typo. */
class SpellingTest {

    private static final List<String> RADIO = List.of("csi-error", "d-min", "kappa", "mu", "n-ap", "n-path", "n-tx",
            "n-user", "rho-db");

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(Spelling.distance("kitten", "sitting")).isEqualTo(3); // the textbook example, by hand
        assertThat(Spelling.distance("", "abc")).isEqualTo(3);
        assertThat(Spelling.distance("abc", "abc")).isZero();
        assertThat(Spelling.distance("stepz", "steps")).isEqualTo(1);
        assertThat(Spelling.distance("ab", "ba")).isEqualTo(2); // a transposition is two edits
    }

    @Test
    void suggestsTheNearestKeyOnlyForLikelyTypos() {
        assertThat(Spelling.closest("n-users", RADIO)).contains("n-user");
        assertThat(Spelling.closest("nap", RADIO)).contains("n-ap");
        assertThat(Spelling.closest("rho", RADIO)).isEmpty(); // 3 edits from rho-db (and from mu): not a typo
        assertThat(Spelling.closest("bandwidth", RADIO)).isEmpty();
        assertThat(Spelling.closest("x", List.of("y"))).isEmpty(); // one edit, but the whole word
        assertThat(Spelling.closest("n-ap", RADIO)).isEmpty(); // already allowed: no hint
        assertThat(Spelling.closest("n-tc", List.of("n-tx", "n-ta"))).contains("n-ta"); // tie: alphabetical
        assertThat(Spelling.hint("kapa", RADIO)).isEqualTo("; did you mean kappa?");
        assertThat(Spelling.hint("zzz", RADIO)).isEmpty();
    }
}
