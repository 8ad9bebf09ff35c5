package org.cfqnn.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.cfqnn.rng.Seed;
import org.junit.jupiter.api.Test;

/**
 * Statistics of the channel model on seeded large samples. With n draws of an Exp(beta) power the
 * relative standard error is 1/sqrt(n); every tolerance below is at least five standard errors.
 */
class ChannelModelTest {

    private static final int DRAWS = 40_000;
    /** 1/sqrt(40000) = 0.5% standard error; 3% is six of them. */
    private static final double POWER_TOLERANCE = 0.03;

    /** AP 0 at (0,0) (AP 1 far away), two users at known distances; many fading draws over that layout. */
    private static final Layout LAYOUT = new Layout(new double[] {0, 1}, new double[] {0, 1},
            new double[] {0.3, 0.01}, new double[] {0.4, 0.0});

    private static RadioModel model(int nTx, double csiError) {
        return new RadioModel(2, 2, nTx, 3, 2.3, 0.05, 10, 0.1, csiError);
    }

    @Test
    void betaFollowsDistanceWithFloor() {
        RadioModel m = model(2, 0);
        ChannelModel cm = new ChannelModel(m);
        // user 0 at distance 0.5 -> normalized 0.5/sqrt2; user 1 at 0.01/sqrt2 < dMin -> floored
        assertThat(cm.beta(LAYOUT, 0, 0)).isCloseTo(Math.pow(0.5 / Math.sqrt(2), -2.3), within(1e-12));
        assertThat(cm.beta(LAYOUT, 0, 1)).isCloseTo(Math.pow(0.05, -2.3), within(1e-9));
    }

    @Test
    void steeringMirrorsEqualTheDirectFormulaBitForBit() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int n = 1; n <= 7; n++) {
            double[] re = new double[n];
            double[] im = new double[n];
            for (int i = 0; i < 2000; i++) {
                double phi = 0.5 * Math.sin((r.nextDouble() - 0.5) * Math.PI);
                ChannelModel.steering(phi, re, im);
                for (int j = 0; j < n; j++) {
                    double angle = -2 * Math.PI * phi * ChannelModel.steeringOffset(j, n);
                    assertThat(re[j]).isEqualTo(Math.cos(angle));
                    assertThat(im[j]).isEqualTo(Math.sin(angle));
                }
            }
        }
    }

    @Test
    void aLargeNetworkDrawnInParallelIsTheLinkByLinkDraw() {
        RadioModel m = new RadioModel(64, 32, 4, 3, 2.3, 0.05, 10, 0.1, 0.1);
        assertThat((long) m.nAp() * m.nUser() * m.nPath()).isGreaterThanOrEqualTo(ChannelModel.PARALLEL_PATHS);
        ChannelModel cm = new ChannelModel(m);
        Seed seed = new Seed(9);
        Layout layout = cm.fixedLayout(seed);
        Channel h = cm.fading(cm.betas(layout), seed);
        double[] aRe = new double[4];
        double[] aIm = new double[4];
        for (int ap = 0; ap < 64; ap += 7) {
            for (int k = 0; k < 32; k += 5) {
                java.util.SplittableRandom r = seed.split("fading", ap, k).random(); // stream fading/m/k
                double sigma = Math.sqrt(cm.beta(layout, ap, k) / 2);
                double[] re = new double[4];
                double[] im = new double[4];
                for (int p = 0; p < 3; p++) {
                    double gRe = sigma * r.nextGaussian();
                    double gIm = sigma * r.nextGaussian();
                    ChannelModel.steering(0.5 * Math.sin((r.nextDouble() - 0.5) * Math.PI), aRe, aIm);
                    for (int j = 0; j < 4; j++) {
                        re[j] += (gRe * aRe[j] - gIm * aIm[j]) / Math.sqrt(3);
                        im[j] += (gRe * aIm[j] + gIm * aRe[j]) / Math.sqrt(3);
                    }
                }
                for (int j = 0; j < 4; j++) {
                    assertThat(h.re(ap, k, j)).isCloseTo(re[j], within(1e-15 * Math.sqrt(cm.beta(layout, ap, k))));
                    assertThat(h.im(ap, k, j)).isCloseTo(im[j], within(1e-15 * Math.sqrt(cm.beta(layout, ap, k))));
                }
            }
        }
    }

    @Test
    void steeringVectorHasNormSqrtNAndCentredPhases() {
        double[] re = new double[4];
        double[] im = new double[4];
        ChannelModel.steering(0.3, re, im);
        double norm2 = 0;
        for (int j = 0; j < 4; j++) {
            norm2 += re[j] * re[j] + im[j] * im[j];
        }
        assertThat(norm2).isCloseTo(4, within(1e-12));
        // z = -1.5, -0.5, 0.5, 1.5: a_0 = exp(+i 2 pi 0.3 1.5), a_3 = conj(a_0)
        assertThat(re[0]).isCloseTo(Math.cos(2 * Math.PI * 0.3 * 1.5), within(1e-12));
        assertThat(im[0]).isCloseTo(Math.sin(2 * Math.PI * 0.3 * 1.5), within(1e-12));
        assertThat(im[3]).isCloseTo(-im[0], within(1e-12));
    }

    @Test
    void powerPerAntennaIsBetaAndAdjacentCorrelationIsBesselJ0OfPi() {
        int nTx = 3;
        ChannelModel cm = new ChannelModel(model(nTx, 0));
        double beta = cm.beta(LAYOUT, 0, 0);
        double[] power = new double[nTx];
        double corrRe = 0;
        double corrIm = 0;
        for (int d = 0; d < DRAWS; d++) {
            Channel h = cm.fading(LAYOUT, new Seed(17).split("draw", d));
            for (int j = 0; j < nTx; j++) {
                power[j] += (h.re(0, 0, j) * h.re(0, 0, j) + h.im(0, 0, j) * h.im(0, 0, j)) / DRAWS;
            }
            // E[h_0 conj(h_1)] = beta E[exp(-i 2 pi phi (z_0 - z_1))] = beta E[exp(i pi sin theta)] = beta J0(pi)
            corrRe += (h.re(0, 0, 0) * h.re(0, 0, 1) + h.im(0, 0, 0) * h.im(0, 0, 1)) / DRAWS;
            corrIm += (h.im(0, 0, 0) * h.re(0, 0, 1) - h.re(0, 0, 0) * h.im(0, 0, 1)) / DRAWS;
        }
        for (int j = 0; j < nTx; j++) {
            assertThat(power[j] / beta).as("E|h_%d|^2 / beta", j).isCloseTo(1.0, within(POWER_TOLERANCE));
        }
        double besselJ0OfPi = -0.30424217764409; // J0(pi), tables
        assertThat(corrRe / beta).isCloseTo(besselJ0OfPi, within(0.03));
        assertThat(corrIm / beta).isCloseTo(0, within(0.03));
    }

    @Test
    void csiErrorHasVarianceCsiErrorSquaredTimesBeta() {
        double csi = 0.2;
        ChannelModel cm = new ChannelModel(model(2, csi));
        double beta = cm.beta(LAYOUT, 0, 0);
        double err = 0;
        for (int d = 0; d < DRAWS / 2; d++) {
            Seed s = new Seed(5).split("draw", d);
            Channel h = cm.fading(LAYOUT, s);
            Channel hHat = cm.estimate(h, LAYOUT, s);
            for (int j = 0; j < 2; j++) {
                double dr = hHat.re(0, 0, j) - h.re(0, 0, j);
                double di = hHat.im(0, 0, j) - h.im(0, 0, j);
                err += (dr * dr + di * di) / DRAWS; // DRAWS/2 draws x 2 antennas
            }
        }
        assertThat(err / (csi * csi * beta)).isCloseTo(1.0, within(POWER_TOLERANCE));
    }

    @Test
    void zeroCsiErrorMakesEstimateTheTruth() {
        Realization r = new ChannelModel(RadioModel.paper().withCsiError(0)).draw(new Seed(3));
        assertThat(r.estimate()).isSameAs(r.truth());
    }

    @Test
    void sameSeedSameChannelAndAddingAnApChangesNoOtherLink() {
        RadioModel four = RadioModel.paper();
        RadioModel five = new RadioModel(5, 3, 2, 3, 2.3, 0.05, 10, 0.1, 0.1);
        Realization a = new ChannelModel(four).draw(new Seed(99));
        Realization b = new ChannelModel(four).draw(new Seed(99));
        Realization c = new ChannelModel(five).draw(new Seed(99));
        assertThat(a.truth().reArray()).isEqualTo(b.truth().reArray());
        assertThat(a.estimate().imArray()).isEqualTo(b.estimate().imArray());
        for (int m = 0; m < 4; m++) {
            for (int k = 0; k < 3; k++) {
                for (int j = 0; j < 2; j++) {
                    assertThat(c.truth().re(m, k, j)).isEqualTo(a.truth().re(m, k, j));
                    assertThat(c.estimate().im(m, k, j)).isEqualTo(a.estimate().im(m, k, j));
                }
            }
        }
        Realization other = new ChannelModel(four).draw(new Seed(100));
        assertThat(other.truth().re(0, 0, 0)).isNotEqualTo(a.truth().re(0, 0, 0));
    }

    @Test
    void dropIsUniformInTheUnitSquare() {
        double sumX = 0;
        double sumY = 0;
        int n = 20_000;
        for (int d = 0; d < n; d++) {
            Layout l = Layout.drop(1, 1, new Seed(8).split("drop", d));
            assertThat(l.apX(0)).isBetween(0.0, 1.0);
            assertThat(l.userY(0)).isBetween(0.0, 1.0);
            sumX += l.apX(0);
            sumY += l.userY(0);
        }
        // mean 1/2, std of the mean sqrt(1/12/n) = 0.002; tolerance 0.01
        assertThat(sumX / n).isCloseTo(0.5, within(0.01));
        assertThat(sumY / n).isCloseTo(0.5, within(0.01));
    }
}
