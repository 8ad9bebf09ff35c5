package org.cfqnn.emulator;

import com.typesafe.config.ConfigFactory;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.cfqnn.emulator.network.Coordinator;
import org.cfqnn.emulator.network.Network;
import org.cfqnn.emulator.network.NetworkCommand;
import org.cfqnn.emulator.network.WallClock;
import org.cfqnn.emulator.record.Recorder;
import org.cfqnn.emulator.record.TraceWriter;
import org.cfqnn.protocol.AccessPoint;
import org.cfqnn.protocol.Address;
import org.cfqnn.protocol.Cloud;
import org.cfqnn.protocol.Edge;
import org.cfqnn.protocol.Plan;
import org.cfqnn.protocol.Protocol;
import org.cfqnn.qnn.ModelFiles;
import org.cfqnn.qnn.TrainedQnn;
import org.cfqnn.scenario.ScenarioSettings;

/**
 * Hosts the cloud and/or a set of APs with their edges for each run, on one node: in one JVM the only
 * host, in a cluster one per cloud or edge node. A run's settings and models arrive as text (the resolved
 * scenario, the model bundle), so every node deploys exactly what the world node decided; the entities
 * register with the run's network wherever it is. In real time the cloud and edges run on the compute
 * dispatcher, so a long decision never holds back the network's deliveries; in virtual time, where holding
 * back changes no result, they share the other entities' threads: a hand-off between two pools wakes a thread
 * per message and cost dense.conf a quarter of its steps/s on two cores. When
 * the run is over the host reports what its entities learned (parameters), how often they restarted, and
 * how many latency reports they sent.
 */
public final class Host extends AbstractBehavior<Host.Command> {

    /** Receptionist keys: hosts able to run the cloud, and hosts for APs and edges. */
    public static final ServiceKey<Command> CLOUD_KEY = ServiceKey.create(Command.class, "cfqnn-cloud-host");
    public static final ServiceKey<Command> EDGE_KEY = ServiceKey.create(Command.class, "cfqnn-edge-host");

    /** The dispatcher the cloud and edge actors run on. */
    static final String COMPUTE_DISPATCHER = "cfqnn.emulator.compute-dispatcher";

    /** Host's protocol. */
    public sealed interface Command extends CborSerializable permits StartRun, StopRun, Shutdown {
    }

    /**
     * Start this host's part of run {@code runId} as node {@code node}: the cloud if {@code cloud}, and AP m
     * (with edge m, non-centralized) for every m in {@code aps}. {@code config} is the resolved scenario
     * (the cfqnn block), {@code models} the model bundle (null for classical protocols). The node dies while
     * handling deployment step {@code crashStep} (negative: never). On the world's node the entities join
     * its network; elsewhere the host starts the node's own network, which joins the run's coordinator.
     */
    public record StartRun(String runId, String node, String config, Protocol protocol, String models, boolean emulate,
                           boolean cloud, int[] aps, long crashStep, String worldNode, ActorRef<NetworkCommand> worldNetwork,
                           ActorRef<Coordinator.Command> coordinator, ActorRef<Recorder.Command> recorder,
                           ActorRef<Emulation.Command> emulation) implements Command {
    }

    /** Stop run {@code runId}'s entities (this host is node {@code node} in it) and report. */
    public record StopRun(String runId, String node, ActorRef<Stopped> replyTo) implements Command {
    }

    /**
     * What a host's entities leave behind: the cloud's parameters (null if not hosted), each hosted edge's,
     * restarts per entity, and latency reports sent per hosted AP.
     */
    public record Stopped(String runId, String node, double[] cloudParams, Map<Integer, double[]> edgeParams,
                          Map<String, Integer> restarts, Map<Integer, Long> latencyReports) implements CborSerializable {
    }

    /** The world node is done: stop this node. */
    public record Shutdown() implements Command {
    }

    /** A run in progress on this host. */
    private record Running(ActorRef<Void> entities, ActorRef<NetworkCommand> network, RunNode run, StartRun start) {
    }

    private final Runnable die;
    private final Runnable shutdown;
    private final Executor training;
    private final Map<String, Running> runs = new HashMap<>();

    private Host(ActorContext<Command> ctx, Runnable die, Runnable shutdown) {
        super(ctx);
        this.die = die;
        this.shutdown = shutdown;
        this.training = ctx.getSystem().dispatchers().lookup(
                DispatcherSelector.fromConfig("cfqnn.emulator.training-dispatcher"));
    }

    /**
     * A host; {@code die} kills this node abruptly (cluster faults), {@code shutdown} stops it once the
     * world node is done.
     */
    public static Behavior<Command> create(Runnable die, Runnable shutdown) {
        return Behaviors.setup(ctx -> new Host(ctx, die, shutdown));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(StartRun.class, this::onStart)
                .onMessage(StopRun.class, this::onStop)
                .onMessage(Shutdown.class, s -> {
                    shutdown.run();
                    return this;
                })
                .build();
    }

    private Behavior<Command> onStart(StartRun r) {
        ScenarioSettings s = ScenarioSettings.of(ConfigFactory.parseString(r.config()));
        TrainedQnn qnn = r.models() == null ? null : ModelFiles.fromBundle(r.models());
        Plan plan = Plans.of(s, r.protocol(), qnn, r.emulate());
        boolean nonCentralized = r.protocol() == Protocol.NON_CENTRALIZED;
        Map<Address, Endpoint> endpoints = new LinkedHashMap<>();
        if (r.cloud()) {
            endpoints.put(Address.CLOUD, new Endpoint(Address.CLOUD));
        }
        for (int m : r.aps()) {
            endpoints.put(Address.ap(m), new Endpoint(Address.ap(m)));
            if (nonCentralized) {
                endpoints.put(Address.edge(m), new Endpoint(Address.edge(m)));
            }
        }
        NodeCrash crash = r.crashStep() < 0 ? NodeCrash.NONE : new NodeCrash(r.crashStep(), () -> {
            r.emulation().tell(new Emulation.NodeDying(r.node(), WallClock.micros()));
            die.run();
        });
        ActorRef<NetworkCommand> network = r.node().equals(r.worldNode()) ? r.worldNetwork()
                : getContext().spawn(Network.create(new Network.Setup(r.node(), plan, s.emulator().links(),
                        TraceWriter.remote(s.emulator().trace()), endpoints.keySet(), r.coordinator())),
                        "network-" + r.runId());
        RunNode run = new RunNode(plan, r.node(), Charging.of(s), s.optimumLimit(), network, r.recorder(),
                r.emulation(), training, new ParameterStore(), new Faults(s.emulator().faults()), crash, endpoints);
        DispatcherSelector compute = plan.realClock() ? DispatcherSelector.fromConfig(COMPUTE_DISPATCHER)
                : DispatcherSelector.defaultDispatcher();
        ActorRef<Void> entities = getContext().spawn(Behaviors.<Void>setup(ctx -> {
            if (r.cloud()) {
                register(run, Address.CLOUD, ctx.spawn(EntityActor.create(run, Address.CLOUD,
                        n -> new Cloud(n.plan(), n.charges(), n.memory(), n.classicalLimit())), "cloud", compute));
            }
            for (int m : r.aps()) {
                register(run, Address.ap(m), ctx.spawn(EntityActor.create(run, Address.ap(m),
                        n -> new AccessPoint(n.plan(), n.charges(), m)), Address.ap(m).toString()));
                if (nonCentralized) {
                    register(run, Address.edge(m), ctx.spawn(EntityActor.create(run, Address.edge(m),
                            n -> new Edge(n.plan(), n.charges(), n.memory(), m)), Address.edge(m).toString(), compute));
                }
            }
            return Behaviors.empty();
        }), r.runId());
        runs.put(r.runId(), new Running(entities, network, run, r));
        return this;
    }

    private static void register(RunNode run, Address address, ActorRef<EntityActor.Command> ref) {
        run.network().tell(new NetworkCommand.Register(address, ref.narrow(), run.node()));
    }

    private Behavior<Command> onStop(StopRun stop) {
        Running running = runs.remove(stop.runId());
        if (running == null) {
            stop.replyTo().tell(new Stopped(stop.runId(), stop.node(), null, Map.of(), Map.of(), Map.of()));
            return this;
        }
        getContext().stop(running.entities());
        if (!running.network().equals(running.start().worldNetwork())) {
            getContext().stop(running.network());
        }
        RunNode run = running.run();
        Map<Integer, double[]> edges = new TreeMap<>();
        Map<Integer, Long> reports = new TreeMap<>();
        TrainedQnn qnn = run.plan().qnn();
        for (int m : running.start().aps()) {
            if (qnn != null) {
                double[] saved = run.memory().load(Address.edge(m));
                edges.put(m, saved != null ? saved : qnn.edgeParams()[m]);
            }
            reports.put(m, run.endpoint(Address.ap(m)).latencyReports());
        }
        double[] cloud = null;
        if (running.start().cloud() && qnn != null) {
            double[] saved = run.memory().load(Address.CLOUD);
            cloud = saved != null ? saved : qnn.cloudParams();
        }
        stop.replyTo().tell(new Stopped(stop.runId(), running.start().node(), cloud, edges, run.memory().restarts(),
                reports));
        return this;
    }
}
