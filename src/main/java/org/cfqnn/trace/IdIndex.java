package org.cfqnn.trace;

import java.util.Arrays;

/**
 * Message id -> row, an open-addressing hash map on primitive arrays (a paper-sized trace has 420,000 ids;
 * boxed keys would cost ten times the memory). The first row put for an id wins.
 */
final class IdIndex {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    private int[] rows;
    private int size;

    IdIndex(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        rows = new int[cap];
        Arrays.fill(keys, EMPTY);
    }

    void putIfAbsent(long id, int row) {
        if (id == EMPTY) {
            return;
        }
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int i = slot(id);
        if (keys[i] == EMPTY) {
            keys[i] = id;
            rows[i] = row;
            size++;
        }
    }

    /** The row of {@code id}, or -1. */
    int get(long id) {
        if (id == EMPTY) {
            return -1;
        }
        int i = slot(id);
        return keys[i] == EMPTY ? -1 : rows[i];
    }

    private int slot(long id) {
        int mask = keys.length - 1;
        int i = (int) mix(id) & mask;
        while (keys[i] != EMPTY && keys[i] != id) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** A 64-bit finalizer (MurmurHash3's fmix64) so ids built from bit fields spread over the table. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93e53fe1a85L;
        h ^= h >>> 33;
        return h;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldRows = rows;
        keys = new long[oldKeys.length * 2];
        rows = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                putIfAbsent(oldKeys[i], oldRows[i]);
            }
        }
    }
}
