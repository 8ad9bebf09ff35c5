package org.cfqnn.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cfqnn.baseline.Baselines;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.io.JsonNodes;
import org.cfqnn.protocol.Charges;

/**
 * What classical work costs, per kind: a fixed ns per decision and ns per counted operation, so one
 * decision costs {@code nsPerDecision + operations x nsPerOperation} (and the MR table's multiply-adds x
 * its own figure). {@code cfqnn bench calibrate} measures them on a machine and writes
 * <pre>{"format":"cfqnn-calibration/1","nsPerOperation":{"search":0.6,...,"mr-table":3.1,"mr-precoder":3.8},
 *  "nsPerDecision":{"search":4200,...},"note":"..."}</pre>
 * which {@code emulator.compute.calibration = FILE} loads in place of {@code emulator.compute.ns-per-operation}
 * and {@code ns-per-decision}.
 */
public record Calibration(Map<String, Double> nsPerOperation, Map<String, Double> nsPerDecision) {

    public static final String FORMAT = "cfqnn-calibration/1";

    /** The kinds of work: every assignment method, a QNN cloud's classical part, the MR table, the AP's MR precoder. */
    public static final List<String> KINDS = kinds();

    private static List<String> kinds() {
        List<String> k = new java.util.ArrayList<>(Baselines.NAMES);
        k.add(Charges.QNN_CLOUD);
        k.add(Charges.MR_TABLE);
        k.add(Charges.MR_PRECODER);
        return List.copyOf(k);
    }

    public Calibration {
        nsPerOperation = Map.copyOf(nsPerOperation);
        nsPerDecision = Map.copyOf(nsPerDecision);
    }

    /** ns per operation of {@code kind}. */
    public double perOperation(String kind) {
        return get(nsPerOperation, kind);
    }

    /** Fixed ns per decision of {@code kind}. */
    public double perDecision(String kind) {
        return get(nsPerDecision, kind);
    }

    private static double get(Map<String, Double> m, String kind) {
        Double v = m.get(kind);
        if (v == null) {
            throw new IllegalArgumentException("no calibration for " + kind);
        }
        return v;
    }

    /** Reads a calibration file; errors name the file and the JSON path. */
    public static Calibration read(Path file) {
        JsonNodes root = JsonNodes.read(file).requireObject(Set.of("format", "nsPerOperation", "nsPerDecision", "note"));
        String format = root.field("format").asText();
        if (!format.equals(FORMAT)) {
            throw new InvalidInputException(file + ": format", format, "must be " + FORMAT);
        }
        return new Calibration(figures(file, root, "nsPerOperation"), figures(file, root, "nsPerDecision"));
    }

    private static Map<String, Double> figures(Path file, JsonNodes root, String key) {
        JsonNodes ns = root.field(key).requireObject(Set.copyOf(KINDS));
        Map<String, Double> out = new LinkedHashMap<>();
        for (String kind : KINDS) {
            double v = ns.field(kind).asFinite();
            out.put(kind, check(file + ": " + key + "." + kind, v));
        }
        return out;
    }

    /** A figure in ns must be in [0, 1e12]. */
    static double check(String key, double v) {
        if (!(v >= 0 && v <= 1e12)) {
            throw new InvalidInputException(key, v, "must be ns in [0, 1e12]");
        }
        return v;
    }

    /** The file's JSON, with a free-form {@code note} (where and how it was measured). */
    public String json(String note) {
        ObjectNode root = JsonNodes.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode op = root.putObject("nsPerOperation");
        ObjectNode dec = root.putObject("nsPerDecision");
        for (String kind : KINDS) {
            op.put(kind, Math.round(nsPerOperation.get(kind) * 1000) / 1000.0);
            dec.put(kind, Math.round(nsPerDecision.get(kind) * 10) / 10.0);
        }
        root.put("note", note);
        return root.toPrettyString() + "\n";
    }
}
