package org.cfqnn.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.radio.Channel;

/**
 * Reads and writes channel snapshots (docs/model.md section 5):
 * <pre>{"nAp":M,"nUser":K,"nTx":N,"rho":linear,"mu":mu,"h":[[[[re,im],...N],...K],...M]}</pre>
 * Two optional keys extend the format: {@code "hHat"} (same shape as {@code h}) holds the estimate
 * when it differs from the truth, and {@code "meta"} is any object of provenance (seed, model), kept
 * for people and ignored by the reader. Without {@code hHat} the snapshot is both estimate and truth.
 */
public final class SnapshotJson {

    private static final Set<String> KEYS = Set.of("nAp", "nUser", "nTx", "rho", "mu", "h", "hHat", "meta");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Sizes a snapshot may declare; larger channels are not meant to travel as JSON. */
    private static final int MAX_DIMENSION = 100_000;
    /**
     * Largest channel coefficient accepted. Rates square and sum coefficients over APs, users and
     * antennas and scale them by rho: 1e50 keeps every such sum far below the double range (1e308),
     * while larger values would overflow to infinity and give silently wrong precoders and rates.
     */
    static final double MAX_COEFFICIENT = 1e50;

    private SnapshotJson() {
    }

    public static Snapshot read(Path file) {
        JsonNodes root = JsonNodes.read(file); // parse errors already name the file
        try {
            return parse(root);
        } catch (InvalidInputException e) {
            throw e.within(file + ": ");
        }
    }

    public static Snapshot parse(JsonNodes root) {
        root.requireObject(KEYS);
        int nAp = root.field("nAp").asInt(1, MAX_DIMENSION);
        int nUser = root.field("nUser").asInt(1, MAX_DIMENSION);
        int nTx = root.field("nTx").asInt(1, MAX_DIMENSION);
        if (nAp < nUser) {
            throw new InvalidInputException("nAp", nAp, "must be >= nUser (" + nUser + "): every user needs an AP");
        }
        double rho = root.field("rho").asFinite();
        if (rho <= 0) {
            throw root.field("rho").error("expected a linear SNR > 0");
        }
        double mu = root.field("mu").asFinite();
        if (mu < 0 || mu > 1) {
            throw root.field("mu").error("expected an interference factor in [0, 1]");
        }
        if (root.has("meta") && !root.field("meta").raw().isObject()) {
            throw root.field("meta").error("expected a JSON object");
        }
        Channel h = channel(root.field("h"), nAp, nUser, nTx);
        Channel hHat = root.has("hHat") ? channel(root.field("hHat"), nAp, nUser, nTx) : h;
        return new Snapshot(h, hHat, rho, mu);
    }

    private static Channel channel(JsonNodes node, int nAp, int nUser, int nTx) {
        double[] re = new double[nAp * nUser * nTx];
        double[] im = new double[re.length];
        List<JsonNodes> aps = node.elements(nAp, "APs (nAp)");
        for (int m = 0; m < nAp; m++) {
            List<JsonNodes> users = aps.get(m).elements(nUser, "users (nUser)");
            for (int k = 0; k < nUser; k++) {
                List<JsonNodes> antennas = users.get(k).elements(nTx, "antennas (nTx)");
                for (int j = 0; j < nTx; j++) {
                    List<JsonNodes> pair = antennas.get(j).elements(2, "numbers [re, im]");
                    int i = (m * nUser + k) * nTx + j;
                    re[i] = coefficient(pair.get(0));
                    im[i] = coefficient(pair.get(1));
                }
            }
        }
        return Channel.of(nAp, nUser, nTx, re, im);
    }

    private static double coefficient(JsonNodes n) {
        double v = n.asFinite();
        if (Math.abs(v) > MAX_COEFFICIENT) {
            throw n.error("expected a channel coefficient with |value| <= 1e50 (larger values overflow the rates)");
        }
        return v;
    }

    /** The snapshot as JSON; {@code hHat} is written only when the estimate differs from the truth. */
    public static ObjectNode toJson(Snapshot s, Map<String, ?> meta) {
        ObjectNode root = F.objectNode();
        root.put("nAp", s.nAp());
        root.put("nUser", s.nUser());
        root.put("nTx", s.nTx());
        root.put("rho", s.rho());
        root.put("mu", s.mu());
        root.set("h", channelJson(s.truth()));
        if (s.estimate() != s.truth()) {
            root.set("hHat", channelJson(s.estimate()));
        }
        if (meta != null && !meta.isEmpty()) {
            root.set("meta", JsonNodes.MAPPER.valueToTree(meta));
        }
        return root;
    }

    public static void write(Snapshot s, Map<String, ?> meta, Path file) {
        AtomicFiles.writeString(file, toJson(s, meta).toString() + "\n");
    }

    private static JsonNode channelJson(Channel h) {
        ArrayNode aps = F.arrayNode();
        for (int m = 0; m < h.nAp(); m++) {
            ArrayNode users = aps.addArray();
            for (int k = 0; k < h.nUser(); k++) {
                ArrayNode antennas = users.addArray();
                for (int j = 0; j < h.nTx(); j++) {
                    antennas.addArray().add(h.re(m, k, j)).add(h.im(m, k, j));
                }
            }
        }
        return aps;
    }
}
