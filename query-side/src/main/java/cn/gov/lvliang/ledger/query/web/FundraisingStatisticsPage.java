package cn.gov.lvliang.ledger.query.web;

import cn.gov.lvliang.ledger.query.fundraising.StatisticsTableKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One of the plan's statistics tables (附件2–4) as its page and its export show it: the table with the API's rows and
 * its totals (合计) as the last row, the column groups above the leaf headers (a two-row header, as the tables are
 * printed), and the notes to print under it.
 *
 * @param kind      which table
 * @param scopeName the county's name, or 全市
 * @param filter    the county and period
 * @param table     headers (the leaf headers) and rows, the totals last
 * @param groups    each column's group header, or null where the leaf header stands alone
 * @param notes     what the reader of the printed table must know
 * @param apiHref   the same table as the API answers it
 */
public record FundraisingStatisticsPage(StatisticsTableKind kind, String scopeName, FundraisingFilter filter,
                                        Table table, List<String> groups, List<String> notes, String apiHref) {

    public FundraisingStatisticsPage {
        groups = Collections.unmodifiableList(new ArrayList<>(groups));
        notes = List.copyOf(notes);
        if (groups.size() != table.headers().size()) {
            throw new IllegalArgumentException(table.id() + ": " + groups.size() + " groups for "
                    + table.headers().size() + " headers");
        }
    }

    public LocalDate from() {
        return filter.from();
    }

    public LocalDate to() {
        return filter.to();
    }

    /**
     * The header's first row: a column without a group spans both rows; consecutive columns of one group share a
     * cell spanning them.
     */
    public List<HeaderCell> topRow() {
        List<HeaderCell> cells = new ArrayList<>();
        int column = 0;
        while (column < groups.size()) {
            String group = groups.get(column);
            if (group == null) {
                cells.add(new HeaderCell(table.headers().get(column), 1, 2, column));
                column++;
            } else {
                int span = 1;
                while (column + span < groups.size() && Objects.equals(groups.get(column + span), group)) {
                    span++;
                }
                cells.add(new HeaderCell(group, span, 1, -1));
                column += span;
            }
        }
        return cells;
    }

    /** The header's second row: the leaf headers of the grouped columns. */
    public List<HeaderCell> leafRow() {
        List<HeaderCell> cells = new ArrayList<>();
        for (int column = 0; column < groups.size(); column++) {
            if (groups.get(column) != null) {
                cells.add(new HeaderCell(table.headers().get(column), 1, 1, column));
            }
        }
        return cells;
    }

    /**
     * A cell of the header.
     *
     * @param text    what it says
     * @param colspan columns it spans
     * @param rowspan rows it spans
     * @param column  the column whose leaf header it is, or -1 for a group
     */
    public record HeaderCell(String text, int colspan, int rowspan, int column) {
    }
}
