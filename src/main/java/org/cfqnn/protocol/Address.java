package org.cfqnn.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.cfqnn.input.InvalidInputException;

/**
 * An entity's address: its role and, for APs, edges and users, its index. Written {@code world},
 * {@code cloud}, {@code ap-3}, {@code edge-3}, {@code user-1} in traces, files and settings.
 *
 * @param role  what the entity is
 * @param index the AP, edge or user index (0 for the world and the cloud)
 */
public record Address(Role role, int index) implements Comparable<Address> {

    public static final Address WORLD = new Address(Role.WORLD, 0);
    public static final Address CLOUD = new Address(Role.CLOUD, 0);

    public Address {
        if (index < 0 || (!role.indexed() && index != 0)) {
            throw new IllegalArgumentException("bad address " + role + " " + index);
        }
    }

    public static Address ap(int m) {
        return new Address(Role.AP, m);
    }

    public static Address edge(int m) {
        return new Address(Role.EDGE, m);
    }

    public static Address user(int k) {
        return new Address(Role.USER, k);
    }

    /** Parses {@code world}, {@code cloud}, {@code ap-m}, {@code edge-m}, {@code user-k}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Address parse(String text) {
        for (Role r : Role.values()) {
            if (!r.indexed() && text.equals(r.label())) {
                return new Address(r, 0);
            }
            if (r.indexed() && text.startsWith(r.label() + "-")) {
                try {
                    return new Address(r, Integer.parseInt(text.substring(r.label().length() + 1)));
                } catch (IllegalArgumentException e) {
                    break;
                }
            }
        }
        throw new InvalidInputException("address", text, "must be world, cloud, ap-m, edge-m or user-k");
    }

    /**
     * A fixed rank that orders same-time events deterministically: world 0, cloud 1, ap-m 2+m,
     * edge-m 2+M+m, user-k 2+2M+k.
     */
    public int ordinal(int nAp) {
        return switch (role) {
            case WORLD -> 0;
            case CLOUD -> 1;
            case AP -> 2 + index;
            case EDGE -> 2 + nAp + index;
            case USER -> 2 + 2 * nAp + index;
        };
    }

    @Override
    public int compareTo(Address o) {
        return role != o.role ? role.compareTo(o.role) : Integer.compare(index, o.index);
    }

    @JsonValue
    @Override
    public String toString() {
        return role.indexed() ? role.label() + "-" + index : role.label();
    }
}
