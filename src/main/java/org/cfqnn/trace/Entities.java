package org.cfqnn.trace;

import java.util.Comparator;

/**
 * The order of entity lanes in charts: users, the world (air interface), APs, edges, the cloud, anything
 * else; by index within a kind ({@code ap-2} before {@code ap-10}). Short protocol hops then join neighbouring
 * lanes: reception world -> users, pilots world -> APs, CSI and precoders AP <-> edge.
 */
public final class Entities {

    public static final Comparator<String> ORDER = Comparator.comparingInt(Entities::kind)
            .thenComparingLong(Entities::index).thenComparing(Comparator.naturalOrder());

    private Entities() {
    }

    private static int kind(String entity) {
        String k = entity.indexOf('-') < 0 ? entity : entity.substring(0, entity.lastIndexOf('-'));
        return switch (k) {
            case "user" -> 0;
            case "world" -> 1;
            case "ap" -> 2;
            case "edge" -> 3;
            case "cloud" -> 4;
            default -> 5;
        };
    }

    /** The number after the last dash, 0 when there is none. */
    private static long index(String entity) {
        int dash = entity.lastIndexOf('-');
        if (dash < 0) {
            return 0;
        }
        try {
            return Long.parseLong(entity.substring(dash + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
