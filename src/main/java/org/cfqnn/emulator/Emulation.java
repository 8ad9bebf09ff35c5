package org.cfqnn.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Subscribe;
import org.cfqnn.qnn.ModelFiles;
import org.cfqnn.qnn.TrainedQnn;
import org.cfqnn.report.CsvWriter;
import org.cfqnn.rng.Seed;
import org.cfqnn.scenario.EmulatorSettings;
import org.cfqnn.scenario.ScenarioSettings;

/**
 * One emulation run of one protocol, on the world's node: spawns the recorder, the network, the world
 * and the users, asks every host for its part (the cloud, APs and edges), starts the clock once all
 * have registered, and when the world has finished its last step stops the hosts' entities, collects
 * what they learned and the recorder's results, and stops everything it spawned. It also notes what
 * becomes of nodes that die (cluster faults): when they said they were dying, when the cluster found
 * them unreachable and removed them, and when the network lost their entities.
 */
public final class Emulation extends AbstractBehavior<Emulation.Command> {

    /** Emulation's protocol. */
    public sealed interface Command extends CborSerializable permits WorldDone, Failed, FromNetwork, Recorded,
            HostStopped, HostGone, NodeDying, MemberChange {
    }

    /** The world finished its last step. */
    public enum WorldDone implements Command {
        INSTANCE
    }

    /** The run cannot go on ({@code reason} says why). */
    public record Failed(String reason) implements Command {
    }

    /** The network's report (idle clock, lost entity), through a local adapter. */
    public record FromNetwork(Network.Report report) implements Command, NoSerializationVerificationNeeded {
    }

    /** The recorder's results, through a local adapter. */
    public record Recorded(Recorder.Results results) implements Command, NoSerializationVerificationNeeded {
    }

    /** A host's report at the end of the run, through a local adapter. */
    public record HostStopped(Host.Stopped stopped) implements Command, NoSerializationVerificationNeeded {
    }

    /** Death watch (local): a host's node is gone. */
    public record HostGone(String node) implements Command, NoSerializationVerificationNeeded {
    }

    /** A host about to kill its node (a cluster fault), at {@link WallClock} time {@code wallMicros}. */
    public record NodeDying(String node, long wallMicros) implements Command {
    }

    /** Cluster membership: {@code address} became unreachable, or was removed. Local only. */
    public record MemberChange(Address address, boolean removed, long wallMicros)
            implements Command, NoSerializationVerificationNeeded {
    }

    /**
     * A host of this run: node name, whether it hosts the cloud, and which APs (with their edges);
     * {@code crashStep} kills its node while it handles that step (negative: never).
     */
    public record HostRef(ActorRef<Host.Command> ref, String node, boolean cloud, int[] aps, long crashStep)
            implements NoSerializationVerificationNeeded {
    }

    /**
     * What to run. {@code qnn} holds the initial parameters (untrained when training is emulated);
     * {@code lostEarlier} names the node of every entity whose node died in an earlier run.
     */
    public record Spec(String runId, ScenarioSettings settings, String config, String protocol, TrainedQnn qnn,
                       boolean emulateTraining, CsvWriter csv, TraceSink trace, String sweepValue, AtomicLong progress,
                       String node, List<HostRef> hosts, Map<String, String> lostEarlier)
            implements NoSerializationVerificationNeeded {
    }

    /**
     * What became of a node that died: when it said so, when the cluster found it unreachable and removed
     * it, and when the network lost its first entity ({@link WallClock} microseconds, -1 not seen).
     */
    public record NodeLoss(String node, long dyingMicros, long unreachableMicros, long removedMicros,
                           long entitiesLostMicros) {
    }

    /** What a run produced; {@code failure} is null on success. */
    public record Outcome(String protocol, String sweepValue, Recorder.Results results, TrafficStats traffic,
                          Map<String, Integer> restarts, double[] cloudParams, double[][] edgeParams,
                          double wallSeconds, double deploymentWallSeconds, List<NodeLoss> nodeLosses,
                          Set<String> lostNodes, String failure) implements NoSerializationVerificationNeeded {

        /** Deployment steps per wall-clock second. */
        public double stepsPerSecond() {
            return results == null ? 0 : results.steps() / deploymentWallSeconds;
        }
    }

    private final Spec spec;
    private final ActorRef<Outcome> replyTo;
    private final ActorRef<Recorder.Command> recorder;
    private final ActorRef<NetworkCommand> network;
    private final TrafficStats traffic = new TrafficStats();
    private final long wallStart = System.nanoTime();
    private final AtomicLong deploymentStart = new AtomicLong(System.nanoTime());
    private final Map<String, HostRef> live = new LinkedHashMap<>();
    private final Set<String> lostNodes = new LinkedHashSet<>();
    private final Map<String, long[]> nodeTimes = new TreeMap<>(); // dying, unreachable, removed, entities lost
    private final Set<String> awaiting = new LinkedHashSet<>();
    private final double[][] edgeParams;
    private final Map<String, Integer> restarts = new TreeMap<>();
    private final long[] latencyReports;
    private double[] cloudParams;
    private boolean worldDone;

    private Emulation(ActorContext<Command> ctx, Spec spec, ActorRef<Outcome> replyTo) {
        super(ctx);
        this.spec = spec;
        this.replyTo = replyTo;
        ScenarioSettings s = spec.settings();
        int nAp = s.radio().nAp();
        TrainedQnn qnn = spec.qnn();
        this.cloudParams = qnn == null ? null : qnn.cloudParams();
        this.edgeParams = qnn == null ? null : qnn.edgeParams().clone();
        this.latencyReports = new long[nAp];
        boolean emulate = spec.emulateTraining();
        int edgeSteps = emulate ? qnn.edgeTraining().iterations() : 0;
        this.recorder = ctx.spawn(Recorder.create(s.radio().nUser(), s.emulator().steps(), spec.csv(), spec.sweepValue(),
                spec.protocol()), "recorder");
        Seed seed = new Seed(s.seed());
        boolean nonCentralized = spec.protocol().equals(EmulatorSettings.NON_CENTRALIZED);

        // who runs where; APs (and the cloud) whose node is gone are lost from the start
        Set<String> expected = new LinkedHashSet<>(List.of(Addresses.WORLD));
        boolean[] hosted = new boolean[nAp];
        boolean cloudHosted = false;
        for (HostRef h : spec.hosts()) {
            live.put(h.node(), h);
            ctx.watchWith(h.ref(), new HostGone(h.node()));
            if (h.cloud()) {
                expected.add(Addresses.CLOUD);
                cloudHosted = true;
            }
            for (int m : h.aps()) {
                hosted[m] = true;
                expected.add(Addresses.ap(m));
                if (nonCentralized) {
                    expected.add(Addresses.edge(m));
                }
            }
        }
        for (int k = 0; k < s.radio().nUser(); k++) {
            expected.add(Addresses.user(k));
        }
        ActorRef<Network.Report> reports = ctx.messageAdapter(Network.Report.class, FromNetwork::new);
        this.network = ctx.spawn(Network.create(s.emulator().clock().equals("virtual"), nAp,
                new LinkModel(s.emulator().links(), seed.split("links")), spec.trace(), traffic, reports, spec.node(),
                expected), "network");

        // the world and the users live here, with the network
        boolean virtual = s.emulator().clock().equals("virtual");
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        endpoints.put(Addresses.WORLD, Endpoint.of(Addresses.WORLD, nAp, network, virtual));
        for (int k = 0; k < s.radio().nUser(); k++) {
            endpoints.put(Addresses.user(k), Endpoint.of(Addresses.user(k), nAp, network, virtual));
        }
        RunContext run = new RunContext(s, spec.protocol(), seed, endpoints, new ParameterStore(null, null), qnn, emulate,
                edgeSteps, recorder, ctx.getSelf(), Runnable::run, Set.of(), spec.progress(), deploymentStart, spec.node(),
                RunContext.NodeCrash.NONE, new AtomicLongArray(nAp));
        register(Addresses.WORLD, ctx.spawn(World.create(run), Addresses.WORLD).narrow());
        for (int k = 0; k < s.radio().nUser(); k++) {
            register(Addresses.user(k), ctx.spawn(UserActor.create(run, k), Addresses.user(k)).narrow());
        }
        String models = qnn == null ? null : ModelFiles.bundle(qnn);
        for (HostRef h : spec.hosts()) {
            h.ref().tell(new Host.StartRun(spec.runId(), h.node(), spec.config(), spec.protocol(), models, emulate,
                    h.cloud(), h.aps(), h.crashStep(), network, recorder, ctx.getSelf()));
        }
        if (clustered(ctx)) {
            Cluster.get(ctx.getSystem()).subscriptions().tell(Subscribe.create(ctx.messageAdapter(
                    ClusterEvent.UnreachableMember.class, u -> new MemberChange(u.member().address(), false,
                            WallClock.micros())), ClusterEvent.UnreachableMember.class));
            Cluster.get(ctx.getSystem()).subscriptions().tell(Subscribe.create(ctx.messageAdapter(
                    ClusterEvent.MemberRemoved.class, r -> new MemberChange(r.member().address(), true,
                            WallClock.micros())), ClusterEvent.MemberRemoved.class));
        }

        spec.trace().run(spec.sweepValue().isEmpty() ? spec.protocol() : spec.protocol() + "@" + spec.sweepValue());
        List<NetworkCommand.Initial> initial = new ArrayList<>();
        initial.add(new NetworkCommand.Initial(Addresses.WORLD, new Timers.Begin()));
        if (emulate) { // Algorithm 1, line 2: every AP uploads its dataset
            for (int m = 0; m < nAp; m++) {
                initial.add(new NetworkCommand.Initial(Addresses.ap(m), new Timers.Begin()));
            }
        }
        for (int m = 0; m < nAp; m++) {
            if (!hosted[m]) {
                lostFromStart(initial, Addresses.ap(m), spec.lostEarlier().getOrDefault(Addresses.ap(m), "?"));
            }
        }
        if (!cloudHosted) {
            lostFromStart(initial, Addresses.CLOUD, spec.lostEarlier().getOrDefault(Addresses.CLOUD, "?"));
        }
        network.tell(new NetworkCommand.Start(initial));
    }

    private static boolean clustered(ActorContext<Command> ctx) {
        return ctx.getSystem().settings().config().getString("pekko.actor.provider").contains("cluster");
    }

    /** An entity whose node died in an earlier run: the world and the cloud know from the first instant. */
    private static void lostFromStart(List<NetworkCommand.Initial> initial, String address, String node) {
        for (String to : List.of(Addresses.WORLD, Addresses.CLOUD)) {
            if (!to.equals(address)) {
                initial.add(new NetworkCommand.Initial(to, new Timers.EntityLost(address, node)));
            }
        }
    }

    public static Behavior<Command> create(Spec spec, ActorRef<Outcome> replyTo) {
        return Behaviors.setup(ctx -> new Emulation(ctx, spec, replyTo));
    }

    private void register(String address, ActorRef<Deliver> ref) {
        network.tell(new NetworkCommand.Register(address, ref, spec.node()));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(WorldDone.class, w -> onWorldDone())
                .onMessage(Failed.class, f -> finish(null, f.reason()))
                .onMessage(FromNetwork.class, this::onNetwork)
                .onMessage(HostStopped.class, h -> {
                    collect(h.stopped());
                    return stoppedOne(h.stopped().node());
                })
                .onMessage(HostGone.class, g -> {
                    if (live.remove(g.node()) != null) {
                        lostNodes.add(g.node());
                    }
                    return stoppedOne(g.node());
                })
                .onMessage(NodeDying.class, d -> {
                    times(d.node())[0] = d.wallMicros();
                    return this;
                })
                .onMessage(MemberChange.class, this::onMemberChange)
                .onMessage(Recorded.class, r -> finish(r.results(), null))
                .build();
    }

    private Behavior<Command> onNetwork(FromNetwork f) {
        if (f.report() instanceof Network.Lost l) {
            long[] t = times(l.node());
            t[3] = t[3] < 0 ? l.wallMicros() : t[3];
            return this;
        }
        if (!worldDone) {
            String why = live.values().stream().anyMatch(HostRef::cloud) ? "" : " (the cloud's node is gone)";
            return finish(null, "the virtual clock ran out of events at t = " + ((Network.Idle) f.report()).at()
                    + " ns before the last step finished" + why);
        }
        return this;
    }

    private Behavior<Command> onMemberChange(MemberChange c) {
        for (HostRef h : spec.hosts()) {
            if (h.ref().path().address().equals(c.address())) {
                times(h.node())[c.removed() ? 2 : 1] = c.wallMicros();
            }
        }
        return this;
    }

    private long[] times(String node) {
        return nodeTimes.computeIfAbsent(node, n -> new long[] {-1, -1, -1, -1});
    }

    /** The world is done: entities stopping now are no loss; ask every host still alive for its report. */
    private Behavior<Command> onWorldDone() {
        worldDone = true;
        network.tell(new NetworkCommand.Close());
        ActorRef<Host.Stopped> adapter = getContext().messageAdapter(Host.Stopped.class, HostStopped::new);
        for (HostRef h : live.values()) {
            awaiting.add(h.node());
            h.ref().tell(new Host.StopRun(spec.runId(), h.node(), adapter));
        }
        return stoppedOne(null);
    }

    private void collect(Host.Stopped s) {
        if (s.cloudParams() != null) {
            cloudParams = s.cloudParams();
        }
        s.edgeParams().forEach((m, p) -> edgeParams[m] = p);
        s.restarts().forEach((e, n) -> restarts.merge(e, n, Integer::sum));
        s.latencyReports().forEach((m, n) -> latencyReports[m] += n);
    }

    /** Once every host has reported (or is gone), the recorder can close the books. */
    private Behavior<Command> stoppedOne(String node) {
        if (node != null) {
            awaiting.remove(node);
        }
        if (worldDone && awaiting.isEmpty()) {
            awaiting.add("recorder"); // ask once
            recorder.tell(new Recorder.Finish(getContext().messageAdapter(Recorder.Results.class, Recorded::new),
                    latencyReports.clone()));
        }
        return this;
    }

    private Behavior<Command> finish(Recorder.Results results, String failure) {
        spec.trace().flush();
        List<NodeLoss> losses = new ArrayList<>();
        nodeTimes.forEach((node, t) -> losses.add(new NodeLoss(node, t[0], t[1], t[2], t[3])));
        replyTo.tell(new Outcome(spec.protocol(), spec.sweepValue(), results, traffic, restarts, cloudParams, edgeParams,
                (System.nanoTime() - wallStart) / 1e9, (System.nanoTime() - deploymentStart.get()) / 1e9, losses,
                lostNodes, failure));
        return Behaviors.stopped();
    }
}
