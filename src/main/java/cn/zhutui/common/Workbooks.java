package cn.zhutui.common;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The one way the platform writes Excel: streaming workbooks (a 200,000-row export keeps 100 rows
 * in memory), the same header style everywhere, dropdowns backed by a hidden list sheet (so long
 * lists work), and a download response with a Chinese file name that every browser understands.
 */
public final class Workbooks {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Workbooks() {
    }

    public static SXSSFWorkbook streaming() {
        SXSSFWorkbook wb = new SXSSFWorkbook(100);
        wb.setCompressTempFiles(true);
        return wb;
    }

    public static CellStyle headerStyle(Workbook wb) {
        CellStyle style = wb.createCellStyle();
        Font font = wb.createFont();
        font.setBold(true);
        style.setFont(font);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setBorderBottom(BorderStyle.THIN);
        style.setWrapText(true);
        return style;
    }

    /**
     * How wide a text is in Excel's character units: a Chinese character takes two, a Latin one
     * about one. Column widths fitted with it never cut a Chinese name.
     */
    public static int width(String text) {
        if (text == null) {
            return 0;
        }
        double w = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            w += Character.UnicodeScript.of(ch) == Character.UnicodeScript.HAN || ch >= '\u3000' && ch <= '\uffef' ? 2.1 : 1.1;
        }
        return (int) Math.ceil(w);
    }

    /** A header row; each column as wide as its title (at least 10 characters). */
    public static Row header(Sheet sheet, int rowIndex, List<String> titles, CellStyle style) {
        Row row = sheet.createRow(rowIndex);
        for (int i = 0; i < titles.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(titles.get(i));
            cell.setCellStyle(style);
            sheet.setColumnWidth(i, Math.min(60, Math.max(10, width(titles.get(i)) + 2)) * 256);
        }
        return row;
    }

    /** Writes text, numbers as numbers, nulls as empty cells. */
    public static void cells(Row row, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else {
                cell.setCellValue(v.toString());
            }
        }
    }

    /**
     * A dropdown on a column range. Its choices live on a hidden sheet of their own, named after
     * the list (written top to bottom once, as a streaming workbook requires) and shared by every
     * sheet that offers the same list.
     *
     * @param list a name for the list, letters and digits: "members", "sector"
     */
    public static void dropdown(Workbook wb, Sheet sheet, int column, int firstRow, int lastRow, String list, List<String> choices) {
        listValidation(wb, sheet, column, firstRow, lastRow, list, choices, true);
    }

    /**
     * The same list offered as suggestions: a cell may also hold other text (several choices
     * joined by 、, a note), which the import reads and checks itself.
     */
    public static void suggestions(Workbook wb, Sheet sheet, int column, int firstRow, int lastRow, String list, List<String> choices) {
        listValidation(wb, sheet, column, firstRow, lastRow, list, choices, false);
    }

    private static void listValidation(Workbook wb, Sheet sheet, int column, int firstRow, int lastRow, String list,
                                       List<String> choices, boolean refuseOthers) {
        if (choices.isEmpty()) {
            return;
        }
        String name = "list_" + list;
        if (wb.getName(name) == null) {
            Sheet lists = wb.createSheet("_" + list);
            wb.setSheetHidden(wb.getSheetIndex(lists), true);
            for (int i = 0; i < choices.size(); i++) {
                lists.createRow(i).createCell(0).setCellValue(choices.get(i));
            }
            Name range = wb.createName();
            range.setNameName(name);
            range.setRefersToFormula("'_" + list + "'!$A$1:$A$" + choices.size());
        }
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(helper.createFormulaListConstraint(name),
                new CellRangeAddressList(firstRow, Math.min(lastRow, SpreadsheetVersion.EXCEL2007.getLastRowIndex()), column, column));
        validation.setShowErrorBox(refuseOthers);
        sheet.addValidationData(validation);
    }

    /** A template's guide sheet: one line of instructions per row, in a column wide enough to read them. */
    public static Sheet guide(Workbook wb, String name, List<String> lines) {
        Sheet guide = wb.createSheet(name);
        for (int i = 0; i < lines.size(); i++) {
            guide.createRow(i).createCell(0).setCellValue(lines.get(i));
        }
        guide.setColumnWidth(0, 120 * 256);
        return guide;
    }

    /** Sends a workbook as a download and frees its temporary files. */
    public static void send(HttpServletResponse response, Workbook wb, String filename) throws IOException {
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", attachment(filename));
        try (OutputStream out = response.getOutputStream()) {
            wb.write(out);
        } finally {
            if (wb instanceof SXSSFWorkbook s) {
                s.close();
            }
            wb.close();
        }
    }

    /** RFC 6266 with an ASCII fallback, so 委员名册.xlsx keeps its name in every browser. */
    public static String attachment(String filename) {
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        String ascii = filename.replaceAll("[^A-Za-z0-9._-]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
