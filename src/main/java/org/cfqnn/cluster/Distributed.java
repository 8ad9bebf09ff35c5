package org.cfqnn.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.cfqnn.emulator.Emulation;
import org.cfqnn.emulator.EmulatorRunner;
import org.cfqnn.emulator.record.Recorder;
import org.cfqnn.io.AsyncLines;
import org.cfqnn.io.Csv;
import org.cfqnn.progress.ProgressListener;

/**
 * A scenario's sweep points and replications run on worker nodes ({@link Work}): the world node hands out
 * the units, gathers them, and writes the same outputs, in the same order, as one JVM would.
 */
public final class Distributed {

    private Distributed() {
    }

    /**
     * Runs every unit of {@code points} on the cluster's workers (this node's included); {@code listener}
     * (may be null) also hears which worker took which unit.
     */
    public static EmulatorRunner.Report run(ActorSystem<?> system, List<EmulatorRunner.Point> points,
                                            EmulatorRunner.Outputs out, ProgressListener.Factory progress,
                                            Work.Listener listener) {
        long start = System.nanoTime();
        List<EmulatorRunner.Unit> units = EmulatorRunner.units(points);
        // a model the units share is trained once, here, not on every worker
        EmulatorRunner.SharedModels shared = EmulatorRunner.sharedModels(units);
        CompletableFuture<Work.Gathered> gathered = new CompletableFuture<>();
        Work.Gathered g;
        try (ProgressListener bar = progress.start("emulate " + units.size() + " units on the workers", units.size())) {
            AtomicInteger shown = new AtomicInteger();
            Work.Listener l = new Work.Listener() {
                @Override
                public void assigned(int unit, ActorRef<Work.WorkerCommand> worker) {
                    if (listener != null) {
                        listener.assigned(unit, worker);
                    }
                }

                @Override
                public void done(int done) {
                    bar.stepBy(done - shown.getAndSet(done));
                    if (listener != null) {
                        listener.done(done);
                    }
                }
            };
            system.systemActorOf(Work.pool(units, shared.perUnit(), gathered, l), "cfqnn-pool-" + System.nanoTime(), Props.empty());
            long timeout = units.get(0).settings().emulator().runTimeout() * units.size();
            g = gathered.get(timeout, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the workers did not finish within emulator.run-timeout per unit");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        List<Emulation.Outcome> outcomes = new ArrayList<>();
        List<EmulatorRunner.Training> trainings = new ArrayList<>(shared.trainings());
        AsyncLines<String> steps = new AsyncLines<>(out.steps(), l -> l);
        out.track().accept(steps);
        AsyncLines<String> trace = new AsyncLines<>(out.trace(), l -> l);
        out.track().accept(trace);
        try (steps; trace) {
            steps.write(Csv.line(Recorder.COLUMNS.toArray()));
            for (int u = 0; u < units.size(); u++) {
                outcomes.addAll(g.results().get(u).outcomes());
                trainings.addAll(g.results().get(u).trainings());
                g.steps().get(u).forEach(steps::write);
                g.trace().get(u).forEach(trace::write);
            }
        }
        return new EmulatorRunner.Report(points, outcomes, trainings, (System.nanoTime() - start) / 1e9, describe(g,
                units.size()));
    }

    /** Who ran what: one line for the pool, one per worker that took a unit. */
    private static List<String> describe(Work.Gathered g, int units) {
        List<String> out = new ArrayList<>();
        out.add("world: pool of " + units + " units (sweep points x replications)"
                + (g.redone() > 0 ? ", " + g.redone() + " run again after their worker was lost" : ""));
        g.unitsByWorker().forEach((w, n) -> {
            Address a = w.path().address();
            out.add((a.hasLocalScope() ? "world" : a.host().getOrElse(() -> "?") + ":" + a.port().getOrElse(() -> 0))
                    + ": worker, " + n + (n == 1 ? " unit" : " units"));
        });
        return out;
    }
}
