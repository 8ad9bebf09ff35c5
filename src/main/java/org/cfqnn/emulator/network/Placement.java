package org.cfqnn.emulator.network;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cfqnn.emulator.CborSerializable;
import org.cfqnn.protocol.Address;
import org.cfqnn.protocol.Link;
import org.cfqnn.protocol.Lookahead;
import org.cfqnn.protocol.Role;
import org.cfqnn.scenario.EmulatorSettings.LinkSettings;

/**
 * Which cluster node hosts which entity: where a message goes, and which links leave a node (what bounds
 * the lookahead of its entities, {@link Lookahead}).
 */
public record Placement(List<Entry> entries) implements CborSerializable {

    /** Entity {@code address} lives on node {@code node}. */
    public record Entry(Address address, String node) implements CborSerializable {
    }

    public Map<Address, String> nodes() {
        Map<Address, String> out = new HashMap<>();
        entries.forEach(e -> out.put(e.address(), e.node()));
        return out;
    }

    /**
     * The links that leave {@code node}: a link toward a role counts if some entity of that role lives on
     * another node; its delay is the link's latency (the air and control signalling have none).
     */
    public static Lookahead.Links links(String node, Map<Address, String> nodes, Map<Link, LinkSettings> settings) {
        Map<Role, Boolean> elsewhere = new HashMap<>();
        nodes.forEach((a, n) -> elsewhere.merge(a.role(), !n.equals(node), Boolean::logicalOr));
        return (link, from, to) -> {
            if (!elsewhere.getOrDefault(to, false)) {
                return Lookahead.NEVER;
            }
            LinkSettings l = settings.get(link);
            return l == null ? 0 : l.latency();
        };
    }
}
