package org.cfqnn.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns for the console. */
public final class TextTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(String... header) {
        this.header = List.of(header);
    }

    public TextTable row(Object... cells) {
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(c instanceof Double d ? number(d) : String.valueOf(c));
        }
        rows.add(r);
        return this;
    }

    /** Whole numbers without decimals (counts), large values to 0.1, others to 4 decimals (rates). */
    static String number(double d) {
        if (!Double.isFinite(d)) {
            return String.valueOf(d);
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.format("%.0f", d);
        }
        return Math.abs(d) >= 100 ? String.format("%.1f", d) : String.format("%.4f", d);
    }

    @Override
    public String toString() {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, width);
        for (int i = 0; i < width.length; i++) {
            sb.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        }
        sb.append('\n');
        for (List<String> r : rows) {
            line(sb, r, width);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] width) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (i > 0) {
                sb.append("  ");
            }
            // first column left-aligned (names), the rest right-aligned (numbers)
            sb.append(i == 0 ? String.format("%-" + width[i] + "s", c) : String.format("%" + width[i] + "s", c));
        }
        sb.append('\n');
    }
}
