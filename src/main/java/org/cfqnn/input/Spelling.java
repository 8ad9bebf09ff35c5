package org.cfqnn.input;

import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;

/** Did-you-mean hints for mistyped keys: the allowed key nearest by edit distance, when it is near enough. */
public final class Spelling {

    /** At most this many single-character edits make a likely typo. */
    static final int MAX_EDITS = 2;

    private Spelling() {
    }

    /**
     * The candidate nearest to {@code word} (Levenshtein distance; ties: the first in alphabetical order),
     * if it is at most {@link #MAX_EDITS} edits away and fewer than half of {@code word}'s length: "nap"
     * suggests "n-ap", "x" suggests nothing.
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : new TreeSet<>(candidates)) {
            int d = distance(word, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        boolean near = best != null && bestDistance > 0 && bestDistance <= MAX_EDITS && 2 * bestDistance < word.length();
        return near ? Optional.of(best) : Optional.empty();
    }

    /** The allowed keys in alphabetical order, then the hint for {@code word}: what an unknown-key error lists. */
    public static String choices(String word, Collection<String> allowed) {
        return String.join(", ", new TreeSet<>(allowed)) + hint(word, allowed);
    }

    /** {@code "; did you mean KEY?"} for the nearest candidate, or {@code ""}. */
    public static String hint(String word, Collection<String> candidates) {
        return closest(word, candidates).map(c -> "; did you mean " + c + "?").orElse("");
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one character. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
