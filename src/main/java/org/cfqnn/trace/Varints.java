package org.cfqnn.trace;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * A byte buffer of variable-length integers: LEB128 (7 bits a byte, high bit = more follows), signed values
 * zigzag-mapped first ({@code (v << 1) ^ (v >> 63)}: small magnitudes take few bytes), as in Protocol
 * Buffers. The page decodes them with plain arithmetic, exact for magnitudes below 2^53.
 */
final class Varints {

    private byte[] buf = new byte[4096];
    private int size;

    void signed(long v) {
        unsigned(zigzag(v));
    }

    /** An optional signed value: 0 when absent, else its zigzag code + 1 (the page's {@code opt} encoding). */
    void optional(boolean present, long v) {
        unsigned(present ? zigzag(v) + 1 : 0);
    }

    /** Each value as its difference to the one before (the first to 0), signed (the page's {@code delta}). */
    void deltas(long[] values) {
        long prev = 0;
        for (long x : values) {
            signed(x - prev);
            prev = x;
        }
    }

    static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    void unsigned(long v) {
        while ((v & ~0x7FL) != 0) {
            put((byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        put((byte) v);
    }

    private void put(byte b) {
        if (size == buf.length) {
            buf = Arrays.copyOf(buf, size * 2);
        }
        buf[size++] = b;
    }

    int size() {
        return size;
    }

    byte[] bytes() {
        return Arrays.copyOf(buf, size);
    }

    /** The bytes zlib-compressed (RFC 1950: what the browser's {@code DecompressionStream("deflate")} reads). */
    byte[] deflated() {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            d.setInput(buf, 0, size);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(size / 4 + 64);
            byte[] block = new byte[64 * 1024];
            while (!d.finished()) {
                out.write(block, 0, d.deflate(block));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }
}
