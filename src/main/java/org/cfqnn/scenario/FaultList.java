package org.cfqnn.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cfqnn.input.InvalidInputException;

/**
 * A list of faults {@code [{ <target> = cloud | edge-i, step = s }]}: what fails ({@code cloud}, or edge
 * number i below {@code edges}) and at which step.
 */
final class FaultList {

    /** One fault, validated. */
    record Entry(String target, long step) {
    }

    private FaultList() {
    }

    /**
     * Reads list {@code key} of block {@code s}, whose entries name their target with {@code targetKey};
     * {@code edges} is the number of valid edge indices, {@code edgesFrom} says where that number comes from.
     */
    static List<Entry> read(Settings s, String key, String targetKey, int edges, String edgesFrom) {
        List<Entry> out = new ArrayList<>();
        try {
            for (Config f : s.raw().getConfigList(key)) {
                Settings fs = new Settings(f, s.key(key + "[].")).onlyKeys(Set.of(targetKey, "step"));
                String target = fs.getString(targetKey);
                if (!target.equals("cloud") && edgeIndex(target, edges) < 0) {
                    throw new InvalidInputException(fs.key(targetKey), target, "must be cloud or edge-i with i in [0, "
                            + (edges - 1) + "] (" + edgesFrom + ")");
                }
                long step = fs.getLong("step");
                if (step < 0) {
                    throw new InvalidInputException(fs.key("step"), step, "must be >= 0");
                }
                out.add(new Entry(target, step));
            }
        } catch (ConfigException.WrongType x) {
            throw new InvalidInputException(s.key(key), null, "must be a list of { " + targetKey + " = ..., step = ... }");
        }
        return out;
    }

    /** i for {@code edge-i} with 0 <= i < edges, else -1. */
    private static int edgeIndex(String target, int edges) {
        if (!target.startsWith("edge-")) {
            return -1;
        }
        try {
            int i = Integer.parseInt(target.substring(5));
            return i >= 0 && i < edges ? i : -1;
        } catch (NumberFormatException x) {
            return -1;
        }
    }
}
