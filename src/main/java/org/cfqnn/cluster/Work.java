package org.cfqnn.cluster;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.cfqnn.emulator.CborSerializable;
import org.cfqnn.emulator.EmulatorRunner;
import org.cfqnn.emulator.Host;
import org.cfqnn.emulator.Topology;
import org.cfqnn.scenario.ScenarioSettings;

/**
 * Sweeps and replications across nodes by work pulling: the world node's pool holds the scenario's
 * independent units (a sweep point with one seed, {@link EmulatorRunner.Unit}); every worker node (and the
 * world node itself) asks for one when it is idle, runs it whole in its own JVM, and sends back its results
 * and its lines of {@code steps.csv} and {@code trace.jsonl}. The pool writes the units in the order one
 * JVM runs them, so the results are the same. A worker that is lost has its unit run again elsewhere.
 */
public final class Work {

    /** Workers register with the receptionist under this key. */
    public static final ServiceKey<WorkerCommand> WORKER_KEY = ServiceKey.create(WorkerCommand.class, "cfqnn-worker");

    /** Largest chunk of a unit's output lines sent in one message (Artery's frames are 256 KiB). */
    static final int CHUNK_CHARS = 64 * 1024;

    private Work() {
    }

    /** What a worker is told. */
    public sealed interface WorkerCommand extends CborSerializable permits Join, Job, Ran, Stop {
    }

    /** The scenario is done: this worker's node leaves the cluster. */
    public record Stop() implements WorkerCommand {
    }

    /** The pool of the current scenario: ask it for work. */
    public record Join(ActorRef<PoolCommand> pool) implements WorkerCommand {
    }

    /**
     * Run unit {@code unit}: its resolved scenario (seed included), its sweep value, and the bundles of the
     * models it shares with other units, by QNN system ({@link EmulatorRunner#sharedModels}).
     */
    public record Job(int unit, String config, String sweepValue, Map<String, String> models) implements WorkerCommand {
    }

    /** The worker's own unit finished (or failed), off its thread. Local only. */
    public record Ran(int unit, EmulatorRunner.UnitResult result, List<String> steps, List<String> trace,
                      Throwable error) implements WorkerCommand, NoSerializationVerificationNeeded {
    }

    /** What the pool is told. */
    public sealed interface PoolCommand extends CborSerializable permits Ready, Lines, Done, Failed, Workers, Gone {
    }

    /** {@code worker} is idle and takes a unit. */
    public record Ready(ActorRef<WorkerCommand> worker) implements PoolCommand {
    }

    /** A chunk of unit {@code unit}'s lines of {@code file} ("steps" or "trace"), in order. */
    public record Lines(int unit, ActorRef<WorkerCommand> worker, String file, List<String> lines) implements PoolCommand {
    }

    /** Unit {@code unit} is done (after all its lines). */
    public record Done(int unit, ActorRef<WorkerCommand> worker, EmulatorRunner.UnitResult result) implements PoolCommand {
    }

    /** Unit {@code unit} failed: the run cannot go on. */
    public record Failed(int unit, String reason) implements PoolCommand {
    }

    /** The receptionist's workers. Local only. */
    public record Workers(Receptionist.Listing listing) implements PoolCommand, NoSerializationVerificationNeeded {
    }

    /** Death watch: a worker is gone. Local only. */
    public record Gone(ActorRef<WorkerCommand> worker) implements PoolCommand, NoSerializationVerificationNeeded {
    }

    /**
     * What the pool gathered: every unit's result and lines, in unit order; the workers that took part and
     * how many units each worker ran, and how many units were run again because their worker was lost.
     */
    public record Gathered(List<EmulatorRunner.UnitResult> results, List<List<String>> steps, List<List<String>> trace,
                           Map<ActorRef<WorkerCommand>, Integer> unitsByWorker, int redone) {
    }

    /** What the pool tells its owner as it goes. */
    public interface Listener {
        /** Unit {@code unit} went to {@code worker}. */
        default void assigned(int unit, ActorRef<WorkerCommand> worker) {
        }

        /** {@code done} units are done. */
        void done(int done);
    }

    /**
     * A worker: runs the units it is given on this node ({@code system}'s guardian and {@code host}), one at a
     * time on {@code executor}, and asks for the next when done.
     */
    public static Behavior<WorkerCommand> worker(ActorSystem<EmulatorRunner.Request> system, ActorRef<Host.Command> host,
                                                 Executor executor) {
        // a worker's units run one at a time; the node's host, which hosts their entities, also stops the node
        return Behaviors.setup(ctx -> {
            ActorRef<PoolCommand>[] pool = new ActorRef[1];
            return Behaviors.receive(WorkerCommand.class)
                    .onMessage(Join.class, j -> {
                        pool[0] = j.pool();
                        j.pool().tell(new Ready(ctx.getSelf()));
                        return Behaviors.same();
                    })
                    .onMessage(Job.class, job -> {
                        ctx.pipeToSelf(CompletableFuture.supplyAsync(() -> UnitRun.run(job, system, host), executor),
                                (r, error) -> r != null ? r : new Ran(job.unit(), null, null, null, error));
                        return Behaviors.same();
                    })
                    .onMessage(Ran.class, r -> {
                        if (r.error() != null) {
                            pool[0].tell(new Failed(r.unit(), "unit " + r.unit() + " failed on a worker: "
                                    + r.error().getMessage()));
                            return Behaviors.same();
                        }
                        send(pool[0], r.unit(), ctx.getSelf(), "steps", r.steps());
                        send(pool[0], r.unit(), ctx.getSelf(), "trace", r.trace());
                        pool[0].tell(new Done(r.unit(), ctx.getSelf(), r.result()));
                        pool[0].tell(new Ready(ctx.getSelf()));
                        return Behaviors.same();
                    })
                    .onMessage(Stop.class, s -> {
                        host.tell(new Host.Shutdown());
                        return Behaviors.same();
                    })
                    .build();
        });
    }

    /**
     * Starts a worker on this node (its units run one at a time on a thread of their own) and registers it
     * with the receptionist. The node's guardian must have a host.
     */
    public static ActorRef<WorkerCommand> startWorker(ActorSystem<EmulatorRunner.Request> system) {
        ActorRef<Host.Command> host = AskPattern.<EmulatorRunner.Request, ActorRef<Host.Command>>ask(system,
                EmulatorRunner.GetHost::new, Duration.ofSeconds(30), system.scheduler()).toCompletableFuture().join();
        if (host == null) {
            throw new IllegalStateException("a worker needs a host on its node");
        }
        ExecutorService units = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cfqnn-worker");
            t.setDaemon(true);
            return t;
        });
        ActorRef<WorkerCommand> worker = system.systemActorOf(worker(system, host, units), "cfqnn-worker",
                Props.empty());
        system.receptionist().tell(Receptionist.register(WORKER_KEY, worker));
        return worker;
    }

    /**
     * Waits until the receptionist lists at least {@code count} workers (subscribed: no polling).
     *
     * @throws IllegalStateException when fewer are there after {@code timeout}
     */
    public static List<ActorRef<WorkerCommand>> awaitWorkers(ActorSystem<?> system, int count, Duration timeout) {
        CompletableFuture<List<ActorRef<WorkerCommand>>> found = new CompletableFuture<>();
        int[] seen = {0};
        system.systemActorOf(Behaviors.<Receptionist.Listing>setup(ctx -> {
            system.receptionist().tell(Receptionist.subscribe(WORKER_KEY, ctx.getSelf()));
            return Behaviors.receive(Receptionist.Listing.class).onAnyMessage(l -> {
                List<ActorRef<WorkerCommand>> w = new ArrayList<>(l.getServiceInstances(WORKER_KEY));
                seen[0] = w.size();
                if (w.size() >= count) {
                    found.complete(w);
                }
                return found.isDone() ? Behaviors.stopped() : Behaviors.same();
            }).build();
        }), "cfqnn-workers-" + System.nanoTime(), Props.empty());
        try {
            return found.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            found.cancel(false);
            throw new IllegalStateException("cluster: after " + timeout.toSeconds() + " s (cluster.form-timeout) found "
                    + seen[0] + " of " + count + " workers (the world node's own and cluster.workers); are the worker "
                    + "nodes started with --role worker and --seed-nodes pointing at this node?");
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Lines in chunks that fit a message. */
    private static void send(ActorRef<PoolCommand> pool, int unit, ActorRef<WorkerCommand> self, String file,
                             List<String> lines) {
        List<String> chunk = new ArrayList<>();
        int chars = 0;
        for (String l : lines) {
            if (chars + l.length() > CHUNK_CHARS && !chunk.isEmpty()) {
                pool.tell(new Lines(unit, self, file, List.copyOf(chunk)));
                chunk.clear();
                chars = 0;
            }
            chunk.add(l);
            chars += l.length() + 1;
        }
        if (!chunk.isEmpty()) {
            pool.tell(new Lines(unit, self, file, List.copyOf(chunk)));
        }
    }

    /**
     * The pool of one scenario's {@code units}: it hands them to the workers the receptionist lists (at
     * least {@code workers} of them are expected), redoes the units of workers that are lost, and completes
     * {@code gathered} with everything in unit order ({@code listener} hears of every unit handed out and done).
     */
    public static Behavior<PoolCommand> pool(List<EmulatorRunner.Unit> units, List<Map<String, String>> models,
                                             CompletableFuture<Gathered> gathered, Listener listener) {
        return Behaviors.setup(ctx -> {
            ctx.getSystem().receptionist().tell(Receptionist.subscribe(WORKER_KEY,
                    ctx.messageAdapter(Receptionist.Listing.class, Workers::new)));
            List<Integer> queue = new ArrayList<>();
            for (int i = 0; i < units.size(); i++) {
                queue.add(i);
            }
            Set<ActorRef<WorkerCommand>> known = new LinkedHashSet<>();
            Map<ActorRef<WorkerCommand>, Integer> assigned = new HashMap<>();
            Map<Integer, List<String>> steps = new HashMap<>();
            Map<Integer, List<String>> trace = new HashMap<>();
            Map<Integer, EmulatorRunner.UnitResult> done = new TreeMap<>();
            Map<ActorRef<WorkerCommand>, Integer> took = new LinkedHashMap<>();
            Set<ActorRef<WorkerCommand>> idle = new LinkedHashSet<>();
            int[] redone = {0};
            return Behaviors.receive(PoolCommand.class)
                    .onMessage(Workers.class, w -> {
                        for (ActorRef<WorkerCommand> r : w.listing().getServiceInstances(WORKER_KEY)) {
                            if (known.add(r)) {
                                ctx.watchWith(r, new Gone(r));
                                r.tell(new Join(ctx.getSelf()));
                            }
                        }
                        return Behaviors.same();
                    })
                    .onMessage(Ready.class, r -> {
                        if (assigned.containsKey(r.worker()) || gathered.isDone()) {
                            return Behaviors.same(); // busy: it says Ready again when its unit is done
                        }
                        if (queue.isEmpty()) {
                            idle.add(r.worker());
                            return Behaviors.same();
                        }
                        idle.remove(r.worker());
                        int u = queue.remove(0);
                        assigned.put(r.worker(), u);
                        steps.put(u, new ArrayList<>());
                        trace.put(u, new ArrayList<>());
                        EmulatorRunner.Unit unit = units.get(u);
                        r.worker().tell(new Job(u, unit.settings().sourceText(), unit.value(), models.get(u)));
                        listener.assigned(u, r.worker());
                        return Behaviors.same();
                    })
                    .onMessage(Lines.class, l -> {
                        if (Integer.valueOf(l.unit()).equals(assigned.get(l.worker()))) {
                            (l.file().equals("steps") ? steps : trace).get(l.unit()).addAll(l.lines());
                        }
                        return Behaviors.same();
                    })
                    .onMessage(Done.class, d -> {
                        if (!Integer.valueOf(d.unit()).equals(assigned.remove(d.worker()))) {
                            return Behaviors.same();
                        }
                        done.put(d.unit(), d.result());
                        took.merge(d.worker(), 1, Integer::sum);
                        listener.done(done.size());
                        if (done.size() == units.size()) {
                            List<List<String>> s = new ArrayList<>();
                            List<List<String>> t = new ArrayList<>();
                            for (int i = 0; i < units.size(); i++) {
                                s.add(steps.get(i));
                                t.add(trace.get(i));
                            }
                            gathered.complete(new Gathered(new ArrayList<>(done.values()), s, t, took,
                                    redone[0]));
                            return Behaviors.stopped();
                        }
                        return Behaviors.same();
                    })
                    .onMessage(Failed.class, f -> {
                        gathered.completeExceptionally(new IllegalStateException(f.reason()));
                        return Behaviors.stopped();
                    })
                    .onMessage(Gone.class, g -> {
                        known.remove(g.worker());
                        idle.remove(g.worker());
                        Integer u = assigned.remove(g.worker());
                        if (u != null) { // run it again: on an idle worker now, or on the next that is done
                            queue.add(0, u);
                            redone[0]++;
                            if (!idle.isEmpty()) {
                                ActorRef<WorkerCommand> w = idle.iterator().next();
                                idle.remove(w);
                                ctx.getSelf().tell(new Ready(w));
                            }
                        }
                        return Behaviors.same();
                    })
                    .build();
        });
    }

    /** One unit run on a worker's node, with its output lines. */
    static final class UnitRun {

        private UnitRun() {
        }

        static Ran run(Job job, ActorSystem<EmulatorRunner.Request> system, ActorRef<Host.Command> host) {
            try {
                Path dir = Files.createTempDirectory("cfqnn-unit-");
                try {
                    ScenarioSettings s = ScenarioSettings.of(ConfigFactory.parseString(job.config()));
                    EmulatorRunner.UnitResult r = EmulatorRunner.runUnit(new EmulatorRunner.Unit(job.sweepValue(), s),
                            job.models(), EmulatorRunner.Outputs.in(dir), system, Topology.local(host));
                    List<String> steps = Files.readAllLines(dir.resolve("steps.csv"));
                    Path t = dir.resolve("trace.jsonl");
                    List<String> trace = Files.exists(t) ? Files.readAllLines(t) : List.of();
                    return new Ran(job.unit(), r, steps, trace, null);
                } finally {
                    try (var walk = Files.walk(dir)) {
                        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
