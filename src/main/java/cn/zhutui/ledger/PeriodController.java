package cn.zhutui.ledger;

import cn.zhutui.campaign.Campaign;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.Period;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 报送: a unit confirms a period, a higher level unlocks one. */
@Controller
@RequestMapping("/periods")
class PeriodController {

    private final SubmissionService submissions;
    private final LedgerFilters filters;
    private final OrgService orgs;
    private final cn.zhutui.campaign.CampaignService campaigns;

    PeriodController(SubmissionService submissions, LedgerFilters filters, OrgService orgs, cn.zhutui.campaign.CampaignService campaigns) {
        this.submissions = submissions;
        this.filters = filters;
        this.orgs = orgs;
        this.campaigns = campaigns;
    }

    @GetMapping
    String page(DataScope scope, @RequestParam(required = false) Long campaignId, @RequestParam(required = false) String periodId,
                @RequestParam(required = false) cn.zhutui.common.PeriodType periodType, Locale locale, Model model) {
        Campaign campaign = filters.campaign(scope, campaignId);
        if (campaign == null) {
            throw new cn.zhutui.common.NotFoundException("campaign", "active");
        }
        List<cn.zhutui.campaign.Deadline> rhythm = campaigns.rhythm(campaign);
        cn.zhutui.common.PeriodType type = rhythm.stream().map(cn.zhutui.campaign.Deadline::periodType).filter(t -> t == periodType)
                .findFirst().orElse(campaign.periodType());
        Period current = Period.containing(submissions.today(), type);
        Period period = periodId != null && Period.isValid(periodId) && Period.parse(periodId).type() == type
                ? Period.parse(periodId) : current.previous();
        Org mine = orgs.unitOf(orgs.get(scope, scope.orgId()));
        List<Org> units = new ArrayList<>();
        units.add(mine);
        units.addAll(orgs.childUnits(mine));
        Map<Long, PeriodState> states = submissions.states(campaign, period, units.stream().map(Org::id).toList());
        model.addAttribute("campaign", campaign);
        model.addAttribute("period", period);
        model.addAttribute("periods", recentPeriods(campaign, current));
        model.addAttribute("rhythm", rhythm);
        model.addAttribute("type", type);
        model.addAttribute("locking", type == campaign.periodType());
        model.addAttribute("deadline", submissions.deadline(campaign, period));
        model.addAttribute("mine", mine);
        model.addAttribute("units", units);
        model.addAttribute("states", states);
        model.addAttribute("counts", submissions.statusCounts(campaign.id(), mine.id(), period));
        model.addAttribute("defaultUntil", submissions.today().plusDays(7));
        return "ledger/periods";
    }

    @PostMapping("/submit")
    String submit(DataScope scope, @RequestParam long campaignId, @RequestParam long unitId, @RequestParam String periodId,
                  RedirectAttributes flash) {
        try {
            submissions.submit(scope, campaignId, unitId, periodId);
            flash.addFlashAttribute("message", "ledger.period.submittedOk");
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/periods?campaignId=" + campaignId + "&periodId=" + periodId + "&periodType=" + Period.parse(periodId).type();
    }

    @PostMapping("/unlock")
    String unlock(DataScope scope, @RequestParam long campaignId, @RequestParam long unitId, @RequestParam String periodId,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
                  @RequestParam(required = false) String reason, RedirectAttributes flash) {
        try {
            submissions.unlock(scope, campaignId, unitId, periodId, until, reason);
            flash.addFlashAttribute("message", "ledger.period.unlockedOk");
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/periods?campaignId=" + campaignId + "&periodId=" + periodId;
    }

    /** The current period and the eleven before it (within the campaign), for the period picker. */
    private static List<Period> recentPeriods(Campaign campaign, Period current) {
        List<Period> list = new ArrayList<>();
        Period p = current;
        for (int i = 0; i < 12 && !p.end().isBefore(campaign.startDate()); i++) {
            list.add(p);
            p = p.previous();
        }
        return list;
    }
}
