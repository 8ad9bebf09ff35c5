package org.cfqnn.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cfqnn.baseline.OptimumBaseline;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.radio.RadioModel;

/**
 * The {@code emulator { ... }} block, validated. Durations are in nanoseconds of (virtual or real) time.
 */
public record EmulatorSettings(String clock, List<String> protocols, int steps, long stepPeriod, long deadline,
                               String fallback, String training, String models, boolean onlineTraining,
                               long collectTimeout, long runTimeout, double correlation, double userSpeed, Map<String, Link> links,
                               String computeMode, long circuitTime, long classicalTime, List<Fault> faults,
                               boolean trace, long traceMaxSteps, String sweepKey, List<ConfigValue> sweepValues,
                               int sequenceSteps) {

    public static final String NON_CENTRALIZED = "non-centralized";
    public static final String CENTRALIZED = "centralized";
    public static final Set<String> PROTOCOLS = Set.of(NON_CENTRALIZED, CENTRALIZED, "search", "greedy-maxmin", "optimum");
    public static final List<String> LINKS = List.of("fronthaul", "ap-edge", "cloud-edge");

    /** One link type: latency and jitter in ns, bandwidth in bit/s, loss probability. */
    public record Link(long latency, long jitter, double bandwidth, double loss) {
    }

    /** Crash {@code entity} ("cloud", "edge-m") while it handles step {@code step}. */
    public record Fault(String entity, long step) {
    }

    public boolean usesQnn(String protocol) {
        return protocol.equals(NON_CENTRALIZED) || protocol.equals(CENTRALIZED);
    }

    static EmulatorSettings read(Settings e, RadioModel radio, long optimumLimit) {
        String clock = e.getChoice("clock", Set.of("virtual", "real"));
        List<String> protocols = strings(e, "protocols");
        if (protocols.isEmpty()) {
            throw new InvalidInputException(e.key("protocols"), "[]", "needs at least one protocol");
        }
        for (String p : protocols) {
            if (!PROTOCOLS.contains(p)) {
                throw new InvalidInputException(e.key("protocols"), p, "must be among " + String.join(", ", new java.util.TreeSet<>(PROTOCOLS)));
            }
            if (p.equals("optimum") && OptimumBaseline.candidates(radio.nAp(), radio.nUser()) > optimumLimit) {
                throw new InvalidInputException(e.key("protocols"), "optimum", "does not fit: K^M = " + radio.nUser() + "^"
                        + radio.nAp() + " exceeds baselines.optimum-limit = " + optimumLimit);
            }
        }
        if (protocols.size() != Set.copyOf(protocols).size()) {
            throw new InvalidInputException(e.key("protocols"), protocols, "lists a protocol twice");
        }
        int steps = e.getInt("steps");
        if (steps < 1 || steps > 100_000_000) {
            throw new InvalidInputException(e.key("steps"), steps, "must be an integer in [1, 100000000]");
        }
        long period = duration(e, "step-period", 1_000, 60_000_000_000L);
        long deadline = duration(e, "deadline", 1, period);
        String fallback = e.getChoice("fallback", Set.of("last", "mr"));
        String training = e.getChoice("training", Set.of("offline", "emulate", "load"));
        String models = e.getString("models");
        if (training.equals("load") && models.isBlank()) {
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
        Settings l = e.block("links").onlyKeys(Set.copyOf(LINKS));
        Map<String, Link> links = new java.util.LinkedHashMap<>();
        for (String name : LINKS) {
            Settings s = l.block(name).onlyKeys(Set.of("latency", "jitter", "bandwidth", "loss"));
            double bw = s.getDouble("bandwidth");
            if (!(bw > 0)) {
                throw new InvalidInputException(s.key("bandwidth"), bw, "must be > 0 bit/s");
            }
            double loss = s.getDouble("loss");
            if (!(loss >= 0 && loss < 1)) {
                throw new InvalidInputException(s.key("loss"), loss, "must be a probability in [0, 1)");
            }
            links.put(name, new Link(duration(s, "latency", 0, 60_000_000_000L), duration(s, "jitter", 0, 60_000_000_000L),
                    bw, loss));
        }
        Settings c = e.block("compute");
        String mode = c.getChoice("mode", Set.of("charged", "measured"));
        long circuit = duration(c, "circuit", 0, 60_000_000_000L);
        long classical = duration(c, "classical", 0, 60_000_000_000L);
        List<Fault> faults = FaultList.read(e, "faults", "entity", radio.nAp(), "one edge per AP, radio.n-ap = "
                + radio.nAp()).stream().map(f -> new Fault(f.target(), f.step())).toList();
        Settings t = e.block("trace");
        boolean trace = t.getBoolean("enabled");
        long traceMax = t.getLong("max-steps");
        Settings sw = e.block("sweep");
        String sweepKey = sw.getString("key");
        List<ConfigValue> values = new ArrayList<>(sw.raw().getList("values"));
        if (sweepKey.isBlank() != values.isEmpty()) {
            throw new InvalidInputException(e.key("sweep"), sweepKey.isBlank() ? "values without key" : "key without values",
                    "needs both a key and a non-empty list of values");
        }
        int sequence = e.block("report").getInt("sequence-steps");
        if (sequence < 0 || sequence > 50) {
            throw new InvalidInputException(e.key("report.sequence-steps"), sequence, "must be in [0, 50]");
        }
        return new EmulatorSettings(clock, List.copyOf(protocols), steps, period, deadline, fallback, training, models,
                online, collect, runTimeout, alpha, speed, links, mode, circuit, classical, List.copyOf(faults), trace, traceMax,
                sweepKey, List.copyOf(values), sequence);
    }

    private static List<String> strings(Settings s, String key) {
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
