package cn.zhutui.report;

import cn.zhutui.campaign.Campaign;
import cn.zhutui.campaign.CampaignService;
import cn.zhutui.campaign.Deadline;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.Period;
import cn.zhutui.common.PeriodType;
import cn.zhutui.common.Permission;
import cn.zhutui.period.PeriodState;
import cn.zhutui.period.SubmissionService;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 报送情况: for a period of the campaign's rhythm, which units below an org submitted on time,
 * late, or not at all — one level at a time, each unit opening its own level.
 */
@Controller
class SubmissionStatusController {

    private final SubmissionService submissions;
    private final CampaignService campaigns;
    private final OrgService orgs;
    private final ReportDefaults defaults;

    SubmissionStatusController(SubmissionService submissions, CampaignService campaigns, OrgService orgs, ReportDefaults defaults) {
        this.submissions = submissions;
        this.campaigns = campaigns;
        this.orgs = orgs;
        this.defaults = defaults;
    }

    @GetMapping("/reports/submissions")
    String status(DataScope scope, @RequestParam(required = false) Long campaignId, @RequestParam(required = false) Long orgId,
                  @RequestParam(required = false) PeriodType periodType, @RequestParam(required = false) String periodId, Model model) {
        scope.require(Permission.REPORT_VIEW);
        ReportParams params = new ReportParams();
        params.setCampaignId(campaignId);
        params.setOrgId(orgId);
        ReportRequest request = defaults.resolve(scope, params);
        Campaign campaign = campaigns.get(scope, request.campaignId());
        List<Deadline> rhythm = campaigns.rhythm(campaign);
        PeriodType type = rhythm.stream().map(Deadline::periodType).filter(t -> t == periodType).findFirst().orElse(campaign.periodType());
        Period current = Period.containing(submissions.today(), type);
        Period period = periodId != null && Period.isValid(periodId) && Period.parse(periodId).type() == type
                ? Period.parse(periodId) : current.previous();
        List<Period> recent = new ArrayList<>();
        for (Period p = current.previous(); recent.size() < 12 && !p.end().isBefore(campaign.startDate()); p = p.previous()) {
            recent.add(p);
        }
        // the org asked for, within the scope: never the committee above a user's office
        Org unit = orgs.get(scope, request.orgId());
        cn.zhutui.org.UnitTree tree = unit.isCommittee() ? orgs.unitTree(unit) : cn.zhutui.org.UnitTree.NONE;
        List<Org> units = tree.children(unit).stream().filter(u -> campaigns.takesPart(campaign, u)).toList();
        Map<Long, PeriodState> states = submissions.states(campaign, period, units.stream().map(Org::id).toList());
        long onTime = states.values().stream().filter(s -> Boolean.TRUE.equals(s.onTime())).count();
        long late = states.values().stream().filter(s -> Boolean.FALSE.equals(s.onTime())).count();
        long overdue = states.values().stream().filter(PeriodState::overdue).count();
        model.addAttribute("campaign", campaign);
        model.addAttribute("campaignChoices", campaigns.visible(scope));
        model.addAttribute("rhythm", rhythm);
        model.addAttribute("type", type);
        model.addAttribute("period", period);
        model.addAttribute("periods", recent);
        model.addAttribute("deadline", submissions.deadline(campaign, period));
        model.addAttribute("unit", unit);
        model.addAttribute("own", unit.isCommittee() ? submissions.state(campaign, unit.id(), period) : null);
        model.addAttribute("lineage", orgs.lineage(scope, unit).stream().filter(Org::isCommittee).toList());
        model.addAttribute("units", units);
        model.addAttribute("hasChildren", units.stream().filter(tree::hasChildren).map(Org::id).toList());
        model.addAttribute("states", states);
        model.addAttribute("counts", Map.of("onTime", onTime, "late", late, "overdue", overdue,
                "pending", units.size() - onTime - late - overdue));
        return "report/submissions";
    }
}
