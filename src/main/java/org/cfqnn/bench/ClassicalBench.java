package org.cfqnn.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cfqnn.baseline.AssignmentMethod;
import org.cfqnn.baseline.AssignmentProblem;
import org.cfqnn.baseline.Baselines;
import org.cfqnn.baseline.GreedyMaxMin;
import org.cfqnn.baseline.OptimumBaseline;
import org.cfqnn.baseline.RandomBaseline;
import org.cfqnn.baseline.SearchBaseline;
import org.cfqnn.protocol.Charges;
import org.cfqnn.qnn.cloud.CloudSample;
import org.cfqnn.qnn.cloud.MaxMinCloud;
import org.cfqnn.radio.Channel;
import org.cfqnn.radio.ChannelModel;
import org.cfqnn.radio.MrTable;
import org.cfqnn.radio.Precoders;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.rng.Seed;
import org.cfqnn.scenario.Calibration;

/**
 * Measures what one counted operation ({@link org.cfqnn.baseline.Operations}) of each kind of classical
 * work costs on this machine: what {@code cfqnn bench calibrate} writes. Every kind is timed at several
 * network sizes (4 x 3 to 64 x 16) ({@code channels} fresh channels per timed batch, median over rounds) and fitted by least
 * squares (relative residuals) as {@code time = ns per decision + operations x ns per operation}:
 * <ul>
 *   <li>the MR coupling table alone ({@code M K K N} multiply-adds): its slope is {@code mr-table};</li>
 *   <li>each method deciding with its couplings computed inside the timed region, as the emulator's cloud
 *       does: its time less the coupling multiply-adds it made x that slope, against its own operations;</li>
 *   <li>the AP's MR precoder: time per precoder / its N multiply-adds, no fixed part.</li>
 * </ul>
 * Negative fitted figures (noise) are clamped to 0.
 */
public final class ClassicalBench {

    /**
     * One kind of work at one size: operations per decision, the MR-coupling multiply-adds the decision
     * computed (methods only), and time per decision.
     */
    public record Row(String kind, int nAp, int nUser, int nTx, double operationsPerDecision,
                      double tableOperationsPerDecision, double usPerDecision) {
    }

    /** The rows, and the calibration fitted to them. */
    public record Result(List<Row> rows, Calibration calibration) {
    }

    /** Network sizes (M, K) the methods are measured at; the optimum at sizes it can enumerate. */
    static final int[][] SIZES = {{4, 3}, {8, 4}, {16, 6}, {32, 8}, {64, 16}};
    static final int[][] OPTIMUM_SIZES = {{4, 3}, {6, 3}, {8, 3}, {10, 3}};
    static final int NTX = 4;

    private ClassicalBench() {
    }

    public static Result run(Timer timer, int channels, long seed) {
        measure(new Timer(timer.minRoundNanos() / 4, 1), channels, seed); // warm-up: every code path compiled first
        return measure(timer, channels, seed);
    }

    private static Result measure(Timer timer, int channels, long seed) {
        List<Row> rows = new ArrayList<>();
        Map<String, Double> perOp = new LinkedHashMap<>();
        Map<String, Double> perDecision = new LinkedHashMap<>();
        List<Row> table = new ArrayList<>();
        for (int[][] sizes : new int[][][] {SIZES, OPTIMUM_SIZES}) {
            for (int[] size : sizes) {
                table.add(table(size[0], size[1], timer, channels, seed));
            }
        }
        rows.addAll(table);
        double[] tableFit = fit(table, r -> r.usPerDecision() * 1e3);
        perOp.put(Charges.MR_TABLE, tableFit[1]);
        perDecision.put(Charges.MR_TABLE, 0.0); // folded into each method's fixed part
        AssignmentMethod[] methods = {new SearchBaseline(), new GreedyMaxMin(), new RandomBaseline(),
                new OptimumBaseline(Long.MAX_VALUE)};
        for (AssignmentMethod method : methods) {
            List<Row> own = new ArrayList<>();
            List<Double> ownNanos = new ArrayList<>();
            for (int[] size : method instanceof OptimumBaseline ? OPTIMUM_SIZES : SIZES) {
                Row r = method(method, size[0], size[1], timer, channels, seed);
                own.add(r);
                ownNanos.add(r.usPerDecision() * 1e3 - r.tableOperationsPerDecision() * tableFit[1]);
            }
            rows.addAll(own);
            double[] f = fit(own, r -> ownNanos.get(own.indexOf(r)));
            perDecision.put(method.name(), f[0]);
            perOp.put(method.name(), f[1]);
        }
        List<Row> cloud = new ArrayList<>();
        List<Double> cloudNanos = new ArrayList<>();
        for (int[] size : SIZES) {
            Row r = qnnCloud(size[0], size[1], timer, channels, seed);
            cloud.add(r);
            cloudNanos.add(r.usPerDecision() * 1e3 - r.tableOperationsPerDecision() * tableFit[1]);
        }
        rows.addAll(cloud);
        double[] cf = fit(cloud, r -> cloudNanos.get(cloud.indexOf(r)));
        perDecision.put(Charges.QNN_CLOUD, cf[0]);
        perOp.put(Charges.QNN_CLOUD, cf[1]);
        Row mr = mr(timer, seed);
        rows.add(mr);
        perOp.put(Charges.MR_PRECODER, mr.usPerDecision() * 1e3 / NTX);
        perDecision.put(Charges.MR_PRECODER, 0.0);
        return new Result(rows, new Calibration(perOp, perDecision));
    }

    /**
     * Least squares {@code y = a + b x} over the rows' operations, weighted by {@code 1 / y^2} (relative
     * residuals, so every size counts alike); a and b clamped to >= 0.
     */
    static double[] fit(List<Row> rows, java.util.function.ToDoubleFunction<Row> y) {
        double s = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (Row r : rows) {
            double x = r.operationsPerDecision();
            double v = y.applyAsDouble(r);
            double w = 1 / Math.max(v * v, 1e-9);
            s += w;
            sx += w * x;
            sy += w * v;
            sxx += w * x * x;
            sxy += w * x * v;
        }
        double det = s * sxx - sx * sx;
        double b = det > 0 ? Math.max(0, (s * sxy - sx * sy) / det) : 0;
        double a = Math.max(0, (sy - b * sx) / s);
        return new double[] {a, b};
    }

    /** The MR coupling table alone. */
    private static Row table(int nAp, int nUser, Timer timer, int channels, long seed) {
        Channel[] estimates = estimates(nAp, nUser, channels, seed);
        double[] sink = {0};
        double nsPerPass = timer.nanosPerOp(calls -> {
            for (long c = 0; c < calls; c++) {
                for (Channel h : estimates) {
                    sink[0] += MrTable.of(h).get(0, 0, 0);
                }
            }
        });
        return new Row(Charges.MR_TABLE, nAp, nUser, NTX, (double) nAp * nUser * nUser * NTX, 0,
                nsPerPass / channels / 1e3);
    }

    private static Row method(AssignmentMethod method, int nAp, int nUser, Timer timer, int channels, long seed) {
        Channel[] estimates = estimates(nAp, nUser, channels, seed);
        RadioModel radio = RadioModel.paper();
        long ops = 0;
        long tableOps = 0;
        for (Channel h : estimates) { // the operations a pass over the channels counts (deterministic)
            AssignmentProblem p = AssignmentProblem.of(h, radio.rho(), radio.mu());
            method.assign(p, Baselines.decisionRandom(new Seed(seed), method.name()));
            ops += p.operations().steps();
            tableOps += p.operations().table();
        }
        long[] sink = {0};
        double nsPerPass = timer.nanosPerOp(calls -> {
            for (long c = 0; c < calls; c++) {
                for (Channel h : estimates) {
                    int[] a = method.assign(AssignmentProblem.of(h, radio.rho(), radio.mu()),
                            Baselines.decisionRandom(new Seed(seed), method.name()));
                    sink[0] += a[0];
                }
            }
        });
        return new Row(method.name(), nAp, nUser, NTX, (double) ops / channels, (double) tableOps / channels,
                nsPerPass / channels / 1e3);
    }

    /** The max-min cloud's classical part (priors to decoder, circuit outputs zero), on a fresh sample each. */
    private static Row qnnCloud(int nAp, int nUser, Timer timer, int channels, long seed) {
        Channel[] estimates = estimates(nAp, nUser, channels, seed);
        RadioModel radio = RadioModel.paper();
        long ops = 0;
        long tableOps = 0;
        for (Channel h : estimates) {
            CloudSample s = new CloudSample(h, radio.rho(), radio.mu());
            MaxMinCloud.classicalPart(s, CANDIDATES_PER_AP, CANDIDATES_PER_USER, TAU);
            ops += s.operations().steps();
            tableOps += s.operations().table();
        }
        long[] sink = {0};
        double nsPerPass = timer.nanosPerOp(calls -> {
            for (long c = 0; c < calls; c++) {
                for (Channel h : estimates) {
                    sink[0] += MaxMinCloud.classicalPart(new CloudSample(h, radio.rho(), radio.mu()),
                            CANDIDATES_PER_AP, CANDIDATES_PER_USER, TAU)[0];
                }
            }
        });
        return new Row(Charges.QNN_CLOUD, nAp, nUser, NTX, (double) ops / channels, (double) tableOps / channels,
                nsPerPass / channels / 1e3);
    }

    /** The max-min cloud's defaults (application.conf) and its initial harm weight. */
    private static final int CANDIDATES_PER_AP = 5;
    private static final int CANDIDATES_PER_USER = 2;
    private static final double TAU = 12;

    private static Row mr(Timer timer, long seed) {
        Channel h = estimates(16, 6, 1, seed)[0];
        double[] re = new double[NTX];
        double[] im = new double[NTX];
        double ns = timer.nanosPerOp(calls -> {
            for (long c = 0; c < calls; c++) {
                Precoders.maxRatioInto(h, (int) (c & 15), (int) (c % 6), re, im, 0);
            }
        });
        return new Row(Charges.MR_PRECODER, 1, 1, NTX, NTX, 0, ns / 1e3);
    }

    private static Channel[] estimates(int nAp, int nUser, int channels, long seed) {
        RadioModel paper = RadioModel.paper();
        ChannelModel model = new ChannelModel(new RadioModel(nAp, nUser, NTX, paper.nPath(), paper.kappa(),
                paper.dMin(), paper.rho(), paper.mu(), paper.csiError()));
        Channel[] out = new Channel[channels];
        for (int t = 0; t < channels; t++) {
            out[t] = model.draw(ChannelModel.trial(new Seed(seed), t)).estimate();
        }
        return out;
    }
}
