package cn.zhutui.report;

import cn.zhutui.campaign.CampaignService;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.Workbooks;
import cn.zhutui.dict.DictService;
import cn.zhutui.ledger.LedgerService;
import cn.zhutui.org.OrgService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/** The statistics table: on screen with drill-downs, printable, as .xlsx and as a .docx summary. */
@Controller
@RequestMapping("/reports")
class ReportController {

    private final ReportService reports;
    private final ReportDefaults defaults;
    private final ReportExcel excel;
    private final ReportWord word;
    private final CampaignService campaigns;
    private final OrgService orgs;
    private final DictService dict;
    private final LedgerService ledger;
    private final cn.zhutui.audit.AuditService audit;

    ReportController(ReportService reports, ReportDefaults defaults, ReportExcel excel, ReportWord word, CampaignService campaigns,
                     OrgService orgs, DictService dict, LedgerService ledger, cn.zhutui.audit.AuditService audit) {
        this.audit = audit;
        this.reports = reports;
        this.defaults = defaults;
        this.excel = excel;
        this.word = word;
        this.campaigns = campaigns;
        this.orgs = orgs;
        this.dict = dict;
        this.ledger = ledger;
    }

    @GetMapping
    String table(DataScope scope, @ModelAttribute("params") ReportParams params, Locale locale, Model model,
                 jakarta.servlet.http.HttpServletRequest http) {
        ReportRequest request = defaults.resolve(scope, params);
        StatisticsTable table = reports.table(scope, request, locale);
        model.addAttribute("t", table);
        model.addAttribute("rows", TableLinks.of(table, request, http.getContextPath()));
        model.addAttribute("request", request);
        model.addAttribute("lineage", orgs.lineage(scope, orgs.get(scope, table.orgId())).stream()
                .filter(o -> o.isCommittee()).toList());
        model.addAttribute("campaignChoices", campaigns.visible(scope));
        model.addAttribute("picker", ReportDefaults.picker(campaigns.get(scope, table.campaignId()), table.period(), ledger.today(), locale));
        model.addAttribute("unitShown", table.column(params.getUnit()));
        model.addAttribute("tags", dict.items("region_tag"));
        return "report/table";
    }

    /** Every table that leaves the platform — a file or a printed page — is in the audit log. */
    private void exported(DataScope scope, String action, StatisticsTable t, String format) {
        audit.record(scope, action, "report", t.orgId(), t.campaignName() + " · " + t.orgName() + " · " + t.periodLabel() + " · " + format,
                null, java.util.Map.of("campaignId", t.campaignId(), "orgId", t.orgId(), "period", t.period().id(), "format", format));
    }

    @GetMapping("/print")
    String print(DataScope scope, @ModelAttribute("params") ReportParams params, Locale locale, Model model) {
        ReportRequest request = defaults.resolve(scope, params);
        StatisticsTable table = reports.table(scope, request, locale);
        model.addAttribute("t", table);
        java.time.LocalDate today = ledger.today();
        model.addAttribute("madeOn", today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日");
        exported(scope, "PRINT", table, "print");
        return "report/print";
    }

    @GetMapping("/table.xlsx")
    void xlsx(DataScope scope, @ModelAttribute ReportParams params, Locale locale, HttpServletResponse response) throws IOException {
        StatisticsTable table = reports.table(scope, defaults.resolve(scope, params), locale);
        exported(scope, "EXPORT", table, "xlsx");
        Workbooks.send(response, excel.write(table, locale), table.campaignName() + "统计表-" + table.orgName() + "-" + table.period().id() + ".xlsx");
    }

    @GetMapping("/summary.docx")
    void docx(DataScope scope, @ModelAttribute ReportParams params, Locale locale, HttpServletResponse response) throws IOException {
        ReportRequest request = defaults.resolve(scope, params);
        StatisticsTable table = reports.table(scope, request, locale);
        exported(scope, "EXPORT", table, "docx");
        // written whole before the response starts: a failure is then an error page, not half a file
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        word.write(scope, request, table, locale, buffer);
        response.setContentType(ReportWord.DOCX);
        response.setHeader("Content-Disposition", Workbooks.attachment(table.campaignName() + "工作情况-" + table.orgName() + "-" + table.period().id() + ".docx"));
        try (OutputStream out = response.getOutputStream()) {
            buffer.writeTo(out);
        }
    }
}
