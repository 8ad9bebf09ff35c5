package org.cfqnn.qnn.edge;

import java.util.random.RandomGenerator;
import org.cfqnn.qnn.DecisionReadout;
import org.cfqnn.qnn.GradientMethod;
import org.cfqnn.qnn.Objective;
import org.cfqnn.quantum.Circuit;
import org.cfqnn.quantum.Pauli;
import org.cfqnn.quantum.Simulator;
import org.cfqnn.quantum.backend.BackendSpec;
import org.cfqnn.quantum.device.DeviceModel;
import org.cfqnn.radio.CapacityTargets;
import org.cfqnn.radio.Channel;

/**
 * What the edge ansaetze share: the precoder is read from qubits 0..N-1 as
 * {@code u_j = <X_j> - i <Y_j>}, normalized to {@code v = u/||u||}; the loss is the paper's
 * {@code (Q - Phi_precode)^2}; gradients go through the circuit by adjoint differentiation or the
 * parameter-shift rule. Subclasses give the circuit, how its angles depend on the channel and the
 * parameters, and the chain rule back.
 */
abstract class CircuitEdge implements EdgeModel {

    protected final int nTx;
    protected final GradientMethod gradient;
    protected final double shift;
    private final Pauli[] observables;

    CircuitEdge(int nTx, GradientMethod gradient, double shift) {
        this.nTx = nTx;
        this.gradient = gradient;
        this.shift = shift;
        this.observables = new Pauli[2 * nTx];
        for (int j = 0; j < nTx; j++) {
            observables[2 * j] = Pauli.x(j);
            observables[2 * j + 1] = Pauli.y(j);
        }
    }

    abstract Circuit circuit();

    /** Angles of every circuit slot for the served user's channel h and the parameters. */
    abstract void bind(double[] hRe, double[] hIm, double[] params, double[] angles);

    /** {@code gParams = gAngles . d(angles)/d(params)}. */
    abstract void pullBack(double[] hRe, double[] hIm, double[] params, double[] gAngles, double[] gParams);

    @Override
    public int qubits() {
        return circuit().qubits();
    }

    @Override
    public EdgeWorker worker(BackendSpec decisions) {
        return new Worker(decisions);
    }

    /** One circuit read as {@code <X_j>, <Y_j>} on every antenna qubit: two measurement groups. */
    @Override
    public DeviceModel.Stage inferenceStage() {
        return new DeviceModel.Stage(circuit(), observables, 1);
    }

    private final class Worker implements EdgeWorker {
        private final Simulator sim = Simulator.forQubits(circuit().qubits());
        private final DecisionReadout reader;
        private final double[] hRe = new double[nTx];
        private final double[] hIm = new double[nTx];
        private final double[] uRe = new double[nTx];
        private final double[] uIm = new double[nTx];
        private final double[] gRe = new double[nTx];
        private final double[] gIm = new double[nTx];
        private final double[] angles = new double[circuit().slots()];
        private final double[] gAngles = new double[circuit().slots()];
        private final double[] values = new double[observables.length];
        private final double[] weights = new double[observables.length];

        Worker(BackendSpec decisions) {
            this.reader = new DecisionReadout(sim, decisions);
        }

        private void load(Channel estimate, int m, int k) {
            for (int j = 0; j < nTx; j++) {
                hRe[j] = estimate.re(m, k, j);
                hIm[j] = estimate.im(m, k, j);
            }
        }

        /** Exact outputs (training). */
        private void outputs(double[] params) {
            outputs(params, null, false);
        }

        /** {@code u_j = <X_j> - i <Y_j>}; {@code decision}: read through the backend with {@code rng}. */
        private void outputs(double[] params, RandomGenerator rng, boolean decision) {
            bind(hRe, hIm, params, angles);
            if (decision) {
                reader.decision(circuit(), angles, observables, rng, values);
            } else {
                reader.exact(circuit(), angles, observables, values);
            }
            for (int j = 0; j < nTx; j++) {
                uRe[j] = values[2 * j];
                uIm[j] = -values[2 * j + 1];
            }
        }

        @Override
        public void precode(Channel estimate, int m, int k, double[] params, double[] vRe, double[] vIm,
                            RandomGenerator rng) {
            load(estimate, m, k);
            outputs(params, rng, true);
            PrecoderMath.normalize(uRe, uIm, vRe, vIm);
        }

        @Override
        public Objective objective(Channel estimate, int m, int k, double rho) {
            double phi = CapacityTargets.phiAp(estimate, m, rho);
            return new Objective() {
                @Override
                public double loss(double[] params) {
                    load(estimate, m, k);
                    outputs(params);
                    double d = -PrecoderMath.rate(hRe, hIm, uRe, uIm, rho, null, null) - phi;
                    return d * d;
                }

                @Override
                public boolean differentiable() {
                    return true;
                }

                @Override
                public double lossAndGradient(double[] params, double[] grad) {
                    load(estimate, m, k);
                    outputs(params); // first pass for u: the weights on <X_j>, <Y_j> depend on it
                    double r = PrecoderMath.rate(hRe, hIm, uRe, uIm, rho, gRe, gIm);
                    double d = -r - phi;
                    double dLdR = -2 * d; // L = d^2, d = -R - Phi
                    for (int j = 0; j < nTx; j++) {
                        weights[2 * j] = dLdR * gRe[j]; // u_re = <X_j>
                        weights[2 * j + 1] = -dLdR * gIm[j]; // u_im = -<Y_j>
                    }
                    circuitVjp(sim, angles, weights, gAngles);
                    pullBack(hRe, hIm, params, gAngles, grad);
                    return d * d;
                }
            };
        }

        /** {@code gAngles = sum_o weights[o] d<O_o>/d angles}. */
        private void circuitVjp(Simulator s, double[] a, double[] w, double[] out) {
            if (gradient == GradientMethod.ADJOINT) {
                s.adjoint(circuit(), a, observables, w, out);
                return;
            }
            double[][] jac = s.jacobianParameterShift(circuit(), a, observables, shift, values);
            java.util.Arrays.fill(out, 0.0);
            for (int o = 0; o < w.length; o++) {
                for (int p = 0; p < out.length; p++) {
                    out[p] += w[o] * jac[o][p];
                }
            }
        }
    }
}
