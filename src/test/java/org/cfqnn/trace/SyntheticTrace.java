package org.cfqnn.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.cfqnn.rng.Seed;

/**
 * A trace shaped like paper.conf's (same line format as the emulator's trace sink, same protocols, message
 * types, entities, links and counts: 4 APs, 3 users; {@link #paper()} gives its 422,005 lines in a second),
 * built step by step with a known ground truth: which deployment steps miss their deadline (a slow
 * cloud-edge or fronthaul link delays an AP's precoder past the transmit instant; the AP then transmits
 * the last precoder it had, which the trace names as the transmission's cause), which messages arrive
 * late, which are lost. Also writes the matching steps.csv (deployment steps counted from 0, as the
 * emulator's steps.csv does, while the trace counts them on from the edge-training steps).
 */
final class SyntheticTrace {

    static final int N_AP = 4;
    static final int N_USER = 3;
    static final long US = 1_000;
    static final long MS = 1_000_000;
    /** Non-centralized: the edge of AP (d % 4) gets its assignment 1.2 ms late in deployment steps d = 13 mod 97. */
    static final int SLOW_EDGE_PERIOD = 97;
    static final int SLOW_EDGE_PHASE = 13;
    /** Centralized: AP (d % 4)'s precoder comes 1.1 ms late in deployment steps d = 50 mod 101. */
    static final int SLOW_FRONTHAUL_PERIOD = 101;
    static final int SLOW_FRONTHAUL_PHASE = 50;
    /** Non-centralized: AP (d % 4)'s CSI to its edge is lost in deployment steps d = 7 mod 89. */
    static final int LOSS_PERIOD = 89;
    static final int LOSS_PHASE = 7;
    static final long TIMER_IDS = 1_000_000_000_000L;

    record Shape(int edgeTrainingSteps, int deploymentSteps, List<String> protocols) {
    }

    /** paper.conf: 10,000 emulated edge-training steps, 2,000 deployment steps, five protocols. */
    static Shape paper() {
        return new Shape(10_000, 2_000, List.of("non-centralized", "centralized", "search", "greedy-maxmin", "optimum"));
    }

    /** What the trace holds, by construction. */
    static final class Truth {
        /** Run -> trace step number of a deployment step -> APs that missed the deadline. */
        final Map<String, TreeMap<Long, Integer>> misses = new LinkedHashMap<>();
        final Map<String, Set<Long>> late = new LinkedHashMap<>();
        final Map<String, Set<Long>> lost = new LinkedHashMap<>();
        final Map<String, Set<Long>> stale = new LinkedHashMap<>();
        /** Run -> trace step number of deployment step 0. */
        final Map<String, Long> firstDeploymentStep = new LinkedHashMap<>();
        long lines;
    }

    private final BufferedWriter out;
    private final SplittableRandom random;
    private final Truth truth = new Truth();
    private final StringBuilder line = new StringBuilder(400);
    private String run;
    private long nextId;
    private long wall;

    private SyntheticTrace(BufferedWriter out, Seed seed) {
        this.out = out;
        this.random = seed.split("synthetic-trace").random();
    }

    /** A trace written once per test JVM (read it, do not change it): trace.jsonl and steps.csv in one directory. */
    record Written(Path trace, Path stepsCsv, Truth truth) {
    }

    private static final Map<Shape, Written> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The trace of {@code shape} with seed 11, shared by the tests of one JVM. */
    static Written shared(Shape shape) {
        return CACHE.computeIfAbsent(shape, s -> {
            try {
                Path dir = Files.createTempDirectory("cfqnn-synthetic-trace");
                dir.toFile().deleteOnExit();
                Path trace = dir.resolve("trace.jsonl");
                Path csv = dir.resolve("steps.csv");
                trace.toFile().deleteOnExit();
                csv.toFile().deleteOnExit();
                return new Written(trace, csv, write(trace, csv, s, new Seed(11)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Writes the trace and steps.csv; returns the ground truth. */
    static Truth write(Path trace, Path stepsCsv, Shape shape, Seed seed) {
        try (BufferedWriter w = Files.newBufferedWriter(trace, StandardCharsets.UTF_8)) {
            SyntheticTrace s = new SyntheticTrace(w, seed);
            for (String p : shape.protocols()) {
                s.run(p, shape);
            }
            writeSteps(stepsCsv, s.truth, shape);
            return s.truth;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run(String protocol, Shape shape) throws IOException {
        run = protocol;
        nextId = 1;
        truth.misses.put(run, new TreeMap<>());
        truth.late.put(run, new HashSet<>());
        truth.lost.put(run, new HashSet<>());
        truth.stale.put(run, new HashSet<>());
        long start = 0;
        long firstStep = 0;
        if (protocol.equals("non-centralized")) {
            for (int m = 0; m < N_AP; m++) {
                send(0, 7 * MS + jitter(MS), 0, "cloud-training", ap(m), "cloud", "TrainingData", 960_024, "fronthaul", -2 - m);
            }
            send(8 * MS, 8 * MS, 0, "cloud-training", "cloud", "world", "CloudReady", 16, "air", -1);
            for (int s = 0; s < shape.edgeTrainingSteps(); s++) {
                edgeTrainingStep(10 * MS + s * MS, s);
            }
            start = 10 * MS + shape.edgeTrainingSteps() * MS;
            firstStep = shape.edgeTrainingSteps();
        }
        truth.firstDeploymentStep.put(run, firstStep);
        long[] lastFresh = new long[N_AP];
        java.util.Arrays.fill(lastFresh, -1);
        for (int d = 0; d < shape.deploymentSteps(); d++) {
            long t0 = start + d * MS;
            long step = firstStep + d;
            switch (protocol) {
                case "non-centralized" -> nonCentralizedStep(t0, step, d, lastFresh);
                case "centralized" -> centralizedStep(t0, step, d, lastFresh);
                default -> classicalStep(t0, step);
            }
        }
    }

    /** The CSI that arrived last at the cloud: the cloud decides when it is there, and names it as the cause. */
    private record LastCsi(long arrive, long id) {
    }

    /**
     * Pilots to every AP, then every AP's CSI to the cloud (and to its edge, with {@code toEdges}); the CSI of AP
     * {@code lostAp} to its edge is lost (-1: none).
     */
    private LastCsi pilotsAndCsi(long t0, long step, String phase, boolean toEdges, int lostAp) throws IOException {
        long[] pilots = new long[N_AP];
        for (int m = 0; m < N_AP; m++) {
            pilots[m] = send(t0, t0, step, phase, "world", ap(m), "Pilot", 144, "air", TIMER_IDS + step);
        }
        LastCsi last = new LastCsi(0, 0);
        for (int m = 0; m < N_AP; m++) {
            long a = t0 + 100 * US + jitter(10 * US);
            long id = send(t0, a, step, phase, ap(m), "cloud", "Csi", 120, "fronthaul", pilots[m]);
            if (toEdges) {
                boolean lose = m == lostAp;
                long e = send(t0, lose ? -1 : t0 + 5 * US + jitter(US), step, phase, ap(m), edge(m), "Csi", 120, "ap-edge",
                        pilots[m]);
                if (lose) {
                    truth.lost.get(run).add(e);
                }
            }
            if (a > last.arrive()) {
                last = new LastCsi(a, id);
            }
        }
        return last;
    }

    private void edgeTrainingStep(long t0, long step) throws IOException {
        String ph = "edge-training";
        LastCsi csi = pilotsAndCsi(t0, step, ph, true, -1);
        long at = csi.arrive() + 20 * US;
        for (int m = 0; m < N_AP; m++) {
            send(at, at + 100 * US + jitter(10 * US), step, ph, "cloud", ap(m), "Assignment", 40, "fronthaul", csi.id());
            send(at, at + 100 * US + jitter(10 * US), step, ph, "cloud", edge(m), "Assignment", 40, "cloud-edge", csi.id());
        }
    }

    private void nonCentralizedStep(long t0, long step, int d, long[] lastFresh) throws IOException {
        String ph = "deployment";
        long deadline = t0 + MS;
        LastCsi csi = pilotsAndCsi(t0, step, ph, true, d % LOSS_PERIOD == LOSS_PHASE ? d % N_AP : -1);
        long at = csi.arrive() + 20 * US;
        long[] precoders = new long[N_AP];
        long[] precoderArrive = new long[N_AP];
        for (int m = 0; m < N_AP; m++) {
            send(at, at + 100 * US + jitter(10 * US), step, ph, "cloud", ap(m), "Assignment", 40, "fronthaul", csi.id());
            boolean slow = d % SLOW_EDGE_PERIOD == SLOW_EDGE_PHASE && m == d % N_AP;
            long arrive = at + 100 * US + jitter(10 * US) + (slow ? 1200 * US : 0);
            long assignment = send(at, arrive, step, ph, "cloud", edge(m), "Assignment", 40, "cloud-edge", csi.id());
            lateIf(assignment, arrive, deadline);
            precoderArrive[m] = arrive + 20 * US + 5 * US + jitter(US);
            precoders[m] = send(arrive + 20 * US, precoderArrive[m], step, ph, edge(m), ap(m), "Precoder", 60, "ap-edge", assignment);
            lateIf(precoders[m], precoderArrive[m], deadline);
        }
        transmit(deadline, step, precoders, precoderArrive, lastFresh);
    }

    private void centralizedStep(long t0, long step, int d, long[] lastFresh) throws IOException {
        String ph = "deployment";
        long deadline = t0 + MS;
        LastCsi csi = pilotsAndCsi(t0, step, ph, false, -1);
        long at = csi.arrive() + 4 * 20 * US;
        long[] precoders = new long[N_AP];
        long[] precoderArrive = new long[N_AP];
        for (int m = 0; m < N_AP; m++) {
            boolean slow = d % SLOW_FRONTHAUL_PERIOD == SLOW_FRONTHAUL_PHASE && m == d % N_AP;
            precoderArrive[m] = at + 100 * US + jitter(10 * US) + (slow ? 1100 * US : 0);
            precoders[m] = send(at, precoderArrive[m], step, ph, "cloud", ap(m), "Precoder", 60, "fronthaul", csi.id());
            lateIf(precoders[m], precoderArrive[m], deadline);
            lateIf(send(at, precoderArrive[m], step, ph, "cloud", ap(m), "Assignment", 40, "fronthaul", csi.id()),
                    precoderArrive[m], deadline);
        }
        transmit(deadline, step, precoders, precoderArrive, lastFresh);
    }

    private void classicalStep(long t0, long step) throws IOException {
        LastCsi csi = pilotsAndCsi(t0, step, "deployment", false, -1);
        long at = csi.arrive() + 20 * US;
        long[] assignments = new long[N_AP];
        long[] arrive = new long[N_AP];
        for (int m = 0; m < N_AP; m++) {
            arrive[m] = at + 100 * US + jitter(10 * US);
            assignments[m] = send(at, arrive[m], step, "deployment", "cloud", ap(m), "Assignment", 40, "fronthaul", csi.id());
        }
        transmit(t0 + MS, step, assignments, arrive, new long[] {-1, -1, -1, -1});
    }

    /** Each AP transmits at the deadline with this step's precoder if it is there, else the last one it had. */
    private void transmit(long deadline, long step, long[] precoders, long[] arrive, long[] lastFresh) throws IOException {
        long last = 0;
        int misses = 0;
        for (int m = 0; m < N_AP; m++) {
            boolean fresh = arrive[m] <= deadline;
            long cause = fresh ? precoders[m] : lastFresh[m] >= 0 ? lastFresh[m] : TIMER_IDS + step;
            last = send(deadline, deadline, step, "deployment", ap(m), "world", "Transmission", 69, "air", cause);
            if (fresh) {
                lastFresh[m] = precoders[m];
            } else {
                misses++;
                truth.stale.get(run).add(last);
            }
        }
        for (int k = 0; k < N_USER; k++) {
            send(deadline, deadline, step, "deployment", "world", "user-" + k, "Reception", 33, "air", last);
        }
        if (misses > 0) {
            truth.misses.get(run).put(step, misses);
        }
    }

    private void lateIf(long id, long arrive, long deadline) {
        if (arrive > deadline) {
            truth.late.get(run).add(id);
        }
    }

    private long jitter(long max) {
        return random.nextLong(max + 1);
    }

    private static String ap(int m) {
        return "ap-" + m;
    }

    private static String edge(int m) {
        return "edge-" + m;
    }

    /** One line in the emulator's format; {@code arrive < 0}: lost. Returns the message id. */
    private long send(long t, long arrive, long step, String phase, String from, String to, String type, int bytes,
                      String link, long cause) throws IOException {
        long id = nextId++;
        wall += 1_000 + random.nextInt(500);
        line.setLength(0);
        line.append("{\"run\":\"").append(run).append("\",\"t\":").append(t).append(",\"arrive\":")
                .append(arrive < 0 ? "null" : String.valueOf(arrive)).append(",\"wall\":").append(wall)
                .append(",\"step\":").append(step).append(",\"phase\":\"").append(phase).append("\",\"from\":\"")
                .append(from).append("\",\"to\":\"").append(to).append("\",\"type\":\"").append(type)
                .append("\",\"bytes\":").append(bytes).append(",\"link\":\"").append(link).append("\",\"id\":").append(id)
                .append(",\"cause\":").append(cause).append(",\"lost\":").append(arrive < 0)
                .append(",\"fromNode\":\"local\",\"toNode\":\"local\",\"crossNode\":false}\n");
        out.write(line.toString());
        truth.lines++;
        return id;
    }

    private static void writeSteps(Path csv, Truth truth, Shape shape) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("sweep,protocol,step,timeUs,minRate,sumRate,unserved,fallbacks,assignment\n");
            for (String p : shape.protocols()) {
                long first = truth.firstDeploymentStep.get(p);
                for (int d = 0; d < shape.deploymentSteps(); d++) {
                    int misses = truth.misses.get(p).getOrDefault(first + d, 0);
                    w.write("," + p + "," + d + "," + (d + 1) * 1000.0 + ",0.5,8.0,0," + misses + ",\"[0,1,2,0]\"\n");
                }
            }
        }
    }
}
