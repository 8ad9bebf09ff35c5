package org.cfqnn.baseline;

import org.cfqnn.radio.MrRows;
import org.cfqnn.radio.Rates;

/**
 * The max-min assignment of networks too large to enumerate, with a proof. The lower end {@code lo} is
 * the min SINR of the best assignment found, the upper end {@code hi} the smallest SINR proven out of
 * reach for every user at once.
 *
 * <ol>
 *   <li>Start: {@code lo} from greedy-maxmin, raised by {@link ThresholdClimb} (a local search, at most
 *       {@link #CLIMB_SHARE} of the time) and then by {@link NeighbourhoodSearch} (CP-SAT on the APs
 *       around the weakest users, at most {@link #NEIGHBOURHOOD_SHARE}, networks of at least
 *       {@link #NEIGHBOURHOOD_MIN_LINKS} links); {@code hi} from
 *       {@link LagrangianBound} (at most {@link #BOUND_SHARE}), about the linear relaxation's bound.</li>
 *   <li>CP-SAT probes of "can every SINR reach gamma?" ({@link SinrThresholdModel}), each starting from the
 *       best assignment as a hint. A solution raises {@code lo} to its own min SINR (re-evaluated in double);
 *       a proof of infeasibility lowers {@code hi} to gamma. The first probe and any probe after a large
 *       gain, or once the ends are within {@link #CLOSE}, is improve-or-prove: {@code gamma = lo (1 + TOLERANCE)},
 *       which either finds a better assignment or proves the best optimal. Otherwise two fronts take
 *       turns: up, {@code gamma = lo (1 + up)}, and down, {@code gamma = hi / (1 + down)}, never past the
 *       geometric mean of the ends; a front that succeeds doubles its step, one that runs out of probe
 *       time halves it. A probe gets {@link #PROBE_SHARE} of the time left, at least
 *       {@link #MIN_PROBE_SHARE} of the limit; the last one (ends within {@link #FINAL_RATIO}) gets all of it.
 *       On networks of at least {@link #NEIGHBOURHOOD_MIN_LINKS} links, where the neighbourhood search
 *       leaves little above the best to find, the down front replaces the up front: after an
 *       improve-or-prove probe that gains little, the probes climb down a ladder from {@code hi} in steps of
 *       {@link #LADDER_STEP} (a proven rung keeps the step, a failed one halves it for good), each rung with
 *       {@link #LADDER_SHARE} of the time left (at least {@link #MIN_PROBE_SHARE} of the limit); a rung that
 *       finds an assignment, a large gain, or ends within {@link #CLOSE} go back to improve-or-prove.</li>
 * </ol>
 * It stops when the best is proven optimal to {@link #TOLERANCE} (relative, in SINR) or the time is up,
 * and returns the best assignment with the proven upper end and their gap. CP-SAT runs on
 * {@link #WORKERS} threads with a fixed seed.
 *
 * <p><b>Why the bound holds.</b> {@code hi} starts from a Lagrangian certificate checked with a rounding
 * margin, and then only takes a gamma for which CP-SAT proved the integer-rounded model infeasible;
 * rounding makes that model a relaxation (see {@link SinrThresholdModel}). Either way no assignment gives
 * every user SINR >= hi, in exact arithmetic on the couplings. The reported bound is {@code log2(1 + hi)}
 * enlarged by a relative 1e-12, which covers the rounding of the double-precision rates it is compared
 * with (about 1e-15 relative).
 *
 * <p><b>Ties.</b> The solver proves only the max-min value. Among assignments with that min rate it then
 * raises the sum rate with greedy-maxmin's local search (moves and swaps kept while the min rate stays
 * within 1e-12 and the sum rate rises); unlike the exhaustive optimum, that neither proves the largest sum
 * rate nor applies the lexicographic tie-break.
 *
 * <p><b>Determinism.</b> Below {@link #NEIGHBOURHOOD_MIN_LINKS} links and without the time limit reached
 * the answer is the same on every run (fixed seed; CP-SAT's two workers can still race to different
 * solutions of one probe, which changes only which of equally good assignments is returned). The
 * neighbourhood search stops each probe at a wall-clock second, so on larger networks the path, and the
 * assignment returned, depend on the machine's load even when the result is proven. When the limit ends the search, how far each probe got depends on
 * the machine's load, so the assignment, bound and gap can differ between runs; the bound is valid either way.
 */
final class CertifiedMaxMin {

    /** Relative SINR tolerance of "proven optimal". */
    static final double TOLERANCE = 1e-9;
    /** Ends closer than this ratio (minus one): only the final improve-or-prove probe remains. */
    static final double FINAL_RATIO = 1e-4;
    /** First step of both fronts, relative. */
    static final double FIRST_STEP = 0.05;
    /** Share of the time limit the Lagrangian bound may take. */
    static final double BOUND_SHARE = 0.1;
    /** Share of the time limit the local climb may take. */
    static final double CLIMB_SHARE = 0.1;
    /** Share of the time limit the neighbourhood search may take... */
    static final double NEIGHBOURHOOD_SHARE = 0.25;
    /**
     * ...on networks of at least this many (AP, user) links: on smaller ones whole-network probes are fast
     * (16 x 6, 20 trials: proven in 0.5 s at the median without the search, 1.5 s with it).
     */
    static final long NEIGHBOURHOOD_MIN_LINKS = 256;
    /** Share of the remaining time one probe may take (but the final one)... */
    static final double PROBE_SHARE = 0.25;
    /** ...and of the whole time limit it may always take. */
    static final double MIN_PROBE_SHARE = 0.1;
    /** Large networks: the first step of the bound's ladder, relative... */
    static final double LADDER_STEP = 0.03;
    /** ...and the share of the time left a rung may take (the rungs near the optimum need the most). */
    static final double LADDER_SHARE = 0.5;
    /** CP-SAT threads: this machine's two cores. */
    static final int WORKERS = 2;
    private static final int SEED = 1;
    /** An improvement below this ratio (minus one) is a crawl: the next probe jumps instead. */
    static final double CRAWL = 0.01;
    /** Ends within this ratio (minus one): only improve-or-prove probes. */
    static final double CLOSE = 0.02;
    private static final double BOUND_MARGIN = 1e-12;

    /** The kinds of probe: prove the best optimal or beat it; beat it by a step; refute a step below hi. */
    private enum Move { IMPROVE, UP, DOWN }

    private final double timeLimitSeconds;

    CertifiedMaxMin(double timeLimitSeconds) {
        this.timeLimitSeconds = timeLimitSeconds;
    }

    OptimumSolution solve(AssignmentProblem p) {
        long start = System.nanoTime();
        Search s = new Search(p, start + (long) (timeLimitSeconds * 1e9), timeLimitSeconds);
        s.run(start + (long) (CLIMB_SHARE * timeLimitSeconds * 1e9), (long) (NEIGHBOURHOOD_SHARE * timeLimitSeconds * 1e9),
                (long) (BOUND_SHARE * timeLimitSeconds * 1e9));
        boolean proven = settled(s.lo, s.hi);
        int[] best = polishSum(p, s.best);
        double minRate = p.rows().rates(best, p.rho(), p.mu()).minRate();
        double bound = Rates.fromSinr(s.hi) * (1 + BOUND_MARGIN);
        return OptimumSolution.of(best, minRate, Math.max(bound, minRate), proven, (System.nanoTime() - start) / 1e9,
                OptimumSolution.CP_SAT);
    }

    /** The state of one solve: the two ends, the best assignment, the fronts' steps. */
    private static final class Search {
        private final AssignmentProblem p;
        private final MrRows rows;
        private final long deadline;
        private final double budget;
        private final SinrThresholdModel model;
        int[] best;
        double lo;
        double hi;
        private double up = FIRST_STEP;
        private double down = FIRST_STEP;

        Search(AssignmentProblem p, long deadline, double budget) {
            this.p = p;
            this.rows = p.rows();
            this.deadline = deadline;
            this.budget = budget;
            this.best = new GreedyMaxMin().assign(p, null);
            this.lo = minSinr(rows, best, p.rho(), p.mu());
            this.hi = perUserBound(rows, p.rho());
            this.model = new SinrThresholdModel(rows, p.rho(), p.mu());
        }

        void run(long climbDeadline, long neighbourhoodNanos, long boundNanos) {
            best = ThresholdClimb.climb(p, best, climbDeadline);
            boolean large = (long) rows.nAp() * rows.nUser() >= NEIGHBOURHOOD_MIN_LINKS;
            if (large) {
                down = LADDER_STEP;
                best = NeighbourhoodSearch.improve(p, model, best, System.nanoTime() + neighbourhoodNanos);
            }
            lo = minSinr(rows, best, p.rho(), p.mu());
            hi = Math.min(hi, Math.max(lo, LagrangianBound.of(rows, p.rho(), p.mu(), System.nanoTime() + boundNanos)));
            Move next = Move.IMPROVE;
            while (!settled(lo, hi) && System.nanoTime() < deadline) {
                boolean last = hi <= lo * (1 + FINAL_RATIO);
                double mid = Math.sqrt(lo * hi);
                double before = lo;
                switch (last || hi <= lo * (1 + CLOSE) ? Move.IMPROVE : next) {
                    case IMPROVE -> {
                        SinrThresholdModel.Status st = probe(lo * (1 + TOLERANCE), last ? 1 : PROBE_SHARE);
                        if (last && st == SinrThresholdModel.Status.UNKNOWN) {
                            return; // out of time, or a solution only the rounding slack admits: nothing finer to ask
                        }
                        // a large gain suggests more nearby; small ones would crawl: let the fronts take over
                        next = st == SinrThresholdModel.Status.FEASIBLE && lo > before * (1 + CRAWL) ? Move.IMPROVE
                                : large ? Move.DOWN : Move.UP;
                    }
                    case UP -> {
                        SinrThresholdModel.Status st = probe(Math.min(lo * (1 + up), mid), PROBE_SHARE);
                        up = st == SinrThresholdModel.Status.UNKNOWN ? Math.max(up / 2, FINAL_RATIO) : Math.min(up * 2, 1);
                        next = st == SinrThresholdModel.Status.FEASIBLE ? Move.IMPROVE : Move.DOWN;
                    }
                    case DOWN -> {
                        SinrThresholdModel.Status st = probe(Math.max(hi / (1 + down), mid),
                                large ? LADDER_SHARE : PROBE_SHARE);
                        if (large) {
                            // a ladder: proofs take longer the nearer the optimum (64 x 16: 2 s at 9 % above the
                            // best, 9 s at 7.5 %, 19 s at 6.5 %), so a proven rung keeps the step and a failed
                            // one halves it; and after the neighbourhood search a probe above the best rarely
                            // finds anything, so the time goes to the bound
                            down = st == SinrThresholdModel.Status.UNKNOWN ? Math.max(down / 2, FINAL_RATIO) : down;
                            next = st == SinrThresholdModel.Status.FEASIBLE ? Move.IMPROVE : Move.DOWN;
                        } else {
                            down = st == SinrThresholdModel.Status.UNKNOWN ? Math.max(down / 2, FINAL_RATIO)
                                    : Math.min(down * 2, 1);
                            next = st == SinrThresholdModel.Status.FEASIBLE ? Move.IMPROVE : Move.UP;
                        }
                    }
                }
            }
        }

        /** One CP-SAT probe at gamma with {@code share} of the time left; moves the ends by what it finds. */
        private SinrThresholdModel.Status probe(double gamma, double share) {
            double left = (deadline - System.nanoTime()) / 1e9;
            if (left <= 0) {
                return SinrThresholdModel.Status.UNKNOWN;
            }
            model.threshold(gamma);
            model.hint(best);
            // a share of what is left, but never less than a tenth of the whole limit: probes near the optimum
            // need seconds, and ever shorter ones would all run out
            double seconds = Math.min(left, Math.max(left * share, MIN_PROBE_SHARE * budget));
            SinrThresholdModel.Answer answer = model.solve(seconds, WORKERS, SEED);
            switch (answer.status()) {
                case FEASIBLE -> {
                    double found = minSinr(rows, answer.assignment(), p.rho(), p.mu());
                    if (found > lo) {
                        lo = found;
                        best = answer.assignment();
                    } else {
                        // accepted only thanks to the rounding slack: no progress, as if out of time
                        return SinrThresholdModel.Status.UNKNOWN;
                    }
                }
                case INFEASIBLE -> hi = Math.min(hi, gamma);
                case UNKNOWN -> {
                    // nothing learned
                }
            }
            return answer.status();
        }
    }

    /** Whether the best is proven optimal: nothing reaches {@code lo (1 + TOLERANCE)}. */
    private static boolean settled(double lo, double hi) {
        return hi <= lo * (1 + TOLERANCE) + Double.MIN_NORMAL;
    }

    /** Raises the sum rate by local search, keeping the result only if its min rate held (to 1e-12). */
    private static int[] polishSum(AssignmentProblem p, int[] a) {
        int[] polished = a.clone();
        GreedyMaxMin.polish(polished, p);
        double before = p.rows().rates(a, p.rho(), p.mu()).minRate();
        double after = p.rows().rates(polished, p.rho(), p.mu()).minRate();
        return after >= before - BOUND_MARGIN ? polished : a;
    }

    /** Smallest SINR of an assignment: {@code 2^minRate - 1} computed from the sums directly. */
    static double minSinr(MrRows rows, int[] a, double rho, double mu) {
        SinrBook book = new SinrBook(rows, rho, mu);
        book.load(a);
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < rows.nUser(); k++) {
            min = Math.min(min, book.count[k] > 0 ? book.sinr(k) : 0);
        }
        return min;
    }

    /** {@code min_k rho sum_m T[m][k][k]}: no user does better than with every AP and no interference. */
    static double perUserBound(MrRows rows, double rho) {
        double bound = Double.POSITIVE_INFINITY;
        for (int k = 0; k < rows.nUser(); k++) {
            double s = 0;
            for (int m = 0; m < rows.nAp(); m++) {
                s += rows.gain(m, k);
            }
            bound = Math.min(bound, rho * s);
        }
        // rounding of the sum: a hair above keeps it an upper bound
        return bound * (1 + 1e-12) + Double.MIN_NORMAL;
    }
}
