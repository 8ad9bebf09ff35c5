package org.cfqnn.bench;

import java.util.ArrayList;
import java.util.List;
import org.cfqnn.baseline.AssignmentMethod;
import org.cfqnn.baseline.AssignmentProblem;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.radio.Channel;
import org.cfqnn.radio.ChannelModel;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.rng.Seed;

/** The decision-time measurements behind {@code cfqnn bench baselines}. */
public final class BaselineBench {

    /** Channels a measurement cycles through, so no decision is repeated on warm caches. */
    public static final int CHANNELS = 8;

    private BaselineBench() {
    }

    /** A network size "MxKxN" (APs x users x antennas) with the paper's other radio parameters. */
    public static RadioModel model(String size) {
        RadioModel d = RadioModel.paper();
        String[] p = size.trim().split("x");
        try {
            if (p.length != 3) {
                throw new NumberFormatException(size);
            }
            return new RadioModel(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]), d.nPath(),
                    d.kappa(), d.dMin(), d.rho(), d.mu(), d.csiError());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("size", size, "must be M x K x N, e.g. 64x16x4");
        }
    }

    /** One method at one size: milliseconds per decision (median of the timer's rounds). */
    public record Result(int nAp, int nUser, int nTx, String method, double msPerDecision) {
    }

    /**
     * Each method deciding on {@link #CHANNELS} channel estimates of the model in turn, every decision
     * from a fresh {@link AssignmentProblem} (so it pays for the couplings it computes, as in a real
     * decision); the channel draws themselves are not timed.
     */
    public static List<Result> decisions(RadioModel model, List<AssignmentMethod> methods, Timer timer) {
        ChannelModel channels = new ChannelModel(model);
        Channel[] estimates = new Channel[CHANNELS];
        for (int i = 0; i < CHANNELS; i++) {
            estimates[i] = channels.draw(new Seed(1).split("bench", i)).estimate();
        }
        List<Result> out = new ArrayList<>();
        for (AssignmentMethod method : methods) {
            double ns = timer.nanosPerOp(calls -> {
                for (long c = 0; c < calls; c++) {
                    Channel h = estimates[(int) (c % CHANNELS)];
                    int[] a = method.assign(AssignmentProblem.of(h, model.rho(), model.mu()), new Seed(c).random());
                    if (a.length != model.nAp()) {
                        throw new IllegalStateException("bad assignment");
                    }
                }
            });
            out.add(new Result(model.nAp(), model.nUser(), model.nTx(), method.name(), ns / 1e6));
        }
        return out;
    }
}
