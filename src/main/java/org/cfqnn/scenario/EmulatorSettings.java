package org.cfqnn.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.EnumMap;
import org.cfqnn.baseline.OptimumBaseline;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.protocol.Address;
import org.cfqnn.protocol.Fallback;
import org.cfqnn.protocol.Link;
import org.cfqnn.protocol.Protocol;
import org.cfqnn.radio.RadioModel;

/**
 * The {@code emulator { ... }} block, validated. Durations are in nanoseconds of (virtual or real) time;
 * fault steps count deployment steps.
 */
public record EmulatorSettings(Clock clock, List<Protocol> protocols, int steps, long stepPeriod, long deadline,
                               Fallback fallback, TrainingMode training, String models, boolean onlineTraining,
                               long collectTimeout, long runTimeout, double correlation, double userSpeed,
                               Map<Link, LinkSettings> links, ComputeSettings compute, List<Fault> faults, TraceSettings trace, Sweep sweep,
                               int replications, int sequenceSteps, long drain) {

    /** One link type: latency and jitter in ns, bandwidth in bit/s, loss probability. */
    public record LinkSettings(long latency, long jitter, double bandwidth, double loss) {
    }

    /** Crash {@code entity} (the cloud or an edge) while it handles deployment step {@code step}. */
    public record Fault(Address entity, long step) {
    }

    /**
     * The message trace: written or not, up to which deployment step, and for which phases
     * ({@code cloud-training}, {@code edge-training}, {@code deployment}).
     */
    public record TraceSettings(boolean enabled, long maxSteps, Set<String> phases) {
    }

    /** Phases a message can belong to. */
    public static final List<String> PHASES = List.of("cloud-training", "edge-training", "deployment");

    /** The sweep's name ({@link Sweep#key()}), "" without one. */
    public String sweepKey() {
        return sweep.key();
    }

    public boolean anyQnn() {
        return protocols.stream().anyMatch(Protocol::usesQnn);
    }

    static EmulatorSettings read(Settings e, RadioModel radio, long optimumLimit) {
        Clock clock = Choices.read(e, "clock", Clock.class, Clock::label);
        List<Protocol> protocols = new ArrayList<>();
        for (String p : strings(e, "protocols")) {
            Protocol protocol = Protocol.parse(e.key("protocols"), p);
            if (protocol == Protocol.OPTIMUM && OptimumBaseline.candidates(radio.nAp(), radio.nUser()) > optimumLimit) {
                throw new InvalidInputException(e.key("protocols"), "optimum", "does not fit: K^M = " + radio.nUser() + "^"
                        + radio.nAp() + " exceeds baselines.optimum-limit = " + optimumLimit);
            }
            if (protocols.contains(protocol)) {
                throw new InvalidInputException(e.key("protocols"), p, "is listed twice");
            }
            protocols.add(protocol);
        }
        if (protocols.isEmpty()) {
            throw new InvalidInputException(e.key("protocols"), "[]", "needs at least one protocol");
        }
        int steps = e.getInt("steps");
        if (steps < 1 || steps > 100_000_000) {
            throw new InvalidInputException(e.key("steps"), steps, "must be an integer in [1, 100000000]");
        }
        long period = duration(e, "step-period", 1_000, 60_000_000_000L);
        long deadline = duration(e, "deadline", 1, period);
        Fallback fallback = Choices.read(e, "fallback", Fallback.class, Fallback::label);
        TrainingMode training = Choices.read(e, "training", TrainingMode.class, TrainingMode::label);
        String models = e.getString("models");
        if (training == TrainingMode.LOAD && models.isBlank()) {
            throw new InvalidInputException(e.key("models"), "\"\"", "must name a model directory when training = load");
        }
        boolean online = e.getBoolean("online-training");
        long collect = duration(e, "cloud-collect-timeout", 1, 60_000_000_000L);
        long runTimeout = duration(e, "run-timeout", 1_000_000_000L, 30L * 24 * 3600 * 1_000_000_000L);
        Settings ch = e.block("channel");
        double alpha = ch.getDouble("correlation");
        if (!(alpha >= 0 && alpha < 1)) {
            throw new InvalidInputException(ch.key("correlation"), alpha, "must be in [0, 1)");
        }
        double speed = ch.getDouble("user-speed");
        if (!(speed >= 0 && speed <= 1e6)) {
            throw new InvalidInputException(ch.key("user-speed"), speed, "must be >= 0 (unit squares per second)");
        }
        Map<Link, LinkSettings> links = links(e);
        ComputeSettings compute = ComputeSettings.read(e.block("compute"));
        List<Fault> faults = FaultList.read(e, "faults", "entity", radio.nAp(), "one edge per AP, radio.n-ap = "
                + radio.nAp()).stream().map(f -> new Fault(Address.parse(f.target()), f.step())).toList();
        TraceSettings trace = trace(e.block("trace"));
        Sweep sweep = Sweep.read(e);
        int replications = e.getInt("replications");
        if (replications < 1 || replications > 10_000) {
            throw new InvalidInputException(e.key("replications"), replications, "must be an integer in [1, 10000]");
        }
        int sequence = e.block("report").getInt("sequence-steps");
        if (sequence < 0 || sequence > 50) {
            throw new InvalidInputException(e.key("report.sequence-steps"), sequence, "must be in [0, 50]");
        }
        long drain = duration(e, "drain", 0, 30L * 24 * 3600 * 1_000_000_000L);
        return new EmulatorSettings(clock, List.copyOf(protocols), steps, period, deadline, fallback, training, models,
                online, collect, runTimeout, alpha, speed, links, compute, List.copyOf(faults), trace,
                sweep, replications, sequence, drain);
    }

    private static Map<Link, LinkSettings> links(Settings e) {
        List<String> names = new ArrayList<>();
        for (Link l : Link.values()) {
            if (l.modelled()) {
                names.add(l.label());
            }
        }
        Settings l = e.block("links").onlyKeys(Set.copyOf(names));
        Map<Link, LinkSettings> links = new EnumMap<>(Link.class);
        for (Link link : Link.values()) {
            if (!link.modelled()) {
                continue;
            }
            Settings s = l.block(link.label()).onlyKeys(Set.of("latency", "jitter", "bandwidth", "loss"));
            double bw = s.getDouble("bandwidth");
            if (!(bw > 0)) {
                throw new InvalidInputException(s.key("bandwidth"), bw, "must be > 0 bit/s");
            }
            double loss = s.getDouble("loss");
            if (!(loss >= 0 && loss < 1)) {
                throw new InvalidInputException(s.key("loss"), loss, "must be a probability in [0, 1)");
            }
            links.put(link, new LinkSettings(duration(s, "latency", 0, 60_000_000_000L),
                    duration(s, "jitter", 0, 60_000_000_000L), bw, loss));
        }
        return links;
    }

    private static TraceSettings trace(Settings t) {
        boolean enabled = t.getBoolean("enabled");
        long max = t.getLong("max-steps");
        if (max < 0) {
            throw new InvalidInputException(t.key("max-steps"), max, "must be >= 0");
        }
        Set<String> phases = new java.util.LinkedHashSet<>();
        for (String p : strings(t, "phases")) {
            if (!PHASES.contains(p)) {
                throw new InvalidInputException(t.key("phases"), p, "must be among " + String.join(", ", PHASES));
            }
            phases.add(p);
        }
        return new TraceSettings(enabled, max, Set.copyOf(phases));
    }

    static List<String> strings(Settings s, String key) {
        try {
            return s.raw().getStringList(key);
        } catch (ConfigException.WrongType x) {
            throw new InvalidInputException(s.key(key), null, "must be a list of names");
        }
    }

    /** A HOCON duration ("100 us", "1 ms") in nanoseconds, within [min, max]. */
    static long duration(Settings s, String key, long min, long max) {
        long v;
        try {
            v = s.raw().getDuration(key).toNanos();
        } catch (ConfigException.Missing x) {
            throw new InvalidInputException(s.key(key), null, "missing; a duration such as \"100 us\" is required");
        } catch (ConfigException.BadValue | ConfigException.WrongType x) {
            throw new InvalidInputException(s.key(key), Settings.render(s.raw().getValue(key)),
                    "must be a duration such as 100 us, 1 ms or 0.5 s");
        }
        if (v < min || v > max) {
            throw new InvalidInputException(s.key(key), Settings.render(s.raw().getValue(key)),
                    "must be a duration in [" + min + " ns, " + max + " ns]");
        }
        return v;
    }
}
