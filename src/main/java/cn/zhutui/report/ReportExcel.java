package cn.zhutui.report;

import cn.zhutui.common.Numbers;
import cn.zhutui.common.Workbooks;
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
    private final java.time.Clock clock;

    ReportExcel(MessageSource messages, java.time.Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    Workbook write(StatisticsTable t, Locale locale) {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet sheet = wb.createSheet(msg("report.sheet", locale));
        Styles st = new Styles(wb);
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        boolean targets = t.hasTargets();
        int units = t.columns().size();
        // 助推方向 实事 指标 单位 合计 [目标 完成率] 同比 环比 [其中: units…] — the order of the page
        List<String> after = new ArrayList<>();
        if (targets) {
            after.add(msg("report.target", locale));
            after.add(msg("report.completion", locale));
        }
        after.add(msg("report.yoy", locale));
        after.add(msg("report.mom", locale));
        int firstAfter = 5;
        int firstUnit = firstAfter + after.size();
        int lastCol = firstUnit + units - 1;

        Row title = sheet.createRow(0);
        title.setHeightInPoints(30);
        cell(title, 0, t.campaignName() + msg("report.tableTitle", locale), st.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, lastCol));
        Row sub = sheet.createRow(1);
        String filter = t.filterLabel().isEmpty() ? "" : "    " + t.filterLabel();
        cell(sub, 0, msg("report.unitLabel", locale) + t.orgName() + "    " + msg("report.periodLabel", locale) + t.periodLabel() + filter, st.plain);
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, Math.max(4, lastCol - 2)));
        // the day the table was made, stored as a date
        cell(sub, Math.max(5, lastCol - 1), msg("report.madeOn", locale), st.plainRight);
        Cell made = sub.createCell(Math.max(6, lastCol));
        made.setCellValue(today);
        made.setCellStyle(st.date);

        Row h1 = sheet.createRow(2);
        Row h2 = sheet.createRow(3);
        h2.setHeightInPoints(units > 0 ? 30 : 15);
        List<String> fixed = new ArrayList<>(List.of(msg("report.focusArea", locale), msg("report.taskType", locale),
                msg("report.indicator", locale), msg("report.unit", locale), msg("report.total", locale)));
        fixed.addAll(after);
        for (int i = 0; i < fixed.size(); i++) {
            cell(h1, i, fixed.get(i), st.header);
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
                sheet.addMergedRegion(new CellRangeAddress(2, 2, firstUnit, lastCol));
            }
        }

        Widths widths = new Widths(lastCol + 1);
        for (int i = 0; i < fixed.size(); i++) {
            widths.fit(i, fixed.get(i));
        }
        for (int c = 0; c < units; c++) {
            widths.fitWrapped(firstUnit + c, t.columns().get(c).name());
        }
        int r = 4;
        int areaStart = r;
        int typeStart = r;
        List<StatisticsTable.Row> all = new ArrayList<>(t.rows());
        for (int i = 0; i < all.size(); i++) {
            StatisticsTable.Row row = all.get(i);
            Row x = sheet.createRow(r);
            String name = row.name() + (row.retired() ? msg("report.retiredMark", locale) : "");
            cell(x, 0, row.focusArea(), st.text);
            cell(x, 1, row.taskType(), st.text);
            cell(x, 2, name, st.text);
            cell(x, 3, row.unit(), st.center);
            widths.fitWrapped(0, row.focusArea());
            widths.fit(1, row.taskType());
            widths.fit(2, name);
            widths.fit(3, row.unit());
            figures(x, row, t, firstAfter, firstUnit, targets, st, widths);
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
            widths.fit(2, row.name());
            figures(x, row, t, firstAfter, firstUnit, targets, st, widths);
            r++;
        }
        if (r > summaryStart) {
            sheet.addMergedRegion(new CellRangeAddress(summaryStart, r - 1, 0, 1));
        }
        Row note = sheet.createRow(r + 1);
        cell(note, 0, msg(t.includeSubmitted() ? "report.noteSubmitted" : "report.noteApproved", locale), st.plain);
        sheet.addMergedRegion(new CellRangeAddress(r + 1, r + 1, 0, lastCol));

        widths.apply(sheet);
        sheet.createFreezePane(4, 4);
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setHorizontallyCenter(true);
        // the title and the two header rows on every printed page
        sheet.setRepeatingRows(new CellRangeAddress(0, 3, -1, -1));
        sheet.getFooter().setCenter("第 &P 页，共 &N 页");
        return wb;
    }

    /** A row's figures: the total, targets and completion when there are targets, the comparisons, each unit. */
    private static void figures(Row x, StatisticsTable.Row row, StatisticsTable t, int firstAfter, int firstUnit, boolean targets,
                                Styles st, Widths widths) {
        number(x, 4, row.total(), st.number(row.places(), true));
        widths.fit(4, row.format(row.total()));
        int c = firstAfter;
        if (targets) {
            number(x, c, row.target(), st.number(row.places(), false));
            widths.fit(c++, row.format(row.target()));
            percent(x, c++, row.completion(), st);
        }
        percent(x, c++, row.yearOnYear(), st);
        percent(x, c, row.periodOnPeriod(), st);
        for (int u = 0; u < t.columns().size(); u++) {
            BigDecimal v = row.value(t.columns().get(u).orgId());
            number(x, firstUnit + u, v, st.number(row.places(), false));
            widths.fit(firstUnit + u, row.format(v));
        }
    }

    /** Column widths fitted to their longest text (Chinese counted double), within bounds. */
    private static final class Widths {
        private final int[] chars;

        Widths(int columns) {
            chars = new int[columns];
            java.util.Arrays.fill(chars, 6);
        }

        void fit(int col, String text) {
            chars[col] = Math.max(chars[col], Math.min(40, Workbooks.width(text) + 2));
        }

        /** A long unit or area name wraps into two lines rather than widening the whole column; a short one stays whole. */
        void fitWrapped(int col, String text) {
            if (text == null) {
                return;
            }
            int n = text.length();
            int perLine = n <= 4 ? n : (n + 1) / 2;
            chars[col] = Math.max(chars[col], Math.min(40, Workbooks.width(text.substring(0, perLine)) + 3));
        }

        void apply(Sheet sheet) {
            for (int c = 0; c < chars.length; c++) {
                sheet.setColumnWidth(c, chars[c] * 256);
            }
        }
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
        final CellStyle percent;
        final CellStyle date;
        private final java.util.Map<String, CellStyle> numbers = new java.util.HashMap<>();
        private final Workbook wb;
        private final Font boldFont;

        /** The number style of a row's decimal places; bold for the total column. */
        CellStyle number(int places, boolean total) {
            return numbers.computeIfAbsent(places + "/" + total, k -> {
                CellStyle s = bordered(wb);
                s.setDataFormat(wb.createDataFormat().getFormat(Numbers.excelFormat(places)));
                if (total) {
                    s.setFont(boldFont);
                }
                return s;
            });
        }

        Styles(Workbook wb) {
            this.wb = wb;
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
            boldFont = wb.createFont();
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
            date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            date.setAlignment(HorizontalAlignment.LEFT);
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
