package cn.zhutui.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The statistics table as a government table in Excel: a title, the reporting unit and period,
 * the unit of the figures, two header rows (合计, then 其中 over the units), focus areas and task
 * types merged down their rows, the summary rows at the end, borders, landscape A4.
 */
@Component
class ReportExcel {

    private final MessageSource messages;

    ReportExcel(MessageSource messages) {
        this.messages = messages;
    }

    Workbook write(StatisticsTable t, Locale locale) {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet sheet = wb.createSheet(msg("report.sheet", locale));
        Styles st = new Styles(wb);
        int units = t.columns().size();
        // 助推方向 实事 指标 单位 合计 [units…] 目标 完成率 同比 环比
        int firstUnit = 5;
        int targetCol = firstUnit + units;
        int lastCol = targetCol + 3;

        Row title = sheet.createRow(0);
        title.setHeightInPoints(30);
        cell(title, 0, t.campaignName() + msg("report.tableTitle", locale), st.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, lastCol));
        Row sub = sheet.createRow(1);
        String filter = t.filterLabel().isEmpty() ? "" : "    " + t.filterLabel();
        cell(sub, 0, msg("report.unitLabel", locale) + t.orgName() + "    " + msg("report.periodLabel", locale) + t.periodLabel() + filter, st.plain);
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, lastCol - 2));
        cell(sub, lastCol - 1, msg("report.figuresAsRecorded", locale), st.plainRight);
        sheet.addMergedRegion(new CellRangeAddress(1, 1, lastCol - 1, lastCol));

        Row h1 = sheet.createRow(2);
        Row h2 = sheet.createRow(3);
        String[] fixed = {msg("report.focusArea", locale), msg("report.taskType", locale), msg("report.indicator", locale),
                msg("report.unit", locale), msg("report.total", locale)};
        for (int i = 0; i < fixed.length; i++) {
            cell(h1, i, fixed[i], st.header);
            cell(h2, i, "", st.header);
            sheet.addMergedRegion(new CellRangeAddress(2, 3, i, i));
        }
        if (units > 0) {
            cell(h1, firstUnit, msg("report.ofWhich", locale), st.header);
            for (int c = 0; c < units; c++) {
                if (c > 0) {
                    cell(h1, firstUnit + c, "", st.header);
                }
                cell(h2, firstUnit + c, t.columns().get(c).name(), st.header);
            }
            if (units > 1) {
                sheet.addMergedRegion(new CellRangeAddress(2, 2, firstUnit, firstUnit + units - 1));
            }
        }
        String[] tail = {msg("report.target", locale), msg("report.completion", locale), msg("report.yoy", locale), msg("report.mom", locale)};
        for (int i = 0; i < tail.length; i++) {
            cell(h1, targetCol + i, tail[i], st.header);
            cell(h2, targetCol + i, "", st.header);
            sheet.addMergedRegion(new CellRangeAddress(2, 3, targetCol + i, targetCol + i));
        }

        int r = 4;
        int areaStart = r;
        int typeStart = r;
        List<StatisticsTable.Row> all = new ArrayList<>(t.rows());
        for (int i = 0; i < all.size(); i++) {
            StatisticsTable.Row row = all.get(i);
            Row x = sheet.createRow(r);
            cell(x, 0, row.focusArea(), st.text);
            cell(x, 1, row.taskType(), st.text);
            cell(x, 2, row.name() + (row.retired() ? msg("report.retiredMark", locale) : ""), st.text);
            cell(x, 3, row.unit(), st.center);
            number(x, 4, row.total(), st.totalNumber);
            for (int c = 0; c < units; c++) {
                number(x, firstUnit + c, row.value(t.columns().get(c).orgId()), st.number);
            }
            number(x, targetCol, row.target(), st.number);
            percent(x, targetCol + 1, row.completion(), st);
            percent(x, targetCol + 2, row.yearOnYear(), st);
            percent(x, targetCol + 3, row.periodOnPeriod(), st);
            boolean lastOfType = i == all.size() - 1 || !all.get(i + 1).taskType().equals(row.taskType());
            boolean lastOfArea = i == all.size() - 1 || !all.get(i + 1).focusArea().equals(row.focusArea());
            if (lastOfType) {
                merge(sheet, typeStart, r, 1);
                typeStart = r + 1;
            }
            if (lastOfArea) {
                merge(sheet, areaStart, r, 0);
                areaStart = r + 1;
            }
            r++;
        }
        int summaryStart = r;
        for (StatisticsTable.Row row : t.summary()) {
            Row x = sheet.createRow(r);
            cell(x, 0, msg("report.summaryHeading", locale), st.text);
            cell(x, 1, "", st.text);
            cell(x, 2, row.name(), st.bold);
            cell(x, 3, row.unit(), st.center);
            number(x, 4, row.total(), st.totalNumber);
            for (int c = 0; c < units; c++) {
                number(x, firstUnit + c, row.value(t.columns().get(c).orgId()), st.number);
            }
            for (int c = targetCol; c <= lastCol; c++) {
                cell(x, c, "", st.text);
            }
            percent(x, targetCol + 2, row.yearOnYear(), st);
            percent(x, targetCol + 3, row.periodOnPeriod(), st);
            r++;
        }
        if (r > summaryStart) {
            sheet.addMergedRegion(new CellRangeAddress(summaryStart, r - 1, 0, 1));
        }
        Row note = sheet.createRow(r + 1);
        cell(note, 0, msg(t.includeSubmitted() ? "report.noteSubmitted" : "report.noteApproved", locale), st.plain);
        sheet.addMergedRegion(new CellRangeAddress(r + 1, r + 1, 0, lastCol));

        sheet.setColumnWidth(0, 14 * 256);
        sheet.setColumnWidth(1, 16 * 256);
        sheet.setColumnWidth(2, 20 * 256);
        sheet.setColumnWidth(3, 6 * 256);
        for (int c = 4; c <= lastCol; c++) {
            sheet.setColumnWidth(c, 12 * 256);
        }
        sheet.createFreezePane(4, 4);
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setRepeatingRows(new CellRangeAddress(2, 3, -1, -1));
        return wb;
    }

    private static void merge(Sheet sheet, int from, int to, int col) {
        if (to > from) {
            sheet.addMergedRegion(new CellRangeAddress(from, to, col, col));
        }
    }

    private static void cell(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value == null ? "" : value);
        c.setCellStyle(style);
    }

    private static void number(Row row, int col, BigDecimal value, CellStyle style) {
        Cell c = row.createCell(col);
        if (value != null) {
            c.setCellValue(value.doubleValue());
        }
        c.setCellStyle(style);
    }

    private static void percent(Row row, int col, BigDecimal value, Styles st) {
        Cell c = row.createCell(col);
        if (value != null) {
            c.setCellValue(value.doubleValue() / 100);
        }
        c.setCellStyle(st.percent);
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** The few cell styles of the table (a workbook allows a limited number: make them once). */
    private static final class Styles {
        final CellStyle title;
        final CellStyle plain;
        final CellStyle plainRight;
        final CellStyle header;
        final CellStyle text;
        final CellStyle bold;
        final CellStyle center;
        final CellStyle number;
        final CellStyle totalNumber;
        final CellStyle percent;

        Styles(Workbook wb) {
            Font titleFont = wb.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 16);
            title = wb.createCellStyle();
            title.setFont(titleFont);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            plain = wb.createCellStyle();
            plainRight = wb.createCellStyle();
            plainRight.setAlignment(HorizontalAlignment.RIGHT);
            Font boldFont = wb.createFont();
            boldFont.setBold(true);
            header = bordered(wb);
            header.setFont(boldFont);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setWrapText(true);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            text = bordered(wb);
            text.setVerticalAlignment(VerticalAlignment.CENTER);
            text.setWrapText(true);
            bold = bordered(wb);
            bold.setFont(boldFont);
            center = bordered(wb);
            center.setAlignment(HorizontalAlignment.CENTER);
            number = bordered(wb);
            number.setDataFormat(wb.createDataFormat().getFormat("#,##0.####;-#,##0.####;0"));
            totalNumber = bordered(wb);
            totalNumber.setDataFormat(number.getDataFormat());
            totalNumber.setFont(boldFont);
            percent = bordered(wb);
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
        }

        private static CellStyle bordered(Workbook wb) {
            CellStyle s = wb.createCellStyle();
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }
    }
}
