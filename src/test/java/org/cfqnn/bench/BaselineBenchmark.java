package org.cfqnn.bench;

import java.util.concurrent.TimeUnit;
import org.cfqnn.baseline.AssignmentMethod;
import org.cfqnn.baseline.AssignmentProblem;
import org.cfqnn.baseline.GreedyMaxMin;
import org.cfqnn.baseline.ReferenceGreedyMaxMin;
import org.cfqnn.baseline.ReferenceSearch;
import org.cfqnn.baseline.SearchBaseline;
import org.cfqnn.radio.Channel;
import org.cfqnn.radio.ChannelModel;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.rng.Seed;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One decision of greedy-maxmin and of the search, incremental (main code) against the full-table
 * implementations they replaced (test references), in one run: tools/jmh BaselineBenchmark
 * (-p size=64x16x4 to pick a size; the reference greedy takes about half a minute per decision at 256x64).
 * Each decision builds its problem from one of 8 estimates in turn.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BaselineBenchmark {

    @Param({"4x3x2", "16x6x4", "64x16x4", "256x64x4"})
    String size;

    RadioModel model;
    Channel[] estimates;
    int next;

    private final AssignmentMethod greedy = new GreedyMaxMin();
    private final AssignmentMethod greedyReference = new ReferenceGreedyMaxMin();
    private final AssignmentMethod search = new SearchBaseline();
    private final AssignmentMethod searchReference = new ReferenceSearch();

    @Setup
    public void setup() {
        model = BaselineBench.model(size);
        ChannelModel channels = new ChannelModel(model);
        estimates = new Channel[BaselineBench.CHANNELS];
        for (int i = 0; i < estimates.length; i++) {
            estimates[i] = channels.draw(new Seed(1).split("bench", i)).estimate();
        }
    }

    private int[] decide(AssignmentMethod method) {
        Channel h = estimates[next++ % estimates.length];
        return method.assign(AssignmentProblem.of(h, model.rho(), model.mu()), null);
    }

    @Benchmark
    public int[] greedyIncremental() {
        return decide(greedy);
    }

    @Benchmark
    public int[] greedyFullTable() {
        return decide(greedyReference);
    }

    @Benchmark
    public int[] searchIncremental() {
        return decide(search);
    }

    @Benchmark
    public int[] searchFullTable() {
        return decide(searchReference);
    }
}
