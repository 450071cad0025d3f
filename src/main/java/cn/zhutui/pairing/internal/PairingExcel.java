package cn.zhutui.pairing.internal;

import cn.zhutui.audit.AuditService;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.Workbooks;
import cn.zhutui.dict.DictService;
import cn.zhutui.pairing.FigureRow;
import cn.zhutui.pairing.PairingFigures;
import cn.zhutui.pairing.PairingQuery;
import cn.zhutui.pairing.PairingRow;
import cn.zhutui.pairing.PairingService;
import cn.zhutui.pairing.VisitPerson;
import cn.zhutui.pairing.VisitQuery;
import cn.zhutui.pairing.VisitService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Pairings, visits and figures as .xlsx through the shared streaming writer; every export is audited. */
@Component
public class PairingExcel {

    private final PairingService pairings;
    private final VisitService visits;
    private final DictService dict;
    private final AuditService audit;
    private final MessageSource messages;
    private final int maxRows;
    private final java.time.ZoneId zone;

    PairingExcel(PairingService pairings, VisitService visits, DictService dict, AuditService audit, MessageSource messages,
                 @Value("${zhutui.export.max-rows:200000}") int maxRows, java.time.Clock clock) {
        this.zone = clock.getZone();
        this.pairings = pairings;
        this.visits = visits;
        this.dict = dict;
        this.audit = audit;
        this.messages = messages;
        this.maxRows = maxRows;
    }

    public Workbook pairings(DataScope scope, PairingQuery q, Locale locale) {
        if (pairings.count(scope, q) > maxRows) {
            throw new BusinessException("export.tooMany", String.format("%,d", maxRows));
        }
        SXSSFWorkbook wb = Workbooks.streaming();
        Sheet sheet = wb.createSheet(msg("pairing.nav.pairings", locale));
        Workbooks.header(sheet, 0, List.of(msg("pairing.id", locale), msg("pairing.kind", locale), msg("pairing.helper", locale),
                msg("pairing.target", locale), msg("household.tags", locale), msg("pairing.place", locale), msg("pairing.org", locale),
                msg("pairing.startDate", locale), msg("pairing.endDate", locale), msg("pairing.endReason", locale), msg("common.status", locale),
                msg("pairing.visits.count", locale), msg("pairing.lastVisit", locale)), Workbooks.headerStyle(wb));
        sheet.createFreezePane(0, 1);
        LocalDate today = pairings.today();
        int[] n = {1};
        pairings.forEach(scope, q, r -> {
            var p = r.pairing();
            List<Object> cells = new ArrayList<>(List.of(p.id(), msg("pairing.kind." + p.kind(), locale), nz(r.helperName()), nz(r.targetName()),
                    String.join("、", r.targetTags().stream().map(t -> dict.label("household_tag", t, locale)).toList()), nz(r.regionName()),
                    nz(r.orgName()), p.startDate().toString()));
            cells.add(p.endDate() == null ? null : p.endDate().toString());
            cells.add(p.endReason());
            cells.add(msg("pairing.status." + p.status(today), locale));
            cells.add(r.visits());
            cells.add(r.lastVisit() == null ? null : r.lastVisit().toString());
            Workbooks.cells(sheet.createRow(n[0]++), cells);
        });
        audit.record(scope, "EXPORT", "pairing", null, (n[0] - 1) + " rows", null, Map.of("rows", n[0] - 1, "query", String.valueOf(q)));
        return wb;
    }

    public Workbook visits(DataScope scope, VisitQuery q, Locale locale) {
        if (visits.count(scope, q) > maxRows) {
            throw new BusinessException("export.tooMany", String.format("%,d", maxRows));
        }
        SXSSFWorkbook wb = Workbooks.streaming();
        Sheet sheet = wb.createSheet(msg("pairing.nav.visits", locale));
        Workbooks.header(sheet, 0, List.of(msg("pairing.id", locale), msg("pairing.visit.date", locale), msg("pairing.kind", locale),
                msg("pairing.helper", locale), msg("pairing.target", locale), msg("pairing.place", locale), msg("pairing.visit.people", locale),
                msg("pairing.visit.problemsFound", locale), msg("pairing.visit.problemsSolved", locale), msg("pairing.visit.funds", locale),
                msg("pairing.visit.projects", locale), msg("pairing.visit.notes", locale), msg("pairing.visit.photos", locale),
                msg("pairing.visit.ledgerEntry", locale), msg("pairing.visit.recordedAt", locale), msg("pairing.visit.source", locale)),
                Workbooks.headerStyle(wb));
        sheet.createFreezePane(0, 1);
        int[] n = {1};
        visits.forEach(scope, q, v -> {
            PairingRow r = v.pairing();
            List<Object> cells = new ArrayList<>();
            cells.add(v.visit().id());
            cells.add(v.visit().visitDate().toString());
            cells.add(msg("pairing.kind." + r.pairing().kind(), locale));
            cells.add(nz(r.helperName()));
            cells.add(nz(r.targetName()));
            cells.add(nz(r.regionName()));
            cells.add(String.join("、", v.people().stream().map(VisitPerson::name).toList()));
            cells.add((long) v.visit().problemsFound());
            cells.add((long) v.visit().problemsSolved());
            cells.add(v.visit().funds());
            cells.add((long) v.visit().projects());
            cells.add(v.visit().notes());
            cells.add((long) v.photos().size());
            cells.add(v.visit().ledgerEntryId());
            cells.add(v.visit().recordedAt() == null ? null : v.visit().recordedAt().atZoneSameInstant(zone)
                    .toLocalDateTime().withNano(0).toString().replace('T', ' '));
            cells.add(msg("pairing.source." + v.visit().source(), locale));
            Workbooks.cells(sheet.createRow(n[0]++), cells);
        });
        audit.record(scope, "EXPORT", "pairing_visit", null, (n[0] - 1) + " rows", null, Map.of("rows", n[0] - 1, "query", String.valueOf(q)));
        return wb;
    }

    public Workbook figures(DataScope scope, PairingFigures f, String title, Locale locale) {
        SXSSFWorkbook wb = Workbooks.streaming();
        Sheet sheet = wb.createSheet(msg("pairing.nav.pairingFigures", locale));
        sheet.createRow(0).createCell(0).setCellValue(title);
        Workbooks.header(sheet, 1, List.of(msg("pairing.figures.group." + f.groupBy(), locale), msg("pairing.figures.pairings", locale),
                msg("pairing.figures.households", locale), msg("pairing.figures.visits", locale), msg("pairing.visit.problemsFound", locale),
                msg("pairing.visit.problemsSolved", locale), msg("pairing.visit.funds", locale), msg("pairing.visit.projects", locale)),
                Workbooks.headerStyle(wb));
        int n = 2;
        for (FigureRow r : f.rows()) {
            Workbooks.cells(sheet.createRow(n++), List.of(label(r, f.groupBy(), locale), r.pairings(), r.households(), r.visits(), r.problemsFound(),
                    r.problemsSolved(), r.funds(), r.projects()));
        }
        FigureRow t = f.total();
        Workbooks.cells(sheet.createRow(n), List.of(msg("pairing.figures.total", locale), t.pairings(), t.households(), t.visits(), t.problemsFound(),
                t.problemsSolved(), t.funds(), t.projects()));
        audit.record(scope, "EXPORT", "pairing_figures", f.orgId(), title, null, Map.of("period", f.periodId(), "group", f.groupBy()));
        return wb;
    }

    private String label(FigureRow r, String group, Locale locale) {
        if ("kind".equals(group)) {
            return msg("pairing.kind." + r.key(), locale);
        }
        return r.label();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
