package cn.zhutui.pairing;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.Period;
import cn.zhutui.common.PeriodType;
import cn.zhutui.common.Workbooks;
import cn.zhutui.audit.AuditService;
import cn.zhutui.org.OrgService;
import cn.zhutui.pairing.internal.ComplianceCircular;
import cn.zhutui.pairing.internal.PairingExcel;
import cn.zhutui.region.RegionService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Oversight pages: the quarterly compliance of an org drilling to the units below and to each
 * member, grouped reminders, the quarterly circular (.docx and print page), and the figures.
 */
@Controller
@RequestMapping("/pairings")
class OversightController {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final OversightService oversight;
    private final PairingReminders reminders;
    private final OrgService orgs;
    private final RegionService regions;
    private final ComplianceCircular circular;
    private final PairingExcel excel;
    private final AuditService audit;
    private final cn.zhutui.member.MemberService members;

    OversightController(OversightService oversight, PairingReminders reminders, OrgService orgs, RegionService regions,
                        ComplianceCircular circular, PairingExcel excel, AuditService audit, cn.zhutui.member.MemberService members) {
        this.oversight = oversight;
        this.reminders = reminders;
        this.orgs = orgs;
        this.regions = regions;
        this.circular = circular;
        this.excel = excel;
        this.audit = audit;
        this.members = members;
    }

    @GetMapping("/compliance")
    String compliance(DataScope scope, @RequestParam(required = false) Long orgId, @RequestParam(required = false) String period, Model model) {
        Period quarter = oversight.quarter(period);
        Compliance c = oversight.compliance(scope, orgId, quarter);
        model.addAttribute("c", c);
        model.addAttribute("quarters", quarters());
        model.addAttribute("lineage", orgs.lineage(scope, orgs.get(scope, c.orgId())));
        return "pairing/compliance";
    }

    /** Drill to one member: their pairings in the quarter, visited or not, duties open. */
    @GetMapping("/compliance/member/{memberId}")
    String member(DataScope scope, @PathVariable long memberId, @RequestParam(required = false) String period, Model model) {
        Period quarter = oversight.quarter(period);
        model.addAttribute("items", oversight.memberCompliance(scope, memberId, quarter));
        model.addAttribute("member", members.get(scope, memberId));
        model.addAttribute("quarter", quarter);
        model.addAttribute("quarters", quarters());
        return "pairing/compliance-member";
    }

    @PostMapping("/compliance/remind")
    String remind(DataScope scope, @RequestParam(required = false) Long orgId, @RequestParam(required = false) String period,
                  RedirectAttributes flash) {
        Period quarter = oversight.quarter(period);
        try {
            int sent = reminders.remind(scope, orgId, quarter);
            flash.addFlashAttribute("message", "pairing.reminders.sent");
            flash.addFlashAttribute("messageArgs", new Object[] {sent});
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/pairings/compliance?period=" + quarter.id() + (orgId == null ? "" : "&orgId=" + orgId);
    }

    /** The quarterly circular (通报) as a Word document. */
    @GetMapping("/compliance/circular.docx")
    void circularDocx(DataScope scope, @RequestParam(required = false) Long orgId, @RequestParam(required = false) String period,
                      HttpServletResponse response) throws IOException {
        Period quarter = oversight.quarter(period);
        Compliance c = oversight.compliance(scope, orgId, quarter);
        ComplianceCircular.Text t = circularText(scope, c, quarter, "EXPORT");
        response.setContentType(DOCX);
        response.setHeader("Content-Disposition", Workbooks.attachment(t.title() + ".docx"));
        circular.write(t, c, response.getOutputStream());
    }

    /** The same circular as a page to print. */
    @GetMapping("/compliance/circular")
    String circularPage(DataScope scope, @RequestParam(required = false) Long orgId, @RequestParam(required = false) String period, Model model) {
        Period quarter = oversight.quarter(period);
        Compliance c = oversight.compliance(scope, orgId, quarter);
        model.addAttribute("t", circularText(scope, c, quarter, "PRINT"));
        model.addAttribute("c", c);
        return "pairing/circular";
    }

    private ComplianceCircular.Text circularText(DataScope scope, Compliance c, Period quarter, String action) {
        PairingFigures f = oversight.figures(scope, c.orgId(), quarter.id(), "unit", null, null);
        ComplianceCircular.Text t = circular.text(c, f, oversight.today());
        audit.record(scope, action, "pairing_circular", c.orgId(), t.title(), null, Map.of("period", quarter.id()));
        return t;
    }

    @GetMapping("/figures")
    String figures(DataScope scope, @RequestParam(required = false) Long orgId, @RequestParam(required = false) String period,
                   @RequestParam(defaultValue = "unit") String groupBy, @RequestParam(required = false) String regionCode,
                   @RequestParam(required = false) PairingKind kind, Model model) {
        String p = period == null || period.isBlank() ? Period.containing(oversight.checkDay(oversight.quarter(null)), PeriodType.QUARTER).id() : period;
        model.addAttribute("f", oversight.figures(scope, orgId, p, groupBy, regionCode, kind));
        model.addAttribute("period", Period.parse(p));
        model.addAttribute("periods", periods());
        model.addAttribute("kind", kind);
        model.addAttribute("regionName", regionCode == null || regionCode.isBlank() ? "" : regions.find(regionCode).map(r -> r.name()).orElse(""));
        return "pairing/figures";
    }

    @GetMapping("/figures/export")
    void figuresExport(DataScope scope, @RequestParam(required = false) Long orgId, @RequestParam String period,
                       @RequestParam(defaultValue = "unit") String groupBy, @RequestParam(required = false) String regionCode,
                       @RequestParam(required = false) PairingKind kind, Locale locale, HttpServletResponse response) throws IOException {
        PairingFigures f = oversight.figures(scope, orgId, period, groupBy, regionCode, kind);
        String title = f.orgName() + Period.parse(f.periodId()).label(locale) + "结对帮扶统计";
        Workbooks.send(response, excel.figures(scope, f, title, locale), title + ".xlsx");
    }

    private List<Period> quarters() {
        List<Period> list = new ArrayList<>();
        Period q = oversight.quarter(null);
        for (int i = 0; i < 8; i++) {
            list.add(q);
            q = q.previous();
        }
        return list;
    }

    /** This year and the last two: years, halves, quarters and months begun. */
    private List<Period> periods() {
        List<Period> list = new ArrayList<>();
        Period q = oversight.quarter(null);
        for (int y = q.year(); y >= q.year() - 2; y--) {
            list.add(new Period(PeriodType.YEAR, y, 1));
            for (int i = 4; i >= 1; i--) {
                Period p = new Period(PeriodType.QUARTER, y, i);
                if (!p.start().isAfter(q.start())) {
                    list.add(p);
                }
            }
        }
        return list;
    }
}
