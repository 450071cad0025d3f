package cn.zhutui.period;

import cn.zhutui.campaign.Campaign;
import cn.zhutui.campaign.CampaignService;
import cn.zhutui.campaign.Deadline;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.ForbiddenException;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.Period;
import cn.zhutui.common.PeriodType;
import cn.zhutui.common.Permission;
import cn.zhutui.org.Org;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 报送: a unit confirms a period; a higher level unlocks any past period of any unit in its scope. */
@Controller
@RequestMapping("/periods")
class PeriodController {

    private final SubmissionService submissions;
    private final CampaignService campaigns;

    PeriodController(SubmissionService submissions, CampaignService campaigns) {
        this.submissions = submissions;
        this.campaigns = campaigns;
    }

    @GetMapping
    String page(DataScope scope, @RequestParam(required = false) Long campaignId, @RequestParam(required = false) String periodId,
                @RequestParam(required = false) PeriodType periodType, Model model) {
        if (!scope.can(Permission.PERIOD_SUBMIT) && !scope.can(Permission.PERIOD_UNLOCK)) {
            throw new ForbiddenException();
        }
        Campaign campaign = campaigns.current(scope, campaignId);
        if (campaign == null) {
            throw new NotFoundException("campaign", "active");
        }
        List<Deadline> rhythm = campaigns.rhythm(campaign);
        PeriodType type = rhythm.stream().map(Deadline::periodType).filter(t -> t == periodType).findFirst().orElse(campaign.periodType());
        List<Period> periods = submissions.periodsSoFar(campaign, type);
        Period current = Period.containing(submissions.today(), type);
        Period period = periods.stream().filter(p -> p.id().equals(periodId)).findFirst()
                .orElse(periods.stream().filter(p -> p.end().isBefore(current.start())).findFirst().orElse(current));
        Optional<Org> mine = submissions.ownUnit(scope).filter(u -> campaigns.takesPart(campaign, u));
        List<Org> units = new ArrayList<>(submissions.unitsInScope(scope, campaign));
        Map<Long, PeriodState> states = submissions.states(campaign, period, units.stream().map(Org::id).toList());
        model.addAttribute("campaign", campaign);
        model.addAttribute("campaignChoices", campaigns.visible(scope));
        model.addAttribute("period", period);
        model.addAttribute("periods", periods);
        model.addAttribute("rhythm", rhythm);
        model.addAttribute("type", type);
        model.addAttribute("locking", type == campaign.periodType());
        model.addAttribute("deadline", submissions.deadline(campaign, period));
        model.addAttribute("mine", mine.orElse(null));
        // the top unit has no level above: its administrator may unlock it, with a reason
        model.addAttribute("mineUnlockable", mine.isPresent() && mine.get().parentId() == null
                && scope.has(cn.zhutui.common.Role.ADMIN) && scope.can(Permission.PERIOD_UNLOCK));
        model.addAttribute("units", units.stream().filter(u -> mine.isEmpty() || u.id() != mine.get().id()).toList());
        model.addAttribute("states", states);
        model.addAttribute("counts", mine.map(u -> submissions.statusCounts(campaign.id(), u.id(), period)).orElse(Map.of()));
        model.addAttribute("defaultUntil", submissions.today().plusDays(7));
        return "period/periods";
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
        return back(campaignId, periodId);
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
        return back(campaignId, periodId);
    }

    private static String back(long campaignId, String periodId) {
        String type = Period.isValid(periodId) ? "&periodType=" + Period.parse(periodId).type() : "";
        return "redirect:/periods?campaignId=" + campaignId + (Period.isValid(periodId) ? "&periodId=" + periodId : "") + type;
    }
}
