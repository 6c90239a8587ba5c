package cn.gov.lvliang.ledger.query.export;

import cn.gov.lvliang.ledger.query.web.Cell;
import cn.gov.lvliang.ledger.query.web.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes one of the campaign's statistics tables (附件2–4) as an xlsx workbook the way it is printed: a two-row
 * header (the column groups above, merged across their columns; a column without a group spans both rows), then
 * exactly the page's rows, the totals (合计) last, each value typed with the format that shows the page's text; a
 * second sheet says what the table is, for which county and period, and carries the table's notes.
 */
final class FundraisingXlsxTables {

    /** Rows of the header above the data. */
    static final int HEADER_ROWS = 2;

    private FundraisingXlsxTables() {
    }

    static byte[] write(Table table, List<String> groups, List<String[]> about, String aboutTitle) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.title()));
            CellStyle headerStyle = headerStyle(workbook);
            Row groupRow = sheet.createRow(0);
            Row leafRow = sheet.createRow(1);
            int columns = table.headers().size();
            int column = 0;
            while (column < columns) {
                String group = groups.get(column);
                if (group == null) {
                    header(groupRow, column, table.headers().get(column), headerStyle);
                    header(leafRow, column, null, headerStyle);
                    sheet.addMergedRegion(new CellRangeAddress(0, 1, column, column));
                    column++;
                    continue;
                }
                int span = 1;
                while (column + span < columns && Objects.equals(groups.get(column + span), group)) {
                    span++;
                }
                for (int i = 0; i < span; i++) {
                    header(groupRow, column + i, i == 0 ? group : null, headerStyle);
                    header(leafRow, column + i, table.headers().get(column + i), headerStyle);
                }
                if (span > 1) {
                    sheet.addMergedRegion(new CellRangeAddress(0, 0, column, column + span - 1));
                }
                column += span;
            }
            XlsxTables.writeRows(sheet, HEADER_ROWS, table, XlsxTables.styles(workbook));
            sheet.createFreezePane(1, HEADER_ROWS);
            for (int c = 0; c < columns; c++) {
                sheet.setColumnWidth(c, width(table, c));
            }
            XlsxTables.writeAbout(workbook, about, aboutTitle);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the workbook of " + table.id(), e);
        }
    }

    private static void header(Row row, int column, String text, CellStyle style) {
        org.apache.poi.ss.usermodel.Cell cell = row.createCell(column);
        if (text != null) {
            cell.setCellValue(text);
        }
        cell.setCellStyle(style);
    }

    /** Bold, as the plain tables' headers, wrapped and centred in their merged cells. */
    private static CellStyle headerStyle(Workbook workbook) {
        CellStyle style = XlsxTables.headerStyle(workbook);
        style.setWrapText(true);
        style.setAlignment(HorizontalAlignment.CENTER);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        return style;
    }

    /** A width from the longest value (CJK characters count double); headers wrap, so they count less. */
    private static int width(Table table, int column) {
        int longest = Math.min(12, XlsxTables.displayWidth(table.headers().get(column)));
        for (List<Cell> row : table.rows()) {
            longest = Math.max(longest, XlsxTables.displayWidth(row.get(column).text()));
        }
        return Math.min(60, longest + 2) * 256;
    }
}
