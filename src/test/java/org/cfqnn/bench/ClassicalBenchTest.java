package org.cfqnn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The calibration's fit: {@code time = ns per decision + operations x ns per operation}. */
class ClassicalBenchTest {

    private static final double TOLERANCE = 1e-9;

    private static ClassicalBench.Row row(double ops, double us) {
        return new ClassicalBench.Row("search", 4, 3, 4, ops, 0, us);
    }

    @Test
    void anExactLineIsRecoveredWhateverTheWeights() {
        // 700 ns + 2.5 ns per operation
        List<ClassicalBench.Row> rows = List.of(row(100, 0.95), row(1_000, 3.2), row(100_000, 250.7));
        double[] f = ClassicalBench.fit(rows, r -> r.usPerDecision() * 1e3);
        assertThat(f[0]).isCloseTo(700, within(TOLERANCE * 1e3));
        assertThat(f[1]).isCloseTo(2.5, within(TOLERANCE));
    }

    @Test
    void relativeWeightsKeepTheSmallSizesFitAndNegativeFiguresAreClampedToZero() {
        // y = x exactly at the small sizes, the large one 10 % high: the unweighted fit would give an
        // intercept of hundreds of ns; relative residuals keep it near 0 and the slope near 1
        List<ClassicalBench.Row> rows = List.of(row(10, 0.010), row(20, 0.020), row(10_000, 11.0));
        double[] f = ClassicalBench.fit(rows, r -> r.usPerDecision() * 1e3);
        assertThat(f[0]).isLessThan(1.0);
        assertThat(f[1]).isCloseTo(1.0, within(0.1));
        double[] falling = ClassicalBench.fit(List.of(row(10, 5.0), row(20, 1.0)), r -> r.usPerDecision() * 1e3);
        assertThat(falling[1]).isZero();
    }
}
