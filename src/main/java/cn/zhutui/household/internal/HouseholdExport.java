package cn.zhutui.household.internal;

import cn.zhutui.audit.AuditService;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.Workbooks;
import cn.zhutui.dict.DictService;
import cn.zhutui.household.HouseholdQuery;
import cn.zhutui.household.HouseholdService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Any filtered household list as .xlsx, streamed: the head's ID number and the phone masked, or —
 * for the roles that need them, asked for explicitly — in clear. Every export is in the audit log,
 * an unmasked one also as a view of personal data.
 */
@Component
public class HouseholdExport {

    private final HouseholdService households;
    private final DictService dict;
    private final AuditService audit;
    private final int maxRows;

    HouseholdExport(HouseholdService households, DictService dict, AuditService audit, @Value("${zhutui.export.max-rows:200000}") int maxRows) {
        this.households = households;
        this.dict = dict;
        this.audit = audit;
        this.maxRows = maxRows;
    }

    public Workbook export(DataScope scope, HouseholdQuery q, boolean unmasked, Locale locale) {
        long count = households.count(scope, q);
        if (count > maxRows) {
            throw new BusinessException("export.tooMany", String.format("%,d", maxRows));
        }
        SXSSFWorkbook wb = Workbooks.streaming();
        Sheet sheet = wb.createSheet("农户");
        boolean en = "en".equals(locale.getLanguage());
        List<String> titles = en
                ? List.of("No.", "Village", "Address", "Head", "Head's ID number", "Phone", "Types", "Members now", "Income per head (yuan)",
                "Income year", "Status")
                : List.of("编号", "村（社区）", "地址", "户主", "户主身份证号", "联系电话", "农户类型", "现有人口", "人均纯收入（元）", "收入年度", "状态");
        Workbooks.header(sheet, 0, titles, Workbooks.headerStyle(wb));
        sheet.createFreezePane(0, 1);
        int[] n = {1};
        households.forEach(scope, q, unmasked, v -> {
            List<Object> cells = new ArrayList<>();
            cells.add(v.household().id());
            cells.add(v.regionName());
            cells.add(v.household().address());
            cells.add(v.household().headName());
            cells.add(v.maskedHeadIdNumber());
            cells.add(v.maskedPhone());
            cells.add(String.join("、", v.household().tags().stream().map(t -> dict.label("household_tag", t, locale)).toList()));
            cells.add((long) v.members().size());
            cells.add(v.incomePerHead());
            cells.add(v.incomeYear());
            cells.add(v.household().active() ? (en ? "Registered" : "在册") : (en ? "Archived" : "已注销"));
            Workbooks.cells(sheet.createRow(n[0]++), cells);
        });
        audit.record(scope, "EXPORT", "household", null, (n[0] - 1) + " rows" + (unmasked ? ", unmasked" : ""), null,
                Map.of("rows", n[0] - 1, "unmasked", unmasked, "query", String.valueOf(q)));
        if (unmasked) {
            audit.record(scope, "VIEW_PII", "household", null, "export of " + (n[0] - 1) + " households with ID numbers and phones", null, null);
        }
        return wb;
    }
}
