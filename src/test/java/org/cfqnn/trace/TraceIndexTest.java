package org.cfqnn.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The viewer's index of a synthetic trace whose misses, late, lost and stale messages are known by construction. */
class TraceIndexTest {

    /** 5 + 200 x 20 + 400 x (31 + 23 + 3 x 19) = 48,405 lines: every fault pattern of {@link SyntheticTrace} occurs. */
    static final SyntheticTrace.Shape SMALL = new SyntheticTrace.Shape(200, 400,
            SyntheticTrace.paper().protocols());

    @TempDir
    Path dir;
    static SyntheticTrace.Truth truth;
    static TraceIndex withCsv;
    static TraceIndex derived;

    @BeforeAll
    static void write() {
        SyntheticTrace.Written w = SyntheticTrace.shared(SMALL);
        truth = w.truth();
        withCsv = index(w.trace(), StepsCsv.misses(w.stepsCsv()));
        derived = index(w.trace(), Map.of());
    }

    static TraceIndex index(Path trace, Map<String, TreeMap<Long, Long>> csv) {
        TraceTable t = new TraceTable();
        TraceReader.read(trace, TraceReader.Corrupt.FAIL, t::add);
        return new TraceIndex(t, csv);
    }

    @Test
    void chunksCoverEveryMessageOnceInWholeStepsOfOneRunAndPhase() {
        TraceTable t = withCsv.table;
        assertThat(t.size()).isEqualTo(truth.lines).isEqualTo(48_405);
        int next = 0;
        Set<String> stepsSeen = new HashSet<>();
        for (TraceIndex.Chunk c : withCsv.chunks) {
            assertThat(c.firstRow()).isEqualTo(next);
            assertThat(c.count()).isBetween(1, TraceIndex.CHUNK_MESSAGES);
            Set<String> inChunk = new HashSet<>();
            long prevStep = Long.MIN_VALUE;
            long prevT = Long.MIN_VALUE;
            int bad = 0;
            for (int r = c.firstRow(); r < c.firstRow() + c.count(); r++) {
                int row = withCsv.order[r];
                long step = t.step.get(row);
                boolean ordered = step > prevStep || (step == prevStep && t.t.get(row) >= prevT); // by step, then send time
                boolean inside = c.tMin() <= t.t.get(row) && t.end(row) <= c.tMax();
                boolean sameGroup = t.run.get(row) == c.run() && t.phase.get(row) == c.phase();
                bad += ordered && inside && sameGroup ? 0 : 1;
                prevStep = step;
                prevT = t.t.get(row);
                inChunk.add(c.run() + "/" + c.phase() + "/" + step);
            }
            assertThat(bad).as("rows out of order, outside the chunk's time span or of another run or phase").isZero();
            inChunk.forEach(s -> assertThat(stepsSeen.add(s)).as("step %s in two chunks", s).isTrue());
            next += c.count();
        }
        assertThat(next).isEqualTo(t.size());
        // the non-centralized run's 4,000 edge-training messages do not fit one chunk of 4,096 with the cloud training
        assertThat(withCsv.chunks.size()).isGreaterThan(10);
    }

    @Test
    void causesResolveToTheMessageWithThatIdInTheSameRunAndTimersToNothing() {
        TraceTable t = withCsv.table;
        Map<String, Integer> byRunAndId = new HashMap<>();
        for (int row = 0; row < t.size(); row++) {
            byRunAndId.putIfAbsent(t.run.get(row) + "/" + t.id.get(row), row);
        }
        int resolved = 0;
        for (int r = 0; r < t.size(); r++) {
            int row = withCsv.order[r];
            Integer expected = byRunAndId.get(t.run.get(row) + "/" + t.cause.get(row));
            if (expected == null) {
                assertThat(withCsv.causeRow[r]).isEqualTo(-1);
            } else {
                assertThat(withCsv.order[withCsv.causeRow[r]]).isEqualTo(expected);
                resolved++;
            }
        }
        // pilots, training data and cloud-ready are caused by timers; everything else by a message (every slow
        // step comes after its AP's first fresh precoder, so even the fallback transmissions name a message)
        assertThat(t.size() - resolved).isEqualTo(5 + 4L * (SMALL.edgeTrainingSteps() + 5L * SMALL.deploymentSteps()));
    }

    @Test
    void missesPerStepAreTheTruthWhetherFromStepsCsvOrDerivedFromTheTrace() {
        for (TraceIndex index : List.of(withCsv, derived)) {
            Map<String, TreeMap<Long, Integer>> found = new HashMap<>();
            for (TraceIndex.Step s : index.steps) {
                String run = index.table.strings.get(s.run());
                boolean deployment = index.table.strings.get(s.phase()).equals("deployment");
                assertThat(s.misses()).as("%s step %d", run, s.step()).isEqualTo(deployment ? (long) truth.misses.get(run)
                        .getOrDefault(s.step(), 0) : -1L);
                if (s.misses() > 0) {
                    found.computeIfAbsent(run, r -> new TreeMap<>()).put(s.step(), (int) s.misses());
                }
            }
            assertThat(found.get("non-centralized")).isEqualTo(truth.misses.get("non-centralized")).hasSize(4);
            assertThat(found.get("centralized")).isEqualTo(truth.misses.get("centralized")).hasSize(4);
            assertThat(found).doesNotContainKey("search");
        }
        assertThat(withCsv.missSources.values()).containsOnly(TraceIndex.MissSource.STEPS_CSV);
        assertThat(derived.missSources.values()).containsOnly(TraceIndex.MissSource.DERIVED);
    }

    @Test
    void lateLostAndStaleFlagsAreExactlyTheTruth() {
        TraceTable t = withCsv.table;
        Map<String, Set<Long>> late = new HashMap<>();
        Map<String, Set<Long>> lost = new HashMap<>();
        Map<String, Set<Long>> stale = new HashMap<>();
        for (int row = 0; row < t.size(); row++) {
            String run = t.strings.get((int) t.run.get(row));
            long f = t.flags.get(row);
            if ((f & TraceIndex.LATE) != 0) {
                late.computeIfAbsent(run, r -> new HashSet<>()).add(t.id.get(row));
            }
            if ((f & TraceTable.LOST) != 0) {
                lost.computeIfAbsent(run, r -> new HashSet<>()).add(t.id.get(row));
            }
            if ((f & TraceIndex.STALE) != 0) {
                stale.computeIfAbsent(run, r -> new HashSet<>()).add(t.id.get(row));
            }
        }
        for (String run : SMALL.protocols()) {
            assertThat(late.getOrDefault(run, Set.of())).as(run).isEqualTo(truth.late.get(run));
            assertThat(lost.getOrDefault(run, Set.of())).as(run).isEqualTo(truth.lost.get(run));
            assertThat(stale.getOrDefault(run, Set.of())).as(run).isEqualTo(truth.stale.get(run));
        }
        assertThat(truth.late.get("non-centralized")).hasSize(8);   // 4 slow steps: assignment and precoder each
        assertThat(truth.lost.get("non-centralized")).hasSize(5);   // d = 7, 96, 185, 274, 363
    }

    @Test
    void deploymentStepsTransmitOneMillisecondAfterTheirPilotsAndTrainingStepsNever() {
        for (TraceIndex.Step s : withCsv.steps) {
            boolean deployment = withCsv.table.strings.get(s.phase()).equals("deployment");
            assertThat(s.transmit()).isEqualTo(deployment ? s.tStart() + SyntheticTrace.MS : TraceMessage.NONE);
            int expectedCount = switch (withCsv.table.strings.get(s.run()) + "/" + withCsv.table.strings.get(s.phase())) {
                case "non-centralized/cloud-training" -> 5;
                case "non-centralized/edge-training" -> 20;
                case "non-centralized/deployment" -> 31;
                case "centralized/deployment" -> 23;
                default -> 19;
            };
            assertThat(s.count()).isEqualTo(expectedCount);
        }
        assertThat(withCsv.steps).hasSize(1 + 200 + 5 * 400);
    }

    @Test
    void stepRecordsOverrideTheDerivedMissesAndStepsCsvOverridesBoth() throws Exception {
        Path trace = dir.resolve("records.jsonl");
        String tx = TraceLineParserTest.PILOT.replace("\"type\":\"Pilot\"", "\"type\":\"Transmission\"");
        Files.writeString(trace, String.join("\n", tx.replace("\"step\":10000", "\"step\":1"),
                tx.replace("\"step\":10000", "\"step\":2").replace("\"id\":50001", "\"id\":50002"),
                "{\"record\":\"step\",\"run\":\"non-centralized\",\"step\":1,\"deadlineMissed\":false}") + "\n");
        TraceIndex fromRecords = index(trace, Map.of());
        // derived: both transmissions are caused by an untraced event, so both steps missed; the record clears step 1
        assertThat(fromRecords.steps).extracting(TraceIndex.Step::misses).containsExactly(0L, 1L);
        TraceIndex fromCsv = index(trace, Map.of("non-centralized", new TreeMap<>(Map.of(0L, 3L, 1L, 0L))));
        assertThat(fromCsv.steps).extracting(TraceIndex.Step::misses).containsExactly(3L, 0L);
    }
}
