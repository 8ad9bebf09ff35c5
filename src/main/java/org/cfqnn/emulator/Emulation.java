package org.cfqnn.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
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
import org.cfqnn.emulator.network.Coordinator;
import org.cfqnn.emulator.network.Network;
import org.cfqnn.emulator.network.NetworkCommand;
import org.cfqnn.emulator.network.Traffic;
import org.cfqnn.emulator.record.Recorder;
import org.cfqnn.emulator.record.TraceWriter;
import org.cfqnn.io.AsyncLines;
import org.cfqnn.protocol.Address;
import org.cfqnn.protocol.Notice;
import org.cfqnn.protocol.Plan;
import org.cfqnn.protocol.Protocol;
import org.cfqnn.protocol.Timer;
import org.cfqnn.protocol.User;
import org.cfqnn.protocol.World;
import org.cfqnn.qnn.ModelFiles;
import org.cfqnn.qnn.TrainedQnn;
import org.cfqnn.scenario.Clock;
import org.cfqnn.scenario.ScenarioSettings;

/**
 * One emulation run on the world node: it spawns the recorder, the network, the world and the users, hands
 * every host its part of the run (the cloud, APs with their edges), waits until the world has finished its
 * last step and every host has reported what its entities learned, collects the recorder's results and the
 * network's traffic, and stops everything it spawned. It also notes what becomes of nodes that die
 * (cluster faults): when they said they were dying, when the cluster found them unreachable and removed
 * them, and when the network lost their entities.
 */
public final class Emulation extends AbstractBehavior<Emulation.Command> {

    /** Emulation's protocol. */
    public sealed interface Command extends CborSerializable permits Failed, FromNetwork, Recorded, HostStopped,
            HostGone, NodeDying, MemberChange, Carried {
    }

    /** The run cannot go on ({@code reason} says why). */
    public record Failed(String reason) implements Command {
    }

    /** The coordinator's report (finished, idle clock, lost entity), through a local adapter. */
    public record FromNetwork(Coordinator.Report report) implements Command, NoSerializationVerificationNeeded {
    }

    /** What the network carried, through a local adapter. */
    public record Carried(Traffic traffic) implements Command, NoSerializationVerificationNeeded {
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

    /** A host about to kill its node (a cluster fault), at {@code WallClock} time {@code wallMicros}. */
    public record NodeDying(String node, long wallMicros) implements Command {
    }

    /** Cluster membership: {@code address} became unreachable, or was removed. Local only. */
    public record MemberChange(org.apache.pekko.actor.Address address, boolean removed, long wallMicros)
            implements Command, NoSerializationVerificationNeeded {
    }

    /**
     * A host of this run: node name, whether it hosts the cloud, and which APs (with their edges);
     * {@code crashStep} kills its node while it handles that deployment step (negative: never).
     */
    public record HostRef(ActorRef<Host.Command> ref, String node, boolean cloud, int[] aps, long crashStep)
            implements NoSerializationVerificationNeeded {
    }

    /**
     * What to run: a protocol, with QNN system {@code qnn} (its initial parameters, untrained when training
     * is emulated; null for the classical protocols) named {@code system}. {@code lostEarlier} names the
     * node of every entity whose node died in an earlier run.
     */
    public record Spec(String runId, ScenarioSettings settings, String config, Protocol protocol, String system,
                       TrainedQnn qnn, boolean emulateTraining, AsyncLines<String> steps, TraceWriter trace,
                       String sweepValue, AtomicLong progress, String node, List<HostRef> hosts,
                       Map<Address, String> lostEarlier) implements NoSerializationVerificationNeeded {

        public String label() {
            return Emulation.label(protocol, system, sweepValue);
        }
    }

    /**
     * What became of a node that died: when it said so, when the cluster found it unreachable and removed
     * it, and when the network lost its first entity ({@code WallClock} microseconds, -1 not seen).
     */
    public record NodeLoss(String node, long dyingMicros, long unreachableMicros, long removedMicros,
                           long entitiesLostMicros) implements CborSerializable {
    }

    /**
     * What a run produced; {@code failure} is null on success. {@code trainingWallSeconds}: wall time of the
     * emulated training phases before deployment (0 without them).
     */
    public record Outcome(Protocol protocol, String system, String sweepValue, long seed, Recorder.Results results,
                          Traffic traffic, Map<String, Integer> restarts, double[] cloudParams, double[][] edgeParams,
                          double wallSeconds, double deploymentWallSeconds, double trainingWallSeconds,
                          double syncRoundsPerStep, List<NodeLoss> nodeLosses, Set<String> lostNodes, String failure)
            implements CborSerializable {

        /** Deployment steps per wall-clock second. */
        public double stepsPerSecond() {
            return results == null ? 0 : results.steps() / deploymentWallSeconds;
        }

        public String label() {
            return Emulation.label(protocol, system, sweepValue);
        }
    }

    /** A run's name in tables, plots and traces: the protocol, its QNN system, and the sweep value. */
    public static String label(Protocol protocol, String system, String sweepValue) {
        String l = system.isEmpty() ? protocol.label() : protocol.label() + " " + system;
        return sweepValue.isEmpty() ? l : l + " @ " + sweepValue;
    }

    private final Spec spec;
    private final ActorRef<Outcome> replyTo;
    private final ActorRef<Recorder.Command> recorder;
    private final ActorRef<NetworkCommand> network;
    private final ActorRef<Coordinator.Command> coordinator;
    private final Plan plan;
    private final long wallStart = System.nanoTime();
    private final Map<String, HostRef> live = new LinkedHashMap<>();
    private final Set<String> lostNodes = new LinkedHashSet<>();
    private final Map<String, long[]> nodeTimes = new TreeMap<>(); // dying, unreachable, removed, entities lost
    private final Set<String> awaiting = new LinkedHashSet<>();
    private final double[][] edgeParams;
    private final Map<String, Integer> restarts = new TreeMap<>();
    private final long[] latencyReports;
    private double[] cloudParams;
    private boolean worldDone;
    private Traffic traffic;
    private Recorder.Results results;

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
        this.plan = Plans.of(s, spec.protocol(), qnn, spec.emulateTraining());
        this.recorder = ctx.spawn(Recorder.create(new Recorder.Setup(s.radio().nUser(), s.emulator().steps(), spec.steps(),
                spec.sweepValue(), s.seed(), spec.protocol().label(), spec.system(), spec.progress())), "recorder");
        boolean nonCentralized = spec.protocol() == Protocol.NON_CENTRALIZED;

        // who runs where; APs (and the cloud) whose node is gone are lost from the start
        Set<Address> local = new LinkedHashSet<>(List.of(Address.WORLD)); // on the world node
        Set<String> nodes = new LinkedHashSet<>(List.of(spec.node()));
        boolean[] hosted = new boolean[nAp];
        boolean cloudHosted = false;
        for (HostRef h : spec.hosts()) {
            live.put(h.node(), h);
            ctx.watchWith(h.ref(), new HostGone(h.node()));
            Set<Address> on = h.node().equals(spec.node()) ? local : new LinkedHashSet<>();
            nodes.add(h.node());
            if (h.cloud()) {
                on.add(Address.CLOUD);
                cloudHosted = true;
            }
            for (int m : h.aps()) {
                hosted[m] = true;
                on.add(Address.ap(m));
                if (nonCentralized) {
                    on.add(Address.edge(m));
                }
            }
        }
        for (int k = 0; k < s.radio().nUser(); k++) {
            local.add(Address.user(k));
        }
        ActorRef<Coordinator.Report> reports = ctx.messageAdapter(Coordinator.Report.class, FromNetwork::new);
        this.coordinator = ctx.spawn(Coordinator.create(new Coordinator.Setup(plan, s.emulator().links(), spec.trace(),
                nodes), reports), "coordinator");
        this.network = ctx.spawn(Network.create(new Network.Setup(spec.node(), plan, s.emulator().links(), spec.trace(),
                local, coordinator)), "network");

        // the world and the users live here, with the network
        Map<Address, Endpoint> endpoints = new LinkedHashMap<>();
        endpoints.put(Address.WORLD, new Endpoint(Address.WORLD));
        for (int k = 0; k < s.radio().nUser(); k++) {
            endpoints.put(Address.user(k), new Endpoint(Address.user(k)));
        }
        RunNode run = new RunNode(plan, spec.node(), Charging.of(s), s.optimumLimit(), network, recorder,
                ctx.getSelf(), Runnable::run, new ParameterStore(), new Faults(List.of()), NodeCrash.NONE, endpoints);
        register(Address.WORLD, ctx.spawn(EntityActor.create(run, Address.WORLD, n -> new World(n.plan())), "world"));
        for (int k = 0; k < s.radio().nUser(); k++) {
            int user = k;
            register(Address.user(k), ctx.spawn(EntityActor.create(run, Address.user(k), n -> new User(n.plan(), user)),
                    Address.user(k).toString()));
        }
        String models = qnn == null ? null : ModelFiles.bundle(qnn);
        for (HostRef h : spec.hosts()) {
            h.ref().tell(new Host.StartRun(spec.runId(), h.node(), spec.config(), spec.protocol(), models,
                    spec.emulateTraining(), h.cloud(), h.aps(), h.crashStep(), spec.node(), network, coordinator,
                    recorder, ctx.getSelf()));
        }
        if (clustered(ctx)) {
            Cluster.get(ctx.getSystem()).subscriptions().tell(Subscribe.create(ctx.messageAdapter(
                    ClusterEvent.UnreachableMember.class, u -> new MemberChange(u.member().address(), false,
                            org.cfqnn.emulator.network.WallClock.micros())), ClusterEvent.UnreachableMember.class));
            Cluster.get(ctx.getSystem()).subscriptions().tell(Subscribe.create(ctx.messageAdapter(
                    ClusterEvent.MemberRemoved.class, r -> new MemberChange(r.member().address(), true,
                            org.cfqnn.emulator.network.WallClock.micros())), ClusterEvent.MemberRemoved.class));
        }

        spec.trace().run(spec.label());
        List<NetworkCommand.Initial> initial = new ArrayList<>();
        initial.add(new NetworkCommand.Initial(Address.WORLD, new Timer.Begin()));
        if (spec.emulateTraining()) { // Algorithm 1, line 2: every AP uploads its dataset
            for (int m = 0; m < nAp; m++) {
                initial.add(new NetworkCommand.Initial(Address.ap(m), new Timer.Begin()));
            }
        }
        for (int m = 0; m < nAp; m++) {
            if (!hosted[m]) {
                lostFromStart(initial, Address.ap(m), spec.lostEarlier().getOrDefault(Address.ap(m), "?"));
            }
        }
        if (!cloudHosted) {
            lostFromStart(initial, Address.CLOUD, spec.lostEarlier().getOrDefault(Address.CLOUD, "?"));
        }
        coordinator.tell(new Coordinator.Start(initial));
    }

    private static boolean clustered(ActorContext<Command> ctx) {
        return ctx.getSystem().settings().config().getString("pekko.actor.provider").contains("cluster");
    }

    /** An entity whose node died in an earlier run: the world and the cloud know from the first instant. */
    private static void lostFromStart(List<NetworkCommand.Initial> initial, Address address, String node) {
        for (Address to : List.of(Address.WORLD, Address.CLOUD)) {
            if (!to.equals(address)) {
                initial.add(new NetworkCommand.Initial(to, new Notice.EntityLost(address, node)));
            }
        }
    }

    public static Behavior<Command> create(Spec spec, ActorRef<Outcome> replyTo) {
        return Behaviors.setup(ctx -> new Emulation(ctx, spec, replyTo));
    }

    private void register(Address address, ActorRef<EntityActor.Command> ref) {
        network.tell(new NetworkCommand.Register(address, ref.narrow(), spec.node()));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Failed.class, f -> finish(f.reason()))
                .onMessage(FromNetwork.class, this::onNetwork)
                .onMessage(Carried.class, this::onCarried)
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
                .onMessage(Recorded.class, r -> {
                    results = r.results();
                    return finish(null);
                })
                .build();
    }

    private Behavior<Command> onNetwork(FromNetwork f) {
        if (f.report() instanceof Coordinator.Finished) {
            return onWorldDone();
        }
        if (f.report() instanceof Coordinator.Lost l) {
            long[] t = times(l.node());
            t[3] = t[3] < 0 ? l.wallMicros() : t[3];
            return this;
        }
        if (!worldDone) {
            String why = live.values().stream().anyMatch(HostRef::cloud) ? "" : " (the cloud's node is gone)";
            return finish("the virtual clock ran out of events at t = " + ((Coordinator.Idle) f.report()).at()
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

    /**
     * The world is done: entities stopping now are no loss. First what every node's network carried, then
     * (the nodes' networks stay up for that) every live host's report.
     */
    private Behavior<Command> onWorldDone() {
        worldDone = true;
        awaiting.add("network");
        coordinator.tell(new Coordinator.Close(getContext().messageAdapter(Traffic.class, Carried::new)));
        return this;
    }

    private Behavior<Command> onCarried(Carried c) {
        traffic = c.traffic();
        ActorRef<Host.Stopped> adapter = getContext().messageAdapter(Host.Stopped.class, HostStopped::new);
        for (HostRef h : live.values()) {
            awaiting.add(h.node());
            h.ref().tell(new Host.StopRun(spec.runId(), h.node(), adapter));
        }
        return stoppedOne("network");
    }

    private void collect(Host.Stopped s) {
        if (s.cloudParams() != null) {
            cloudParams = s.cloudParams();
        }
        s.edgeParams().forEach((m, p) -> edgeParams[m] = p);
        s.restarts().forEach((e, n) -> restarts.merge(e, n, Integer::sum));
        s.latencyReports().forEach((m, n) -> latencyReports[m] += n);
    }

    /** Once the network and every host have reported (or are gone), the recorder can close the books. */
    private Behavior<Command> stoppedOne(String who) {
        if (who != null) {
            awaiting.remove(who);
        }
        if (worldDone && awaiting.isEmpty()) {
            awaiting.add("recorder"); // ask once
            recorder.tell(new Recorder.Finish(getContext().messageAdapter(Recorder.Results.class, Recorded::new),
                    latencyReports.clone(), plan.realClock()));
        }
        return this;
    }

    private Behavior<Command> finish(String failure) {
        List<NodeLoss> losses = new ArrayList<>();
        nodeTimes.forEach((node, t) -> losses.add(new NodeLoss(node, t[0], t[1], t[2], t[3])));
        long now = System.nanoTime();
        double training = results == null || !spec.emulateTraining() ? 0
                : (results.deploymentWallStartNanos() - wallStart) / 1e9;
        double deployment = results == null ? 0 : (now - results.deploymentWallStartNanos()) / 1e9;
        Traffic carriedTraffic = traffic == null ? new Traffic(Map.of(), Map.of(), null, null, 0) : traffic;
        replyTo.tell(new Outcome(spec.protocol(), spec.system(), spec.sweepValue(), spec.settings().seed(), results,
                carriedTraffic, restarts,
                cloudParams, edgeParams, (now - wallStart) / 1e9, deployment, training,
                (double) carriedTraffic.syncRounds() / plan.totalTicks(), losses, lostNodes, failure));
        return Behaviors.stopped();
    }
}
