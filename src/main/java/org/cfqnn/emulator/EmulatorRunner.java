package org.cfqnn.emulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.cfqnn.emulator.record.Recorder;
import org.cfqnn.emulator.record.TraceWriter;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.io.AsyncLines;
import org.cfqnn.progress.ProgressListener;
import org.cfqnn.protocol.Protocol;
import org.cfqnn.qnn.ModelFiles;
import org.cfqnn.qnn.TrainedQnn;
import org.cfqnn.qnn.train.SystemTrainer;
import org.cfqnn.scenario.Defaults;
import org.cfqnn.scenario.EmulatorSettings;
import org.cfqnn.scenario.Models;
import org.cfqnn.scenario.ScenarioSettings;
import org.cfqnn.scenario.TrainingMode;

/**
 * Runs a scenario: for every sweep point, every protocol (the QNN protocols once per QNN system), one
 * emulation in one actor system, on the same channel realizations (the world's streams depend on the
 * seed only). QNN models are trained once per distinct configuration ({@code training = offline}), loaded
 * ({@code load}), or trained inside the system's non-centralized run by Algorithm 1's emulated phases
 * ({@code emulate}), whose parameters the system's other protocols then deploy.
 */
public final class EmulatorRunner {

    /**
     * One point of a sweep: its label ({@code value}, empty without a sweep), its settings, and its value on
     * each axis of the sweep ({@code coordinates}, in the axes' order).
     */
    public record Point(String value, ScenarioSettings settings, List<String> coordinates) {

        /** A point of a one-key sweep (or, with an empty value, no sweep). */
        public Point(String value, ScenarioSettings settings) {
            this(value, settings, value.isEmpty() ? List.of() : List.of(value));
        }
    }

    /**
     * How a QNN system was obtained, and in how long (wall clock): offline training or loading before the
     * runs, or Algorithm 1's phases emulated in the system's non-centralized run ({@code virtualSeconds}:
     * their emulated duration).
     */
    public record Training(String mode, String system, String cloudAnsatz, String edgeAnsatz, double seconds,
                           double virtualSeconds) implements CborSerializable {
    }

    /** Everything the runs produced. */
    public record Report(List<Point> points, List<Emulation.Outcome> outcomes, List<Training> trainings,
                         double wallSeconds, List<String> nodes) {
    }

    /**
     * Where a run's streamed outputs go; {@code track} receives every writer opened, so an interrupted run
     * can still flush them.
     */
    public record Outputs(Path steps, Path trace, Consumer<AutoCloseable> track) {

        /** {@code steps.csv} and {@code trace.jsonl} in {@code dir}. */
        public static Outputs in(Path dir) {
            return new Outputs(dir.resolve("steps.csv"), dir.resolve("trace.jsonl"), w -> { });
        }
    }

    /** What a node's guardian does: start one emulation (world node), or hand out its host. Local only. */
    public sealed interface Request extends NoSerializationVerificationNeeded permits RunRequest, GetHost {
    }

    /** Run one emulation. */
    record RunRequest(Emulation.Spec spec, ActorRef<Emulation.Outcome> replyTo) implements Request {
    }

    /** Reply with this node's host. */
    public record GetHost(ActorRef<ActorRef<Host.Command>> replyTo) implements Request {
    }

    /** One run of a protocol with a QNN system ({@code system}: empty for a classical protocol). */
    private record RunOf(Protocol protocol, ScenarioSettings.QnnSystem system) {
    }

    private EmulatorRunner() {
    }

    /**
     * A node's guardian: a host if {@code host} (in a cluster, registered with the receptionist for the cloud
     * and/or edge roles so the world node finds it) and, on the world node, the emulations it is asked to
     * run. {@code die} kills the node (cluster faults), {@code shutdown} stops it when the world node is done.
     */
    public static Behavior<Request> guardian(boolean host, boolean cloudRole, boolean edgeRole, Runnable die,
                                             Runnable shutdown) {
        return Behaviors.setup(ctx -> {
            ActorRef<Host.Command> hostRef = host ? ctx.spawn(Host.create(die, shutdown), "host") : null;
            if (cloudRole) {
                ctx.getSystem().receptionist().tell(Receptionist.register(Host.CLOUD_KEY, hostRef));
            }
            if (edgeRole) {
                ctx.getSystem().receptionist().tell(Receptionist.register(Host.EDGE_KEY, hostRef));
            }
            long[] runs = {0};
            return Behaviors.receive(Request.class)
                    .onMessage(RunRequest.class, r -> {
                        ctx.spawn(Emulation.create(r.spec(), r.replyTo()), "run-" + runs[0]++);
                        return Behaviors.same();
                    })
                    .onMessage(GetHost.class, g -> {
                        g.replyTo().tell(hostRef);
                        return Behaviors.same();
                    })
                    .build();
        });
    }

    /** Runs every point and protocol in this JVM, streaming the step CSV and the trace. */
    public static Report run(List<Point> points, Outputs out, ProgressListener.Factory progress) {
        return run(points, out, progress, Defaults.config());
    }

    /** As above, in an actor system with the given configuration (tests turn message serialization checks on). */
    public static Report run(List<Point> points, Outputs out, ProgressListener.Factory progress,
                             com.typesafe.config.Config actorConfig) {
        ActorSystem<Request> system = ActorSystem.create(guardian(true, false, false, () -> { }, () -> { }), "cfqnn",
                actorConfig);
        try {
            ActorRef<Host.Command> host = AskPattern.<Request, ActorRef<Host.Command>>ask(system, GetHost::new,
                    Duration.ofSeconds(30), system.scheduler()).toCompletableFuture().join();
            return run(points, out, progress, system, Topology.local(host));
        } finally {
            system.terminate();
            try {
                system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // the JVM exits anyway; nothing left to flush
            }
        }
    }

    /**
     * Runs every point and protocol with the world on this node ({@code system}, whose guardian is
     * {@link #guardian}) and the other entities on the hosts of {@code topology}. A node that dies stays
     * dead: later runs go on without it.
     */
    public static Report run(List<Point> points, Outputs out, ProgressListener.Factory progress,
                             ActorSystem<Request> system, Topology topology) {
        long start = System.nanoTime();
        EmulatorSettings first = points.get(0).settings().emulator();
        AsyncLines<String> steps = new AsyncLines<>(out.steps(), line -> line);
        out.track().accept(steps);
        TraceWriter trace = TraceWriter.open(out.trace(), first.trace());
        out.track().accept(trace);
        steps.write(org.cfqnn.io.Csv.line(Recorder.COLUMNS.toArray()));
        Runs runs;
        try (steps; trace; ProgressListener bar = progress.start(progressTitle(points), totalTicks(points))) {
            runs = new Runs(system, topology, steps, trace, bar);
            for (Unit u : units(points)) {
                runs.unit(u);
            }
        }
        return new Report(points, runs.outcomes, runs.trainings, (System.nanoTime() - start) / 1e9,
                topology.describe(points.get(0).settings().radio().nAp()));
    }

    /**
     * One independent piece of a scenario: a sweep point with one seed (a replication). Units share no
     * state but offline-trained models, which are the same wherever they are trained, so they can run
     * anywhere, in any order, and give the same results.
     */
    public record Unit(String value, ScenarioSettings settings) {
    }

    /** The units of a scenario in order: every point, every seed of it. */
    public static List<Unit> units(List<Point> points) {
        List<Unit> out = new ArrayList<>();
        for (Point p : points) {
            for (ScenarioSettings s : replications(p.settings())) {
                out.add(new Unit(p.value(), s));
            }
        }
        return out;
    }

    /** What a unit produced (a worker node sends it back): its runs and how its models were obtained. */
    public record UnitResult(List<Emulation.Outcome> outcomes, List<Training> trainings) implements CborSerializable {
    }

    /**
     * Offline models that several units share (the sweep points of one seed), obtained once on this node so
     * that the nodes running the units need not train them again: per unit, each QNN system's model by
     * system name, as a model bundle ({@link ModelFiles#bundle}). A model only one unit uses (a replication's
     * own seed) is left to the node that runs it, so replications train in parallel; so is one whose bundle
     * exceeds {@link #MAX_SHIPPED_CHARS}.
     */
    public record SharedModels(List<Map<String, String>> perUnit, List<Training> trainings) {
    }

    /** Largest model bundle shipped with a unit (a cluster message stays well inside Artery's frames). */
    static final int MAX_SHIPPED_CHARS = 128 * 1024;

    public static SharedModels sharedModels(List<Unit> units) {
        Map<String, Integer> uses = new HashMap<>();
        for (Unit u : units) {
            offlineSystems(u.settings()).forEach(q -> uses.merge(trainingKey(u.settings().withSystem(q)), 1, Integer::sum));
        }
        Map<String, String> bundles = new HashMap<>();
        List<Training> trainings = new ArrayList<>();
        List<Map<String, String>> perUnit = new ArrayList<>();
        for (Unit u : units) {
            Map<String, String> models = new LinkedHashMap<>();
            for (ScenarioSettings.QnnSystem q : offlineSystems(u.settings())) {
                ScenarioSettings sys = u.settings().withSystem(q);
                String key = trainingKey(sys);
                if (uses.get(key) > 1) {
                    String bundle = bundles.computeIfAbsent(key, k -> ModelFiles.bundle(obtain(sys, false, trainings)));
                    if (bundle.length() <= MAX_SHIPPED_CHARS) {
                        models.put(q.name(), bundle);
                    }
                }
            }
            perUnit.add(models);
        }
        return new SharedModels(perUnit, trainings);
    }

    /** The QNN systems a unit trains or loads before its runs (none when it trains them by emulation). */
    private static List<ScenarioSettings.QnnSystem> offlineSystems(ScenarioSettings s) {
        boolean usesQnn = s.emulator().protocols().stream().anyMatch(Protocol::usesQnn);
        return !usesQnn || s.emulator().training() == TrainingMode.EMULATE ? List.of() : s.systems();
    }

    /**
     * Runs one unit on this node and the hosts of {@code topology}, streaming its steps and trace; {@code
     * models} are bundles of offline models by system name ({@link #sharedModels}) that it need not obtain.
     */
    public static UnitResult runUnit(Unit unit, Map<String, String> models, Outputs out, ActorSystem<Request> system,
                                     Topology topology) {
        AsyncLines<String> steps = new AsyncLines<>(out.steps(), line -> line);
        TraceWriter trace = TraceWriter.open(out.trace(), unit.settings().emulator().trace());
        Runs runs;
        try (steps; trace) {
            runs = new Runs(system, topology, steps, trace, ProgressListener.NONE);
            models.forEach((name, bundle) -> runs.offline.put(
                    trainingKey(unit.settings().withSystem(systemNamed(unit.settings(), name))),
                    ModelFiles.fromBundle(bundle)));
            runs.unit(unit);
        }
        return new UnitResult(runs.outcomes, runs.trainings);
    }

    /** The runs of a scenario so far, and what they share: trained models, nodes lost, the outputs. */
    private static final class Runs {
        final ActorSystem<Request> system;
        final Topology topology;
        final AsyncLines<String> steps;
        final TraceWriter trace;
        final ProgressListener bar;
        final List<Emulation.Outcome> outcomes = new ArrayList<>();
        final List<Training> trainings = new ArrayList<>();
        final Map<String, TrainedQnn> offline = new HashMap<>(); // trained before the runs: the same for every unit
        final Set<String> lostNodes = new LinkedHashSet<>();
        final AtomicLong done = new AtomicLong();
        long runs;

        Runs(ActorSystem<Request> system, Topology topology, AsyncLines<String> steps, TraceWriter trace,
             ProgressListener bar) {
            this.system = system;
            this.topology = topology;
            this.steps = steps;
            this.trace = trace;
            this.bar = bar;
        }

        /** Every protocol of a unit; models trained by emulation serve that unit's other protocols only. */
        void unit(Unit u) {
            ScenarioSettings s = u.settings();
            Map<String, TrainedQnn> emulated = new HashMap<>();
            for (RunOf r : order(s)) {
                TrainedQnn qnn = null;
                boolean emulate = false;
                String systemName = r.system() == null ? "" : r.system().name();
                if (r.protocol().usesQnn()) {
                    ScenarioSettings sys = s.withSystem(r.system());
                    String key = trainingKey(sys);
                    qnn = emulated.getOrDefault(key, offline.get(key));
                    if (qnn == null) {
                        emulate = s.emulator().training() == TrainingMode.EMULATE
                                && r.protocol() == Protocol.NON_CENTRALIZED;
                        qnn = obtain(sys, emulate, trainings);
                        if (!emulate) {
                            offline.put(key, qnn);
                        }
                    }
                }
                Emulation.Spec spec = new Emulation.Spec("run-" + runs++, s, s.sourceText(), r.protocol(), systemName,
                        qnn, emulate, steps, trace, u.value(), done, topology.worldNode(), topology.hosts(s, lostNodes),
                        topology.lostEntities(s, lostNodes));
                Emulation.Outcome outcome = await(system, spec, bar, done, s.emulator().runTimeout());
                if (outcome.failure() != null) {
                    throw new IllegalStateException(spec.label() + ": " + outcome.failure());
                }
                outcomes.add(outcome);
                lostNodes.addAll(outcome.lostNodes());
                if (emulate) { // hand the parameters Algorithm 1 trained to the system's other protocols
                    emulated.put(trainingKey(s.withSystem(r.system())),
                            withParameters(qnn, outcome.cloudParams(), outcome.edgeParams()));
                    trainings.set(trainings.size() - 1, new Training("emulate", systemName, qnn.cloud().ansatz(),
                            qnn.edge().ansatz(), outcome.trainingWallSeconds(),
                            outcome.results().deploymentVirtualStart() / 1e9));
                }
            }
        }
    }

    /** The independent replications of a point: seeds seed, seed + 1, ..., seed + replications - 1. */
    static List<ScenarioSettings> replications(ScenarioSettings s) {
        List<ScenarioSettings> out = new ArrayList<>();
        for (int r = 0; r < s.emulator().replications(); r++) {
            out.add(r == 0 ? s : s.withSeed(s.seed() + r));
        }
        return out;
    }

    /**
     * The runs of one point: the protocols in the order given, each QNN protocol once per QNN system; the
     * non-centralized runs first, since with emulated training they train what the others use.
     */
    private static List<RunOf> order(ScenarioSettings s) {
        List<RunOf> out = new ArrayList<>();
        List<Protocol> protocols = new ArrayList<>(s.emulator().protocols());
        if (protocols.remove(Protocol.NON_CENTRALIZED)) {
            protocols.add(0, Protocol.NON_CENTRALIZED);
        }
        for (Protocol p : protocols) {
            if (p.usesQnn()) {
                s.systems().forEach(q -> out.add(new RunOf(p, q)));
            } else {
                out.add(new RunOf(p, null));
            }
        }
        return out;
    }

    /** Ticks of every run: deployment steps, and the edge-training ticks of emulated training. */
    private static long totalTicks(List<Point> points) {
        long total = 0;
        for (Point p : points) {
            EmulatorSettings e = p.settings().emulator();
            long perSeed = (long) e.steps() * order(p.settings()).size();
            if (e.training() == TrainingMode.EMULATE && e.protocols().contains(Protocol.NON_CENTRALIZED)) {
                for (ScenarioSettings.QnnSystem q : p.settings().systems()) {
                    perSeed += q.edge().training().iterations();
                }
            }
            total += perSeed * e.replications();
        }
        return total;
    }

    private static String progressTitle(List<Point> points) {
        ScenarioSettings s = points.get(0).settings();
        long runs = (long) points.size() * order(s).size() * s.emulator().replications();
        long training = totalTicks(points) - runs * s.emulator().steps();
        return "emulate " + runs + " runs x " + s.emulator().steps() + " steps"
                + (training > 0 ? " + " + training + " training steps" : "");
    }

    private static ScenarioSettings.QnnSystem systemNamed(ScenarioSettings s, String name) {
        return s.systems().stream().filter(q -> q.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no QNN system " + name + " in the unit's scenario"));
    }

    private static String trainingKey(ScenarioSettings s) {
        return Objects.hash(s.seed(), s.radio(), s.cloud(), s.edge(), s.emulator().training(), s.emulator().models()) + "";
    }

    private static TrainedQnn obtain(ScenarioSettings s, boolean emulate, List<Training> trainings) {
        var cloud = Models.cloud(s.cloud(), s.radio());
        var edge = Models.edge(s.edge(), s.radio());
        String system = s.systems().get(0).name();
        long t0 = System.nanoTime();
        TrainedQnn q;
        String mode;
        if (s.emulator().training() == TrainingMode.LOAD) {
            q = ModelFiles.read(Path.of(s.emulator().models()));
            if (q.nAp() != s.radio().nAp() || q.nUser() != s.radio().nUser() || q.nTx() != s.radio().nTx()) {
                throw new InvalidInputException("emulator.models", s.emulator().models(), String.format(
                        "were trained for M=%d K=%d N=%d, the scenario has M=%d K=%d N=%d", q.nAp(), q.nUser(), q.nTx(),
                        s.radio().nAp(), s.radio().nUser(), s.radio().nTx()));
            }
            mode = "load";
        } else if (emulate) {
            q = SystemTrainer.initial(s.radio(), cloud, s.cloud().training(), s.cloud().decoding(), s.cloud().candidates(),
                    edge, s.edge().training(), s.seed());
            mode = "emulate";
        } else {
            q = SystemTrainer.train(s.radio(), cloud, s.cloud().training(), s.cloud().decoding(), s.cloud().candidates(),
                    edge, s.edge().training(), s.seed(), ProgressListener.Factory.NONE).qnn();
            mode = "offline";
        }
        trainings.add(new Training(mode, system, q.cloud().ansatz(), q.edge().ansatz(), (System.nanoTime() - t0) / 1e9,
                0));
        return q;
    }

    private static TrainedQnn withParameters(TrainedQnn q, double[] cloud, double[][] edges) {
        return new TrainedQnn(q.nAp(), q.nUser(), q.nTx(), q.cloud(), cloud, q.decoding(), q.candidates(),
                q.cloudTraining(), q.edge(), edges, q.edgeTraining(), q.seed());
    }

    private static Emulation.Outcome await(ActorSystem<Request> system, Emulation.Spec spec, ProgressListener bar,
                                           AtomicLong done, long timeoutNanos) {
        CompletableFuture<Emulation.Outcome> f = AskPattern.<Request, Emulation.Outcome>ask(system,
                replyTo -> new RunRequest(spec, replyTo), Duration.ofNanos(timeoutNanos), system.scheduler())
                .toCompletableFuture();
        long shown = done.get();
        while (true) {
            try {
                Emulation.Outcome o = f.get(200, TimeUnit.MILLISECONDS);
                bar.stepBy(done.get() - shown);
                return o;
            } catch (java.util.concurrent.TimeoutException e) {
                long now = done.get();
                bar.stepBy(now - shown);
                shown = now;
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("emulation of " + spec.label() + " failed: " + e.getCause().getMessage(),
                        e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
