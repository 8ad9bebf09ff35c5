package org.cfqnn.quantum.device;

import java.util.ArrayList;
import java.util.List;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.quantum.Circuit;
import org.cfqnn.quantum.MeasurementGroup;
import org.cfqnn.quantum.Op;
import org.cfqnn.quantum.Pauli;

/**
 * A quantum processor's timing: what one circuit execution costs, how small circuits pack side by
 * side, how many QPUs a site has. Pure and immutable: the emulator charges its figures.
 *
 * <p>Time of one circuit execution (the {@code quantum.device} settings):
 * <ul>
 *   <li>{@code flatCircuitNanos > 0} (preset {@code ideal}): that, whatever the circuit, shots or groups
 *       (cfqnn's charging before the device model: {@code circuits x 20 us});</li>
 *   <li>otherwise {@code groups x shots x shotNanos}, with {@code shotNanos} from the {@link Schedule}
 *       (layers + readout + reset), {@code groups} the qubit-wise commuting measurement groups of its
 *       observables ({@link MeasurementGroup#firstFit}) and {@code shots} the shots per expectation
 *       ({@code exactShots} when exact values are computed, as hardware would still have to sample).</li>
 * </ul>
 *
 * @param preset           name of the preset the figures came from
 * @param gate1qNanos      one-qubit gate
 * @param gate2qNanos      one native two-qubit gate
 * @param readoutNanos     measurement of the register, once per shot
 * @param resetNanos       reset / repetition delay between shots
 * @param virtualRz        one-qubit diagonal gates (RZ, Z, S, T and inverses) are frame changes: 0 ns and no layer
 * @param sequentialGates  gates run one at a time (no two in the same layer)
 * @param flatCircuitNanos if > 0, every circuit execution costs exactly this
 * @param qubits           qubits of one QPU: the widest circuit, and the budget for packing
 * @param parallel         independent small circuits of one decision run side by side while their qubits fit
 * @param qpus             QPUs per site (the cloud; each edge)
 * @param exactShots       shots charged for an expectation computed exactly ({@code quantum.shots = 0})
 */
public record DeviceModel(String preset, long gate1qNanos, long gate2qNanos, long readoutNanos, long resetNanos,
                          boolean virtualRz, boolean sequentialGates, long flatCircuitNanos, int qubits,
                          boolean parallel, int qpus, int exactShots) {

    /** Key of the width, named by errors about circuits that do not fit. */
    public static final String QUBITS_KEY = "quantum.device.qubits";

    public DeviceModel {
        if (gate1qNanos < 0 || gate2qNanos < 0 || readoutNanos < 0 || resetNanos < 0 || flatCircuitNanos < 0) {
            throw new IllegalArgumentException("durations must be >= 0");
        }
        if (qubits < 1 || qpus < 1 || exactShots < 1) {
            throw new IllegalArgumentException("qubits, qpus and exactShots must be >= 1");
        }
    }

    /** Today's charging: every circuit execution 20 us, serial, one QPU per site. */
    public static DeviceModel ideal() {
        return new DeviceModel("ideal", 0, 0, 0, 0, false, false, 20_000, 30, false, 1, 1000);
    }

    /** Duration of one gate: 0 for a virtual RZ; two-qubit gates by their native two-qubit count. */
    public long gateNanos(Op op) {
        if (op.kind().arity() == 1) {
            return isVirtual(op) ? 0 : gate1qNanos;
        }
        return nativeTwoQubitGates(op) * gate2qNanos;
    }

    /** A one-qubit diagonal gate is an RZ up to a global phase: a frame change when {@code virtualRz}. */
    public boolean isVirtual(Op op) {
        return virtualRz && op.kind().arity() == 1 && op.kind().diagonal();
    }

    /**
     * Native two-qubit gates in the textbook decomposition of a two-qubit gate: 1 for CX, CZ, CY and CH
     * (a CX or CZ between one-qubit gates), 2 for the controlled rotations CRX, CRY, CRZ, 3 for SWAP. The
     * one-qubit gates of these decompositions are not charged.
     */
    static int nativeTwoQubitGates(Op op) {
        return switch (op.kind()) {
            case CRX, CRY, CRZ -> 2;
            case SWAP -> 3;
            default -> 1;
        };
    }

    /** The ASAP schedule of {@code circuit} on this device. */
    public Schedule schedule(Circuit circuit) {
        return Schedule.of(circuit, this);
    }

    /** Shots an expectation costs: {@code shots}, or {@code exactShots} when computed exactly (shots = 0). */
    public int chargedShots(int shots) {
        return shots > 0 ? shots : exactShots;
    }

    /**
     * One circuit execution: {@code flatCircuitNanos} if set, else
     * {@code groups x chargedShots(shots) x schedule.shotNanos()}.
     */
    public long executionNanos(Schedule schedule, int groups, int shots) {
        if (flatCircuitNanos > 0) {
            return flatCircuitNanos;
        }
        return Math.multiplyExact(Math.multiplyExact((long) groups, chargedShots(shots)), schedule.shotNanos());
    }

    /** One execution of {@code circuit} measuring {@code observables}. */
    public long executionNanos(Circuit circuit, Pauli[] observables, int shots) {
        requireFits(circuit.qubits());
        return executionNanos(schedule(circuit), MeasurementGroup.firstFit(observables).size(), shots);
    }

    /**
     * Refuses a circuit wider than one QPU.
     *
     * @throws InvalidInputException naming {@code quantum.device.qubits}
     */
    public void requireFits(int circuitQubits) {
        requireFits(circuitQubits, "a circuit");
    }

    /** As {@link #requireFits(int)}, naming what needs the qubits (e.g. "the cloud QNN (cloud.ansatz = paper)"). */
    public void requireFits(int circuitQubits, String what) {
        if (circuitQubits > qubits) {
            throw new InvalidInputException(QUBITS_KEY, qubits, what + " needs " + circuitQubits
                    + " qubits, more than one QPU of this device has (preset " + preset + ")");
        }
    }

    /** One circuit of a decision's stage: its width and its execution time. */
    public record Execution(int qubits, long nanos) {
    }

    /**
     * Time of independent circuits of one decision (e.g. the link circuits of one round). Serial when
     * {@code parallel} is off: the sum. With {@code parallel}: first-fit packing in the given order into
     * batches of at most {@code qubits} qubits run side by side (one merged circuit whose shots serve all,
     * so a batch lasts as long as its longest execution); the batches run one after another. A decision
     * occupies one QPU; {@link QpuQueue} shares a site's QPUs between decisions.
     */
    public long packedNanos(List<Execution> executions) {
        for (Execution e : executions) {
            requireFits(e.qubits());
        }
        List<Long> batches = new ArrayList<>();
        if (!parallel) {
            executions.forEach(e -> batches.add(e.nanos()));
        } else {
            List<int[]> room = new ArrayList<>(); // free qubits per batch
            for (Execution e : executions) {
                int b = 0;
                while (b < room.size() && room.get(b)[0] < e.qubits()) {
                    b++;
                }
                if (b == room.size()) {
                    room.add(new int[] {qubits});
                    batches.add(0L);
                }
                room.get(b)[0] -= e.qubits();
                batches.set(b, Math.max(batches.get(b), e.nanos()));
            }
        }
        long total = 0;
        for (long b : batches) {
            total = Math.addExact(total, b);
        }
        return total;
    }

    /**
     * {@code count} independent executions of one circuit measuring {@code observables}: one stage of a
     * decision (e.g. one message-passing round's link circuits). Stages run one after another.
     */
    public record Stage(Circuit circuit, Pauli[] observables, long count) {
    }

    /**
     * The quantum time of one decision: its stages one after another, each the {@link #packedNanos} of
     * its executions ({@link #executionNanos(Circuit, Pauli[], int)} each). With the {@code ideal} preset
     * this is {@code circuits x 20 us}, the charge before the device model.
     */
    public long decisionNanos(List<Stage> stages, int shots) {
        long total = 0;
        for (Stage s : stages) {
            Execution e = new Execution(s.circuit().qubits(), executionNanos(s.circuit(), s.observables(), shots));
            total = Math.addExact(total, packedNanos(repeat(e, s.count())));
        }
        return total;
    }

    /** Executions of the same circuit, {@code count} times: convenience for a stage of identical circuits. */
    public static List<Execution> repeat(Execution e, long count) {
        List<Execution> out = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            out.add(e);
        }
        return out;
    }
}
