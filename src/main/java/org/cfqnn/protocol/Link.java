package org.cfqnn.protocol;

/**
 * The kind of link between two entities. The emulator models fronthaul, AP-edge and cloud-edge links
 * (latency, jitter, bandwidth, loss); the air interface is the channel itself (no delay: the radio is
 * modelled by the rates) and control signalling from the cloud to the world is instantaneous.
 */
public enum Link {
    AIR("air", false),
    CONTROL("control", false),
    FRONTHAUL("fronthaul", true),
    AP_EDGE("ap-edge", true),
    CLOUD_EDGE("cloud-edge", true);

    private final String label;
    private final boolean modelled;

    Link(String label, boolean modelled) {
        this.label = label;
        this.modelled = modelled;
    }

    /** The name in settings and traces. */
    public String label() {
        return label;
    }

    /** True for links with latency, jitter, bandwidth and loss settings. */
    public boolean modelled() {
        return modelled;
    }

    /** The link between {@code a} and {@code b} (either direction). */
    public static Link between(Address a, Address b) {
        Role x = a.role();
        Role y = b.role();
        if (x == Role.WORLD || y == Role.WORLD) {
            return x == Role.CLOUD || y == Role.CLOUD ? CONTROL : AIR;
        }
        if (is(x, y, Role.AP, Role.CLOUD)) {
            return FRONTHAUL;
        }
        if (is(x, y, Role.AP, Role.EDGE)) {
            return AP_EDGE;
        }
        if (is(x, y, Role.CLOUD, Role.EDGE)) {
            return CLOUD_EDGE;
        }
        throw new IllegalArgumentException("no link between " + a + " and " + b);
    }

    private static boolean is(Role x, Role y, Role p, Role q) {
        return (x == p && y == q) || (x == q && y == p);
    }
}
