package cn.gov.lvliang.ledger.query.web;

import java.util.List;

/**
 * A table as a page shows it and its xlsx export holds it: the same headers, rows and cells.
 *
 * @param id         the table's name in its page and export URL, e.g. {@code county}
 * @param title      its caption
 * @param headers    column headers
 * @param rows       rows of cells, one per header
 * @param note       a line under the caption (what the figures count), or null
 * @param exportHref the URL of its xlsx export, or null for a table that has none
 * @param moreHref   for a table that shows only the first rows of a longer list, the page with all of them
 */
public record Table(String id, String title, List<String> headers, List<List<Cell>> rows, String note,
                    String exportHref, String moreHref) {

    public Table {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
        for (List<Cell> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException(id + ": a row has " + row.size() + " cells for "
                        + headers.size() + " headers");
            }
        }
    }

    /** The same table without its export, for a page whose figures no export holds (a case's past). */
    public Table withoutExport() {
        return new Table(id, title, headers, rows, note, null, moreHref);
    }

    /** Whether the column's cells are numbers (right-aligned on the page). */
    public boolean numericColumn(int column) {
        return rows.stream().map(row -> row.get(column)).anyMatch(Cell::numeric);
    }
}
