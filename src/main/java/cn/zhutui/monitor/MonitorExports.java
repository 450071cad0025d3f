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

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
