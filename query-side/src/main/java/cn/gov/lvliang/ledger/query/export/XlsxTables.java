package cn.gov.lvliang.ledger.query.export;

import cn.gov.lvliang.ledger.query.web.Cell;
import cn.gov.lvliang.ledger.query.web.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a {@link Table} as an xlsx workbook: the first sheet holds the headers and exactly the page's rows, each
 * value typed (numbers, percentages, dates) with the format that shows the page's text; a second sheet says what
 * the table is and which filters made it.
 */
final class XlsxTables {

    private XlsxTables() {
    }

    /**
     * The workbook's bytes.
     *
     * @param table   the table
     * @param about   lines for the second sheet: label and value pairs
     * @param aboutTitle the second sheet's name
     */
    static byte[] write(Table table, List<String[]> about, String aboutTitle) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.title()));
            CellStyle headerStyle = headerStyle(workbook);
            Row header = sheet.createRow(0);
            for (int column = 0; column < table.headers().size(); column++) {
                org.apache.poi.ss.usermodel.Cell cell = header.createCell(column);
                cell.setCellValue(table.headers().get(column));
                cell.setCellStyle(headerStyle);
            }
            writeRows(sheet, 1, table, styles(workbook));
            sheet.createFreezePane(0, 1);
            for (int column = 0; column < table.headers().size(); column++) {
                // autoSizeColumn measures with AWT fonts, which a headless server may lack; a width from the
                // longest text is enough (CJK characters count double).
                sheet.setColumnWidth(column, width(table, column));
            }
            writeAbout(workbook, about, aboutTitle);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the workbook of " + table.id(), e);
        }
    }

    /** The table's rows from {@code firstRow} on, each value typed and formatted as its kind says. */
    static void writeRows(Sheet sheet, int firstRow, Table table, Map<Cell.Kind, CellStyle> styles) {
        int rowIndex = firstRow;
        for (List<Cell> cells : table.rows()) {
            Row row = sheet.createRow(rowIndex++);
            for (int column = 0; column < cells.size(); column++) {
                write(row.createCell(column), cells.get(column), styles);
            }
        }
    }

    /** The sheet that says what the table is: a label and a value a row. */
    static void writeAbout(Workbook workbook, List<String[]> about, String aboutTitle) {
        Sheet aboutSheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(aboutTitle));
        for (int i = 0; i < about.size(); i++) {
            Row row = aboutSheet.createRow(i);
            row.createCell(0).setCellValue(about.get(i)[0]);
            row.createCell(1).setCellValue(about.get(i)[1]);
        }
        aboutSheet.setColumnWidth(0, 20 * 256);
        aboutSheet.setColumnWidth(1, 100 * 256);
    }

    private static void write(org.apache.poi.ss.usermodel.Cell target, Cell cell, Map<Cell.Kind, CellStyle> styles) {
        Object value = cell.value();
        if (value == null) {
            target.setBlank();
            return;
        }
        switch (cell.kind()) {
            case TEXT, IDENTIFIER, UNBROKEN, NO_FIGURE -> target.setCellValue((String) value);
            case COUNT -> target.setCellValue(((Long) value).doubleValue());
            case PERCENT, DECIMAL_1, DECIMAL_2 -> target.setCellValue((Double) value);
            // Excel holds every number as a double: its 15 significant digits keep any amount below 10¹³ yuan exact
            // to the fen.
            case AMOUNT -> target.setCellValue(((BigDecimal) value).doubleValue());
            case DATE -> target.setCellValue((LocalDate) value);
            case DATE_TIME -> target.setCellValue((LocalDateTime) value);
        }
        CellStyle style = styles.get(cell.kind());
        if (style != null) {
            target.setCellStyle(style);
        }
    }

    /** A cell style for each kind of value that has a number format. */
    static Map<Cell.Kind, CellStyle> styles(Workbook workbook) {
        Map<Cell.Kind, CellStyle> styles = new EnumMap<>(Cell.Kind.class);
        for (Cell.Kind kind : Cell.Kind.values()) {
            if (kind.excelFormat() != null) {
                CellStyle style = workbook.createCellStyle();
                style.setDataFormat(workbook.createDataFormat().getFormat(kind.excelFormat()));
                styles.put(kind, style);
            }
        }
        return styles;
    }

    /** The headers' style: bold. */
    static CellStyle headerStyle(Workbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        return style;
    }

    private static int width(Table table, int column) {
        int longest = displayWidth(table.headers().get(column));
        for (List<Cell> row : table.rows()) {
            longest = Math.max(longest, displayWidth(row.get(column).text()));
        }
        return Math.min(80, longest + 2) * 256;
    }

    /** How many columns of a fixed-width font a text takes: CJK characters count double. */
    static int displayWidth(String text) {
        return text.codePoints().map(c -> c < 0x2E80 ? 1 : 2).sum();
    }
}
