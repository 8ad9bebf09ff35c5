package org.cfqnn.rng;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * A run's seed and the independent streams split from it, one per entity.
 *
 * <p>A stream is addressed by a path such as {@code seed.split("fading", m, k)}; its value is a
 * SplitMix64 hash of the root seed and the path, so it does not depend on how many other streams
 * were drawn before it. Adding an AP therefore leaves every other AP's channel untouched, and two
 * runs with the same seed draw identical numbers whatever order their entities run in.
 *
 * @param value the 64-bit seed of this stream
 */
public record Seed(long value) {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /** The stream at {@code label/indices...} below this one. */
    public Seed split(String label, long... indices) {
        long h = mix(value ^ mix(labelHash(label)));
        for (long index : indices) {
            h = mix(h + GOLDEN * (index + 1));
        }
        return new Seed(h);
    }

    /**
     * The stream at index {@code index} below this one: {@code split(label, i, j)} equals
     * {@code split(label).child(i).child(j)}, so loops can hash the label once.
     */
    public Seed child(long index) {
        return new Seed(mix(value + GOLDEN * (index + 1)));
    }

    /** A fresh generator on this stream; two calls give two generators with identical output. */
    public SplittableRandom random() {
        return new SplittableRandom(mix(value + GOLDEN));
    }

    /** SplitMix64 finalizer (Steele, Lea, Flood 2014, variant 13 of Stafford's mixers). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long labelHash(String label) {
        long h = 0xCBF29CE484222325L; // FNV-1a 64
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001B3L;
        }
        return h;
    }
}
