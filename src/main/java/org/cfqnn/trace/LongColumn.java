package org.cfqnn.trace;

import java.util.Arrays;

/** A growable column of longs (one per trace message), stored in a primitive array. */
final class LongColumn {

    private long[] values = new long[1024];
    private int size;

    void add(long v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = v;
    }

    long get(int i) {
        return values[i];
    }

    void set(int i, long v) {
        values[i] = v;
    }

    int size() {
        return size;
    }
}
