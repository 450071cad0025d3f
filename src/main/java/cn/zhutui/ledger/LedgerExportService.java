package cn.zhutui.ledger;

import cn.zhutui.audit.AuditService;
import cn.zhutui.campaign.CampaignService;
import cn.zhutui.campaign.CampaignStructure;
import cn.zhutui.campaign.Indicator;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.Workbooks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Any filtered entry list as .xlsx, streamed row by row. With one campaign chosen, each of its
 * indicators gets its own numeric column; otherwise the values are written as text.
 */
@Service
public class LedgerExportService {

    private final LedgerService ledger;
    private final CampaignService campaigns;
    private final AuditService audit;
    private final MessageSource messages;

    private final int maxRows;

    LedgerExportService(LedgerService ledger, CampaignService campaigns, AuditService audit, MessageSource messages,
                        @org.springframework.beans.factory.annotation.Value("${zhutui.export.max-rows:200000}") int maxRows) {
        this.maxRows = maxRows;
        this.ledger = ledger;
        this.campaigns = campaigns;
        this.audit = audit;
        this.messages = messages;
    }

    public Workbook export(DataScope scope, LedgerQuery q, Locale locale) {
        if (ledger.count(scope, q, maxRows) > maxRows) {
            throw new cn.zhutui.common.BusinessException("export.tooMany", String.format("%,d", maxRows));
        }
        CampaignStructure s = q.campaignId() == null ? null : campaigns.structure(scope, q.campaignId());
        List<Indicator> indicators = s == null ? List.of() : s.indicators();
        SXSSFWorkbook wb = Workbooks.streaming();
        Sheet sheet = wb.createSheet(msg("nav.entries", locale));
        List<String> titles = new ArrayList<>(Arrays.asList(msg("ledger.id", locale), msg("ledger.campaign", locale),
                msg("ledger.taskType", locale), msg("ledger.title", locale), msg("ledger.startDate", locale), msg("ledger.endDate", locale),
                msg("ledger.region", locale), msg("ledger.org", locale), msg("ledger.members", locale), msg("ledger.households", locale),
                msg("ledger.persons", locale), msg("ledger.partner", locale), msg("common.status", locale), msg("ledger.returnReason", locale)));
        if (s == null) {
            titles.add(msg("ledger.values", locale));
        } else {
            indicators.forEach(i -> titles.add(s.taskType(i.taskTypeId()).orElseThrow().shortName() + "·" + i.title()));
        }
        Workbooks.header(sheet, 0, titles, Workbooks.headerStyle(wb));
        sheet.createFreezePane(0, 1);
        int[] n = {1};
        ledger.forEach(scope, q, row -> {
            LedgerEntry e = row.entry();
            List<Object> cells = new ArrayList<>(Arrays.asList(e.id(), row.campaignName(), row.taskTypeName(), e.title(),
                    e.startDate().toString(), e.endDate().toString(), row.regionName(), row.orgName(), String.join("、", row.memberNames()),
                    e.households(), e.persons(), e.partner(), msg("ledger.status." + e.status(), locale), e.returnReason()));
            if (s == null) {
                cells.add(row.values().entrySet().stream().map(v -> v.getKey() + " " + v.getValue().toPlainString()).collect(Collectors.joining("；")));
            } else {
                for (Indicator i : indicators) {
                    BigDecimal v = row.values().get(i.title());
                    cells.add(i.taskTypeId() == e.taskTypeId() ? v : null);
                }
            }
            Workbooks.cells(sheet.createRow(n[0]++), cells);
        });
        audit.record(scope, "EXPORT", "ledger_entry", null, "导出台账 " + (n[0] - 1) + " 条", null, Map.of("rows", n[0] - 1, "query", String.valueOf(q)));
        return wb;
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
