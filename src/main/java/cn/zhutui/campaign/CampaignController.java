package cn.zhutui.campaign;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.FormErrors;
import cn.zhutui.common.PeriodType;
import cn.zhutui.common.Permission;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgKind;
import cn.zhutui.org.OrgLevel;
import cn.zhutui.org.OrgService;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/campaigns")
class CampaignController {

    private final CampaignService campaigns;
    private final OrgService orgs;

    private final java.time.Clock clock;

    CampaignController(CampaignService campaigns, OrgService orgs, java.time.Clock clock) {
        this.clock = clock;
        this.campaigns = campaigns;
        this.orgs = orgs;
    }

    @ModelAttribute("periodTypes")
    PeriodType[] periodTypes() {
        return new PeriodType[] {PeriodType.MONTH, PeriodType.QUARTER};
    }

    @ModelAttribute("orgLevels")
    OrgLevel[] orgLevels() {
        return new OrgLevel[] {OrgLevel.PREFECTURE, OrgLevel.COUNTY};
    }

    @GetMapping
    String list(DataScope scope, Model model) {
        List<Campaign> list = campaigns.visible(scope);
        model.addAttribute("campaigns", list);
        model.addAttribute("orgNames", orgs.names(list.stream().map(Campaign::orgId).toList()));
        model.addAttribute("templates", campaigns.templates());
        return "campaign/list";
    }

    @GetMapping("/new")
    String newForm(DataScope scope, @RequestParam(required = false) String template, Model model) {
        scope.require(Permission.CAMPAIGN_EDIT);
        CampaignForm form = new CampaignForm();
        form.setOrgId(scope.orgId());
        campaigns.templates().stream().filter(t -> t.code().equals(template)).findFirst().ifPresent(t -> {
            form.setName(t.name());
            form.setFullName(t.fullName());
            form.setDescription(t.description());
            form.setStartDate(t.startDate());
            form.setEndDate(t.endDate());
            form.setPeriodType(t.periodType());
            form.setDeadlineDays(t.deadlineDays());
        });
        if (form.getStartDate() == null) {
            form.setStartDate(LocalDate.now(clock));
        }
        return form(scope, model, form, null, template);
    }

    @PostMapping
    String create(DataScope scope, @RequestParam(required = false) String template, @Valid @ModelAttribute("form") CampaignForm form,
                  BindingResult result, Model model, RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                long id = template == null || template.isBlank() ? campaigns.create(scope, form, null) : campaigns.instantiate(scope, template, form);
                flash.addFlashAttribute("message", "common.saved");
                return "redirect:/campaigns/" + id;
            } catch (BusinessException e) {
                FormErrors.reject(result, e);
            }
        }
        return form(scope, model, form, null, template);
    }

    @GetMapping("/{id}")
    String show(DataScope scope, @PathVariable long id, Model model) {
        CampaignStructure s = campaigns.structure(scope, id);
        model.addAttribute("s", s);
        model.addAttribute("c", s.campaign());
        model.addAttribute("orgName", orgs.names(List.of(s.campaign().orgId())).get(s.campaign().orgId()));
        model.addAttribute("rhythm", campaigns.rhythm(s.campaign()));
        model.addAttribute("editable", scope.can(Permission.CAMPAIGN_EDIT)
                && orgs.findAll(scope, List.of(s.campaign().orgId())).size() == 1);
        return "campaign/show";
    }

    @GetMapping("/{id}/edit")
    String editForm(DataScope scope, @PathVariable long id, Model model) {
        scope.require(Permission.CAMPAIGN_EDIT);
        Campaign c = campaigns.get(scope, id);
        return form(scope, model, CampaignForm.of(c), c, null);
    }

    @PostMapping("/{id}")
    String update(DataScope scope, @PathVariable long id, @Valid @ModelAttribute("form") CampaignForm form, BindingResult result,
                  Model model, RedirectAttributes flash) {
        Campaign c = campaigns.get(scope, id);
        if (!result.hasErrors()) {
            try {
                campaigns.update(scope, id, form);
                flash.addFlashAttribute("message", "common.saved");
                return "redirect:/campaigns/" + id;
            } catch (BusinessException e) {
                FormErrors.reject(result, e);
            }
        }
        return form(scope, model, form, c, null);
    }

    @PostMapping("/{id}/rhythm")
    String rhythm(DataScope scope, @PathVariable long id, @RequestParam PeriodType periodType, @RequestParam(required = false) Integer days,
                  RedirectAttributes flash) {
        return saved(flash, id, () -> campaigns.setRhythm(scope, id, periodType, days));
    }

    @PostMapping("/{id}/focus-areas")
    String addFocusArea(DataScope scope, @PathVariable long id, @RequestParam String name, @RequestParam(defaultValue = "100") int sort,
                        RedirectAttributes flash) {
        return saved(flash, id, () -> campaigns.addFocusArea(scope, id, name, sort));
    }

    @PostMapping("/{id}/focus-areas/{areaId}")
    String updateFocusArea(DataScope scope, @PathVariable long id, @PathVariable long areaId, @RequestParam int version,
                           @RequestParam String name, @RequestParam(defaultValue = "0") int sort, RedirectAttributes flash) {
        return saved(flash, id, () -> campaigns.updateFocusArea(scope, areaId, version, name, sort));
    }

    @PostMapping("/{id}/task-types")
    String addTaskType(DataScope scope, @PathVariable long id, @RequestParam long focusAreaId, @RequestParam String name,
                       @RequestParam(required = false) String shortName, @RequestParam(defaultValue = "100") int sort,
                       RedirectAttributes flash) {
        return saved(flash, id, () -> campaigns.addTaskType(scope, focusAreaId, name, shortName, null, sort));
    }

    @PostMapping("/{id}/task-types/{typeId}")
    String updateTaskType(DataScope scope, @PathVariable long id, @PathVariable long typeId, @RequestParam int version,
                          @RequestParam String name, @RequestParam(required = false) String shortName,
                          @RequestParam(defaultValue = "0") int sort, @RequestParam(defaultValue = "false") boolean retired,
                          RedirectAttributes flash) {
        return saved(flash, id, () -> campaigns.updateTaskType(scope, typeId, version, name, shortName, null, sort, retired));
    }

    @PostMapping("/{id}/indicators")
    String addIndicator(DataScope scope, @PathVariable long id, @RequestParam long taskTypeId, @RequestParam String name,
                        @RequestParam String unit, @RequestParam(defaultValue = "false") boolean decimals,
                        @RequestParam(defaultValue = "0") BigDecimal minValue, @RequestParam BigDecimal maxValue,
                        @RequestParam(defaultValue = "100") int sort, RedirectAttributes flash) {
        return saved(flash, id, () -> campaigns.addIndicator(scope, taskTypeId, name, unit, decimals, minValue, maxValue, sort));
    }

    @PostMapping("/{id}/indicators/{indicatorId}")
    String updateIndicator(DataScope scope, @PathVariable long id, @PathVariable long indicatorId, @RequestParam int version,
                           @RequestParam String name, @RequestParam String unit, @RequestParam(defaultValue = "false") boolean decimals,
                           @RequestParam BigDecimal minValue, @RequestParam BigDecimal maxValue, @RequestParam(defaultValue = "0") int sort,
                           @RequestParam(defaultValue = "false") boolean retired, RedirectAttributes flash) {
        return saved(flash, id, () -> campaigns.updateIndicator(scope, indicatorId, version, name, unit, decimals, minValue, maxValue, sort, retired));
    }

    @PostMapping("/{id}/indicators/{indicatorId}/delete")
    String deleteIndicator(DataScope scope, @PathVariable long id, @PathVariable long indicatorId, @RequestParam int version,
                           RedirectAttributes flash) {
        return saved(flash, id, () -> campaigns.deleteIndicator(scope, indicatorId, version));
    }

    @GetMapping("/{id}/targets")
    String targets(DataScope scope, @PathVariable long id, @RequestParam(required = false) Long orgId,
                   @RequestParam(required = false) Integer year, Model model) {
        // the targets are the campaign editors' (and, read only, the report readers') business
        if (!scope.can(cn.zhutui.common.Permission.CAMPAIGN_EDIT) && !scope.can(cn.zhutui.common.Permission.REPORT_VIEW)) {
            throw new cn.zhutui.common.ForbiddenException();
        }
        CampaignStructure s = campaigns.structure(scope, id);
        long org = orgId == null ? scope.orgId() : orgId;
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        Org chosen = orgs.get(scope, org);
        model.addAttribute("s", s);
        model.addAttribute("org", chosen);
        model.addAttribute("year", y);
        model.addAttribute("values", campaigns.targets(id, List.of(org), y).getOrDefault(org, Map.of()));
        model.addAttribute("orgChoices", orgs.inScope(scope, OrgKind.COMMITTEE));
        return "campaign/targets";
    }

    @PostMapping("/{id}/targets")
    String saveTargets(DataScope scope, @PathVariable long id, @RequestParam long orgId, @RequestParam int year,
                       @RequestParam Map<String, String> params, RedirectAttributes flash) {
        Map<Long, BigDecimal> values = new HashMap<>();
        try {
            params.forEach((k, v) -> {
                if (k.startsWith("t")) {
                    values.put(Long.valueOf(k.substring(1)), v == null || v.isBlank() ? null : new BigDecimal(v.trim()));
                }
            });
            campaigns.setTargets(scope, id, orgId, year, values);
            flash.addFlashAttribute("message", "common.saved");
        } catch (NumberFormatException e) {
            flash.addFlashAttribute("error", new BusinessException("indicator.number"));
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/campaigns/" + id + "/targets?orgId=" + orgId + "&year=" + year;
    }

    private String saved(RedirectAttributes flash, long id, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("message", "common.saved");
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/campaigns/" + id;
    }

    private String form(DataScope scope, Model model, CampaignForm form, Campaign campaign, String template) {
        model.addAttribute("form", form);
        model.addAttribute("campaign", campaign);
        model.addAttribute("template", template);
        model.addAttribute("orgChoices", orgs.inScope(scope, OrgKind.COMMITTEE));
        model.addAttribute("participantChoices", orgs.inScope(scope, OrgKind.COMMITTEE).stream()
                .sorted(java.util.Comparator.comparing(Org::path)).toList());
        if (campaign != null && form.getParticipantIds().isEmpty()) {
            form.setParticipantIds(campaigns.participants(campaign.id()).stream().map(Participant::orgId).toList());
        }
        return "campaign/form";
    }
}
