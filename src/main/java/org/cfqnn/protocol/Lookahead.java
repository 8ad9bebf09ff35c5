package org.cfqnn.protocol;

/**
 * The protocol's own schedule as a bound for conservative parallel simulation: after an entity of a given
 * role handles an event at time t, how soon can that, and anything it causes among the entities of its
 * own cluster node, make a message arrive at another node? Entities on several nodes may then advance
 * independently up to the earliest such instant of the others (the lookahead; Chandy and Misra 1979,
 * Fujimoto 2000, ch. 3).
 *
 * <p>The air interface has no delay, so a generic bound would be 0 and allow no parallelism; but the
 * protocol is more regular than that: the world puts pilots on the air only at step starts, an AP
 * transmits only at its transmit instant (a {@code deadline} after its pilot), the cloud reaches the world
 * only when its training is done, and every other message crosses a modelled link with its latency. The
 * bounds below are lower bounds: jitter, serialization, queueing and compute only add to them. The end of
 * the run counts as reaching every node: no node may pass the instant the world puts the last step on the
 * air, after which nothing is delivered.
 */
public final class Lookahead {

    /** No message to another node can follow (within the run). */
    public static final long NEVER = Long.MAX_VALUE;

    /** Delays of the links that leave this node. */
    public interface Links {
        /**
         * The smallest delay of {@code link} from an entity of role {@code from} to one of role {@code to}
         * on another node, or {@link #NEVER} if every such entity is on this node.
         */
        long delay(Link link, Role from, Role to);
    }

    private Lookahead() {
    }

    /** The earliest delay after {@code e}'s time at which handling it at an entity of {@code role} can reach another node. */
    public static long of(Role role, Event e, Plan plan, Links links) {
        return switch (role) {
            case WORLD -> world(e, plan, links);
            case AP -> ap(e, plan, links);
            case EDGE -> links.delay(Link.AP_EDGE, Role.EDGE, Role.AP);
            case CLOUD -> cloud(e, links);
            case USER -> NEVER;
        };
    }

    /**
     * The earliest delay after {@code e}'s time at which handling it at an entity of {@code role} can create
     * any event at all: a message to any entity over {@code all} (every link's smallest delay, wherever the
     * entities are), or a timer of its own. Events due before that instant can be delivered together
     * within one node without changing anything. Conservative: runs that train (emulated or online) queue
     * training on the QPUs, whose timers may fall at any instant, so there it is 0, as for every event not
     * listed.
     */
    public static long local(Role role, Event e, Plan plan, Links all) {
        if (plan.onlineTraining() || plan.cloudTrainingPhase() || plan.edgeTrainingTicks() > 0 || plan.realClock()) {
            return 0;
        }
        return switch (role) {
            case AP -> {
                if (e instanceof Message.Pilot) { // CSI up (and to its edge), and the transmit timer
                    long csi = all.delay(Link.FRONTHAUL, Role.AP, Role.CLOUD);
                    if (plan.protocol() == Protocol.NON_CENTRALIZED) {
                        csi = Math.min(csi, all.delay(Link.AP_EDGE, Role.AP, Role.EDGE));
                    }
                    yield Math.min(csi, plan.deadline());
                }
                yield e instanceof Message.Assignment || e instanceof Message.Precoder ? NEVER : 0;
            }
            case EDGE -> e instanceof Message.Csi || e instanceof Message.Assignment
                    ? all.delay(Link.AP_EDGE, Role.EDGE, Role.AP) : 0; // its precoder
            case CLOUD -> e instanceof Message.Csi || e instanceof Timer.CollectTimeout
                    ? Math.min(decisions(all), plan.collectTimeout()) : 0; // assignments, or the collect timer
            case USER -> e instanceof Message.Reception ? NEVER : 0;
            case WORLD -> 0;
        };
    }

    private static long world(Event e, Plan plan, Links links) {
        if (e instanceof Timer.StepTick t && t.step() >= plan.totalTicks()) {
            return 0; // the end of the drain: the run ends there for every node at once
        }
        if (e instanceof Timer.StepTick || e instanceof Timer.Begin || e instanceof Message.CloudReady) {
            return links.delay(Link.AIR, Role.WORLD, Role.AP); // pilots, at the step start
        }
        if (e instanceof Message.Transmission t && t.step() == plan.totalTicks() - 1) {
            return 0; // it may put the last step on the air: the run ends there for every node at once
        }
        return NEVER;
    }

    private static long ap(Event e, Plan plan, Links links) {
        long upload = links.delay(Link.FRONTHAUL, Role.AP, Role.CLOUD);
        long air = links.delay(Link.AIR, Role.AP, Role.WORLD);
        if (e instanceof Message.Pilot) { // CSI up now, and the transmission at the deadline
            return Math.min(upload, add(plan.deadline(), air));
        }
        if (e instanceof Timer.Begin) {
            return upload;
        }
        if (e instanceof Timer.TransmitDue) {
            return air;
        }
        return NEVER; // assignments and precoders: the AP sends nothing in reply
    }

    private static long cloud(Event e, Links links) {
        if (e instanceof Message.TrainingData || e instanceof Timer.TrainingDue || e instanceof Notice.TrainingDone
                || e instanceof Timer.QpuFree) { // a training job may start, and end
            return min(links.delay(Link.CONTROL, Role.CLOUD, Role.WORLD), decisions(links)); // CloudReady when trained
        }
        return decisions(links); // CSI, timeouts, losses: assignments (and precoders) down the links
    }

    private static long decisions(Links links) {
        return min(links.delay(Link.FRONTHAUL, Role.CLOUD, Role.AP), links.delay(Link.CLOUD_EDGE, Role.CLOUD, Role.EDGE));
    }

    private static long min(long a, long b) {
        return Math.min(a, b);
    }

    private static long add(long a, long b) {
        return b == NEVER ? NEVER : a + b;
    }
}
