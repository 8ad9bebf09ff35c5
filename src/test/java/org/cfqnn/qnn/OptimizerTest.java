package org.cfqnn.qnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.cfqnn.qnn.train.Optimizer;
import org.cfqnn.qnn.train.Rotosolve;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptimizerTest {

    @ParameterizedTest
    @CsvSource({"2.0, 0.7, 1.0", "-1.5, -2.0, 0.3", "0.4, 3.0, -5.0", "1.0, -3.1, 0.0"})
    void rotosolveFindsTheMinimumOfAOneParameterSinusoid(double a, double b, double c) {
        // L(t) = a cos(t - b) + c: the minimum is at t = b + pi when a > 0, at t = b when a < 0
        java.util.function.DoubleUnaryOperator l = t -> a * Math.cos(t - b) + c;
        double t = Rotosolve.argmin(l.applyAsDouble(0), l.applyAsDouble(Math.PI / 2), l.applyAsDouble(-Math.PI / 2));
        assertThat(l.applyAsDouble(t)).isCloseTo(c - Math.abs(a), within(1e-12));
        double expected = a > 0 ? b + Math.PI : b;
        assertThat(Math.cos(t - expected)).isCloseTo(1, within(1e-12)); // same angle modulo 2 pi
    }

    @Test
    void rotosolveSweepMinimizesASeparableSinusoidalLossInOneSweep() {
        double[] p = {0.3, -2.0, 1.0};
        double after = Rotosolve.sweep(p, x -> 2 * Math.cos(x[0] - 0.5) + 0.5 * Math.sin(x[1]) - Math.cos(x[2] + 1));
        assertThat(after).isCloseTo(-2 - 0.5 - 1, within(1e-12));
    }

    @Test
    void sgdUsesThePapersDecayingStep() {
        double[] p = {1.0, -1.0};
        Optimizer.sgd(0.01).step(p, new double[] {2.0, -4.0}, 3); // step 0.01 / sqrt(4) = 0.005
        assertThat(p).containsExactly(new double[] {1.0 - 0.01, -1.0 + 0.02}, within(1e-15));
    }

    @Test
    void adamFirstStepHasTheLearningRateInEveryCoordinate() {
        // bias-corrected m/sqrt(v) = g/|g| on the first step
        double[] p = {0.0, 0.0};
        Optimizer.adam(0.05, 2).step(p, new double[] {3.0, -1e-3}, 0);
        assertThat(p[0]).isCloseTo(-0.05, within(1e-6));
        assertThat(p[1]).isCloseTo(0.05, within(1e-4));
    }
}
