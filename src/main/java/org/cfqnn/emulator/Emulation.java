package org.cfqnn.emulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.cfqnn.qnn.TrainedQnn;
import org.cfqnn.report.CsvWriter;
import org.cfqnn.rng.Seed;
import org.cfqnn.scenario.ScenarioSettings;

/**
 * One emulation run of one protocol: spawns the recorder, the network and every entity (registered
 * in a fixed order), starts the clock, and when the world has finished its last step collects the
 * results and stops everything it spawned.
 */
public final class Emulation extends AbstractBehavior<Emulation.Command> {

    /** Emulation's protocol. */
    public sealed interface Command extends CborSerializable permits WorldDone, NetworkIdle, Recorded {
    }

    /** The world finished its last step. */
    public enum WorldDone implements Command {
        INSTANCE
    }

    /** The virtual clock has nothing left to deliver. */
    public record NetworkIdle(long at) implements Command {
    }

    /** The recorder's results. */
    public record Recorded(Recorder.Results results) implements Command {
    }

    /** What to run. {@code qnn} holds the initial parameters (untrained when training is emulated). */
    public record Spec(ScenarioSettings settings, String protocol, TrainedQnn qnn, boolean emulateTraining,
                       CsvWriter csv, TraceSink trace, String sweepValue, Executor trainingExecutor,
                       AtomicLong progress) implements NoSerializationVerificationNeeded {
    }

    /** What a run produced; {@code failure} is null on success. */
    public record Outcome(String protocol, String sweepValue, Recorder.Results results, TrafficStats traffic,
                          Map<String, Integer> restarts, double[] cloudParams, double[][] edgeParams,
                          double wallSeconds, double deploymentWallSeconds, String failure)
            implements NoSerializationVerificationNeeded {

        /** Deployment steps per wall-clock second. */
        public double stepsPerSecond() {
            return results == null ? 0 : results.steps() / deploymentWallSeconds;
        }
    }

    private final Spec spec;
    private final ActorRef<Outcome> replyTo;
    private final ActorRef<Recorder.Command> recorder;
    private final TrafficStats traffic = new TrafficStats();
    private final ParameterStore store;
    private final long wallStart = System.nanoTime();
    private final AtomicLong deploymentStart = new AtomicLong(System.nanoTime());
    private boolean worldDone;

    private Emulation(ActorContext<Command> ctx, Spec spec, ActorRef<Outcome> replyTo) {
        super(ctx);
        this.spec = spec;
        this.replyTo = replyTo;
        ScenarioSettings s = spec.settings();
        int nAp = s.radio().nAp();
        TrainedQnn qnn = spec.qnn();
        this.store = new ParameterStore(qnn == null ? null : qnn.cloudParams(), qnn == null ? null : qnn.edgeParams());
        boolean emulate = spec.emulateTraining();
        int edgeSteps = emulate ? qnn.edgeTraining().iterations() : 0;
        this.recorder = ctx.spawn(Recorder.create(s.radio().nUser(), s.emulator().steps(), spec.csv(), spec.sweepValue(),
                spec.protocol()), "recorder");
        Seed seed = new Seed(s.seed());
        ActorRef<Network.Idle> idle = ctx.messageAdapter(Network.Idle.class, i -> new NetworkIdle(i.at()));
        ActorRef<NetworkCommand> network = ctx.spawn(Network.create(s.emulator().clock().equals("virtual"), nAp,
                new LinkModel(s.emulator().links(), seed.split("links")), spec.trace(), traffic, idle), "network");
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        for (String a : addresses(s, spec.protocol())) {
            endpoints.put(a, new Endpoint(a, Addresses.ordinal(a, nAp), network));
        }
        RunContext run = new RunContext(s, spec.protocol(), seed, endpoints, store, qnn, emulate, edgeSteps, recorder,
                ctx.getSelf(), spec.trainingExecutor(), RunContext.faults(s.emulator()), spec.progress(), deploymentStart);
        register(network, Addresses.WORLD, ctx.spawn(World.create(run), Addresses.WORLD).narrow());
        register(network, Addresses.CLOUD, ctx.spawn(Cloud.create(run), Addresses.CLOUD).narrow());
        for (int m = 0; m < nAp; m++) {
            register(network, Addresses.ap(m), ctx.spawn(Ap.create(run, m), Addresses.ap(m)).narrow());
            if (run.nonCentralized()) {
                register(network, Addresses.edge(m), ctx.spawn(Edge.create(run, m), Addresses.edge(m)).narrow());
            }
        }
        for (int k = 0; k < s.radio().nUser(); k++) {
            register(network, Addresses.user(k), ctx.spawn(UserActor.create(run, k), Addresses.user(k)).narrow());
        }
        spec.trace().run(spec.sweepValue().isEmpty() ? spec.protocol() : spec.protocol() + "@" + spec.sweepValue());
        java.util.List<NetworkCommand.Initial> initial = new java.util.ArrayList<>();
        initial.add(new NetworkCommand.Initial(Addresses.WORLD, new Timers.Begin()));
        if (emulate) { // Algorithm 1, line 2: every AP uploads its dataset
            for (int m = 0; m < nAp; m++) {
                initial.add(new NetworkCommand.Initial(Addresses.ap(m), new Timers.Begin()));
            }
        }
        network.tell(new NetworkCommand.Start(initial));
    }

    public static Behavior<Command> create(Spec spec, ActorRef<Outcome> replyTo) {
        return Behaviors.setup(ctx -> new Emulation(ctx, spec, replyTo));
    }

    private static java.util.List<String> addresses(ScenarioSettings s, String protocol) {
        java.util.List<String> out = new java.util.ArrayList<>(java.util.List.of(Addresses.WORLD, Addresses.CLOUD));
        for (int m = 0; m < s.radio().nAp(); m++) {
            out.add(Addresses.ap(m));
            out.add(Addresses.edge(m));
        }
        for (int k = 0; k < s.radio().nUser(); k++) {
            out.add(Addresses.user(k));
        }
        return out;
    }

    private static void register(ActorRef<NetworkCommand> network, String address, ActorRef<Deliver> ref) {
        network.tell(new NetworkCommand.Register(address, ref));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(WorldDone.class, w -> {
                    worldDone = true;
                    recorder.tell(new Recorder.Finish(getContext().messageAdapter(Recorder.Results.class, Recorded::new)));
                    return this;
                })
                .onMessage(NetworkIdle.class, i -> {
                    if (!worldDone) {
                        return finish(null, "the virtual clock ran out of events at t = " + i.at() + " ns before the "
                                + "last step finished");
                    }
                    return this;
                })
                .onMessage(Recorded.class, r -> finish(r.results(), null))
                .build();
    }

    private Behavior<Command> finish(Recorder.Results results, String failure) {
        spec.trace().flush();
        replyTo.tell(new Outcome(spec.protocol(), spec.sweepValue(), results, traffic, store.restarts(), store.cloud(),
                store.edges(), (System.nanoTime() - wallStart) / 1e9, (System.nanoTime() - deploymentStart.get()) / 1e9,
                failure));
        return Behaviors.stopped();
    }
}
