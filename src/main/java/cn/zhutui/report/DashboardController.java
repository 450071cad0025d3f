package cn.zhutui.report;

import cn.zhutui.campaign.CampaignService;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.Permission;
import cn.zhutui.ledger.LedgerService;
import cn.zhutui.org.OrgService;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

@Controller
class DashboardController {

    private final DashboardService dashboards;
    private final ReportDefaults defaults;
    private final CampaignService campaigns;
    private final OrgService orgs;
    private final LedgerService ledger;
    private final byte[] counties;

    DashboardController(DashboardService dashboards, ReportDefaults defaults, CampaignService campaigns, OrgService orgs,
                        LedgerService ledger) throws IOException {
        this.dashboards = dashboards;
        this.defaults = defaults;
        this.campaigns = campaigns;
        this.orgs = orgs;
        this.ledger = ledger;
        try (InputStream in = new ClassPathResource("data/yunnan-counties.geojson").getInputStream()) {
            this.counties = in.readAllBytes();
        }
    }

    @GetMapping("/dashboard")
    String dashboard(DataScope scope, @ModelAttribute("params") ReportParams params, @RequestParam(required = false) Long indicatorId,
                     Locale locale, Model model) {
        if (!scope.can(Permission.REPORT_VIEW)) {
            return "redirect:/";
        }
        ReportRequest request = defaults.resolve(scope, params);
        Dashboard d = dashboards.dashboard(scope, request, indicatorId, locale);
        model.addAttribute("d", d);
        model.addAttribute("request", request);
        model.addAttribute("campaignChoices", campaigns.visible(scope));
        model.addAttribute("picker", ReportDefaults.picker(campaigns.get(scope, d.campaignId()), d.period(), ledger.today(), locale));
        model.addAttribute("unfinished", d.period().unfinished(ledger.today()));
        model.addAttribute("lineage", orgs.lineage(scope, orgs.get(scope, d.orgId())).stream().filter(o -> o.isCommittee()).toList());
        return "report/dashboard";
    }

    /** Yunnan's county boundaries for the map (MIT, see data/README.md); cached by the browser. */
    @GetMapping(value = "/geo/yunnan-counties.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<byte[]> counties() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePrivate()).body(counties);
    }
}
