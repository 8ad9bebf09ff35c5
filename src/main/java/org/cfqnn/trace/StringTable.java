package org.cfqnn.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Distinct strings numbered in order of first appearance (entity names, types, links, nodes). */
final class StringTable {

    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> strings = new ArrayList<>();

    int of(String s) {
        Integer i = index.get(s);
        if (i == null) {
            i = strings.size();
            index.put(s, i);
            strings.add(s);
        }
        return i;
    }

    /** The index of {@code s}, or -1 when it never appeared. */
    int find(String s) {
        return index.getOrDefault(s, -1);
    }

    String get(int i) {
        return strings.get(i);
    }

    List<String> all() {
        return List.copyOf(strings);
    }
}
