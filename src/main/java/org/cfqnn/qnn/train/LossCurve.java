package org.cfqnn.qnn.train;

/** Training loss per iteration (Fig. 5) and its mean per epoch (Fig. 6). */
public record LossCurve(double[] perIteration, int nData) {

    public int epochs() {
        return perIteration.length / nData;
    }

    public double[] perEpoch() {
        double[] out = new double[epochs()];
        for (int e = 0; e < out.length; e++) {
            double s = 0;
            for (int i = 0; i < nData; i++) {
                s += perIteration[e * nData + i];
            }
            out[e] = s / nData;
        }
        return out;
    }
}
