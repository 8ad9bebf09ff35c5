package org.cfqnn.emulator;

/**
 * Logical addresses of the entities ({@code world}, {@code cloud}, {@code ap-m}, {@code edge-m},
 * {@code user-k}), their fixed ordinals (which order same-time events deterministically) and the link
 * type between two of them.
 */
public final class Addresses {

    public static final String WORLD = "world";
    public static final String CLOUD = "cloud";
    /** The air interface: no delay, no loss (the radio is modelled by the channel, not a link). */
    public static final String AIR = "air";
    /** Cloud -> world phase signalling: no delay. */
    public static final String CONTROL = "control";

    private Addresses() {
    }

    public static String ap(int m) {
        return "ap-" + m;
    }

    public static String edge(int m) {
        return "edge-" + m;
    }

    public static String user(int k) {
        return "user-" + k;
    }

    /** world 0, cloud 1, ap-m 2+m, edge-m 2+M+m, user-k 2+2M+k. */
    public static int ordinal(String address, int nAp) {
        if (address.equals(WORLD)) {
            return 0;
        }
        if (address.equals(CLOUD)) {
            return 1;
        }
        int dash = address.lastIndexOf('-');
        int i = Integer.parseInt(address.substring(dash + 1));
        return switch (address.substring(0, dash)) {
            case "ap" -> 2 + i;
            case "edge" -> 2 + nAp + i;
            case "user" -> 2 + 2 * nAp + i;
            default -> throw new IllegalArgumentException("unknown address " + address);
        };
    }

    private static String role(String address) {
        int dash = address.lastIndexOf('-');
        return dash < 0 ? address : address.substring(0, dash);
    }

    /** {@code fronthaul}, {@code ap-edge}, {@code cloud-edge}, {@link #AIR} or {@link #CONTROL}. */
    public static String link(String from, String to) {
        String a = role(from);
        String b = role(to);
        if (a.equals(WORLD) || b.equals(WORLD)) {
            return a.equals(CLOUD) ? CONTROL : AIR;
        }
        if ((a.equals("ap") && b.equals(CLOUD)) || (a.equals(CLOUD) && b.equals("ap"))) {
            return "fronthaul";
        }
        if ((a.equals("ap") && b.equals("edge")) || (a.equals("edge") && b.equals("ap"))) {
            return "ap-edge";
        }
        if ((a.equals(CLOUD) && b.equals("edge")) || (a.equals("edge") && b.equals(CLOUD))) {
            return "cloud-edge";
        }
        throw new IllegalArgumentException("no link between " + from + " and " + to);
    }
}
