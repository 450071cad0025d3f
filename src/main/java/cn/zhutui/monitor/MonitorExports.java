package cn.zhutui.monitor;

import cn.zhutui.audit.AuditService;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.Permission;
import cn.zhutui.common.Workbooks;
import cn.zhutui.household.HouseholdService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The filtered case list as .xlsx, streamed, within the user's scope. The head's ID number is
 * masked unless the role may see personal data ({@link Permission#PII_VIEW}) and asks for it in
 * clear; every export is in the audit log with its row count, its filters and whether it was unmasked.
 */
@Service
public class MonitorExports {

    private final MonitorService cases;
    private final HouseholdService households;
    private final AuditService audit;
    private final MessageSource messages;
    private final int maxRows;

    MonitorExports(MonitorService cases, HouseholdService households, AuditService audit, MessageSource messages,
                   @Value("${zhutui.export.max-rows:200000}") int maxRows) {
        this.cases = cases;
        this.households = households;
        this.audit = audit;
        this.messages = messages;
        this.maxRows = maxRows;
    }

    public Workbook cases(DataScope scope, CaseQuery q, boolean unmasked, Locale locale) {
        if (unmasked) {
            scope.require(Permission.PII_VIEW);
        }
        if (cases.count(scope, q) > maxRows) {
            throw new BusinessException("export.tooMany", String.format("%,d", maxRows));
        }
        SXSSFWorkbook wb = Workbooks.streaming();
        Sheet sheet = wb.createSheet(msg("monitor.cases", locale));
        List<String> titles = new ArrayList<>();
        for (String k : List.of("monitor.export.id", "monitor.headName", "monitor.idNumber", "monitor.place", "monitor.kind", "monitor.reason.main",
                "monitor.reason", "monitor.persons", "monitor.stage", "monitor.firstClueOn", "monitor.deadline", "monitor.group.overdue",
                "monitor.export.includedOn", "monitor.export.eliminatedOn")) {
            titles.add(msg(k, locale));
        }
        Workbooks.header(sheet, 0, titles, Workbooks.headerStyle(wb));
        sheet.createFreezePane(0, 1);
        int[] n = {1};
        List<MonitorCase> batch = new ArrayList<>();
        cases.forEach(scope, q, c -> {
            batch.add(c);
            if (batch.size() == 500) {
                write(scope, sheet, batch, unmasked, n, locale);
                batch.clear();
            }
        });
        write(scope, sheet, batch, unmasked, n, locale);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("rows", n[0] - 1);
        after.put("unmasked", unmasked);
        after.put("query", String.valueOf(q));
        audit.record(scope, "EXPORT", "monitor_case", null, (n[0] - 1) + " rows", null, after);
        return wb;
    }

    private void write(DataScope scope, Sheet sheet, List<MonitorCase> batch, boolean unmasked, int[] n, Locale locale) {
        if (batch.isEmpty()) {
            return;
        }
        Map<Long, String> ids = households.headIdNumbers(scope, batch.stream().map(MonitorCase::householdId).toList(), unmasked);
        Map<String, String> places = cases.placeNames(batch);
        for (MonitorCase c : batch) {
            CaseClock clock = cases.clock(c);
            Workbooks.cells(sheet.createRow(n[0]++), Arrays.asList(c.id(), c.headName(), ids.get(c.householdId()), places.get(c.regionCode()),
                    c.kind() == null ? null : msg("monitor.kind." + c.kind(), locale), msg("monitor.reason." + c.mainReason(), locale),
                    c.reasons().stream().map(r -> msg("monitor.reason." + r, locale)).collect(Collectors.joining("、")), c.persons(),
                    msg("monitor.stage." + c.stage(), locale), c.firstClueOn().toString(), c.deadline().toString(),
                    clock.overdue() ? msg("common.yes", locale) : null, c.includedOn() == null ? null : c.includedOn().toString(),
                    c.eliminatedOn() == null ? null : c.eliminatedOn().toString()));
        }
    }

    /**
     * The figures as the monthly circular's table (.xlsx): a title with the region and period, the
     * day the stock is counted on, the two header rows of the page, a line per region and the
     * total; landscape, one page wide, so it prints and converts as it is.
     */
    public Workbook figures(DataScope scope, MonitorFigures.Figures f, Locale locale) {
        scope.require(Permission.MONITOR_VIEW);
        org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
        Sheet sheet = wb.createSheet(msg("monitor.figures", locale));
        org.apache.poi.ss.usermodel.CellStyle head = Workbooks.headerStyle(wb);
        head.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.CENTER);
        head.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.CENTER);
        org.apache.poi.ss.usermodel.CellStyle title = wb.createCellStyle();
        org.apache.poi.ss.usermodel.Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        title.setFont(big);
        title.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.CENTER);
        String period = f.period().label(locale);
        String region = f.regionName().isEmpty() ? msg("monitor.figures.allRegions", locale) : f.regionName();
        int columns = 15;
        org.apache.poi.ss.usermodel.Cell t = sheet.createRow(0).createCell(0);
        t.setCellValue(messages.getMessage("monitor.figures.export.title", new Object[] {region, period}, locale));
        t.setCellStyle(title);
        sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 0, columns - 1));
        sheet.createRow(1).createCell(0).setCellValue(messages.getMessage("monitor.figures.export.asOf",
                new Object[] {cases.today().toString()}, locale));
        sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(1, 1, 0, columns - 1));
        String hh = msg("monitor.figures.households", locale);
        String pp = msg("monitor.figures.persons", locale);
        List<String> top = Arrays.asList(msg("monitor.region", locale), msg("monitor.figures.included", locale), null,
                msg("monitor.figures.eliminated", locale), null, msg("monitor.figures.rate", locale), msg("monitor.figures.notEliminated", locale), null,
                msg("monitor.figures.identifying", locale), msg("monitor.figures.overdue", locale), msg("monitor.figures.cleared", locale),
                messages.getMessage("monitor.figures.inPeriod", new Object[] {period}, locale), null, null, null);
        List<String> second = Arrays.asList(null, hh, pp, hh, pp, null, hh, pp, null, null, null, msg("monitor.figures.clues", locale),
                msg("monitor.figures.newlyIncluded", locale), msg("monitor.figures.decidedLate", locale), msg("monitor.figures.newlyEliminated", locale));
        for (int r = 0; r < 2; r++) {
            org.apache.poi.ss.usermodel.Row row = sheet.createRow(2 + r);
            List<String> texts = r == 0 ? top : second;
            for (int c = 0; c < columns; c++) {
                org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
                cell.setCellStyle(head);
                if (texts.get(c) != null) {
                    cell.setCellValue(texts.get(c));
                }
            }
        }
        for (int c : new int[] {0, 5, 8, 9, 10}) {
            sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(2, 3, c, c));
        }
        for (int c : new int[] {1, 3, 6}) {
            sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(2, 2, c, c + 1));
        }
        sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(2, 2, 11, 14));
        int n = 4;
        List<MonitorFigures.Line> lines = new ArrayList<>(f.lines());
        lines.add(f.total());
        for (MonitorFigures.Line l : lines) {
            String name = l.key() == null ? msg("monitor.figures.total", locale) : l.name();
            Workbooks.cells(sheet.createRow(n++), Arrays.asList(name, l.included(), l.includedPersons(), l.eliminated(), l.eliminatedPersons(),
                    l.rate() == null ? null : l.rate() + "%", l.notEliminated(), l.notEliminatedPersons(), l.identifying(), l.overdue(),
                    l.cleared() ? "✓" : "✗", l.cluesInPeriod(), l.includedInPeriod(), l.decidedLateInPeriod(), l.eliminatedInPeriod()));
        }
        sheet.setColumnWidth(0, 16 * 256);
        for (int c = 1; c < columns; c++) {
            sheet.setColumnWidth(c, 9 * 256);
        }
        sheet.createFreezePane(1, 4);
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setRepeatingRows(new org.apache.poi.ss.util.CellRangeAddress(2, 3, -1, -1));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("region", f.regionCode());
        after.put("period", f.period().id());
        audit.record(scope, "EXPORT", "monitor_figures", null, region + " " + period, null, after);
        return wb;
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
