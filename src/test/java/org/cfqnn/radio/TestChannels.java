package org.cfqnn.radio;

/** Small hand-written channels for tests: {@code h[m][k][j]} as {re, im} pairs. */
public final class TestChannels {

    private TestChannels() {
    }

    public static Channel of(double[][][][] h) {
        int nAp = h.length;
        int nUser = h[0].length;
        int nTx = h[0][0].length;
        double[] re = new double[nAp * nUser * nTx];
        double[] im = new double[re.length];
        for (int m = 0; m < nAp; m++) {
            for (int k = 0; k < nUser; k++) {
                for (int j = 0; j < nTx; j++) {
                    re[(m * nUser + k) * nTx + j] = h[m][k][j][0];
                    im[(m * nUser + k) * nTx + j] = h[m][k][j][1];
                }
            }
        }
        return Channel.of(nAp, nUser, nTx, re, im);
    }

    /** N = 1 channel with real coefficients {@code sqrt(g[m][k])}: every MR coupling is g[m][k]. */
    public static Channel singleAntenna(double[][] gain) {
        double[][][][] h = new double[gain.length][gain[0].length][1][];
        for (int m = 0; m < gain.length; m++) {
            for (int k = 0; k < gain[0].length; k++) {
                h[m][k][0] = new double[] {Math.sqrt(gain[m][k]), 0};
            }
        }
        return of(h);
    }
}
