package org.cfqnn.io;

/** CSV lines (RFC 4180 quoting): a cell with a comma, quote or newline is quoted, quotes doubled. */
public final class Csv {

    private Csv() {
    }

    /** One line of cells, without the line break. */
    public static String line(Object... cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(cells[i]));
        }
        return sb.toString();
    }

    static String cell(Object v) {
        String s = v == null ? "" : String.valueOf(v);
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
