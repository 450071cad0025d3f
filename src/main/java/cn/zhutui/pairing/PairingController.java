package cn.zhutui.pairing;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.FormErrors;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Period;
import cn.zhutui.common.Permission;
import cn.zhutui.common.Workbooks;
import cn.zhutui.household.Household;
import cn.zhutui.household.HouseholdService;
import cn.zhutui.member.MemberService;
import cn.zhutui.org.OrgKind;
import cn.zhutui.org.OrgService;
import cn.zhutui.pairing.internal.PairingExcel;
import cn.zhutui.region.RegionService;
import cn.zhutui.security.UserService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
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

/** The pairings' pages: the list, a pairing with its visits and duties, its lifecycle (make, end, replace), the 1+1 check. */
@Controller
@RequestMapping("/pairings")
class PairingController {

    private final PairingService pairings;
    private final VisitService visits;
    private final DutyService duties;
    private final HouseholdService households;
    private final MemberService members;
    private final OrgService orgs;
    private final RegionService regions;
    private final UserService users;
    private final PairingExcel excel;
    private final cn.zhutui.audit.AuditLabels auditLabels;

    PairingController(cn.zhutui.audit.AuditLabels auditLabels, PairingService pairings, VisitService visits, DutyService duties, HouseholdService households, MemberService members,
                      OrgService orgs, RegionService regions, UserService users, PairingExcel excel) {
        this.pairings = pairings;
        this.visits = visits;
        this.duties = duties;
        this.households = households;
        this.members = members;
        this.orgs = orgs;
        this.regions = regions;
        this.users = users;
        this.excel = excel;
        this.auditLabels = auditLabels;
    }

    /** The list's filters as the query string gives them. */
    record Params(PairingKind kind, Long orgId, Long memberId, Long householdId, PairingStatus status, String regionCode, String text, String sort) {
        PairingQuery query() {
            return new PairingQuery(kind, orgId, memberId, householdId, status, regionCode, text, sort);
        }
    }

    @GetMapping
    String list(DataScope scope, @ModelAttribute("p") Params p, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("page", pairings.search(scope, p.query(), PageRequest.of(page, 20)));
        model.addAttribute("orgChoices", scope.ownRecordsOnly() ? List.of() : orgs.inScope(scope));
        model.addAttribute("regionName", p.regionCode() == null || p.regionCode().isBlank() ? ""
                : regions.find(p.regionCode()).map(r -> r.name()).orElse(""));
        model.addAttribute("today", pairings.today());
        return "pairing/list";
    }

    @GetMapping("/export")
    void export(DataScope scope, @ModelAttribute Params p, Locale locale, HttpServletResponse response) throws IOException {
        Workbooks.send(response, excel.pairings(scope, p.query(), locale), "结对.xlsx");
    }

    // ---------------------------------------------------------------- making a pairing

    @GetMapping("/new")
    String newForm(DataScope scope, @RequestParam(required = false) PairingKind kind, @RequestParam(required = false) Long householdId,
                   @RequestParam(required = false) Long memberId, Model model) {
        scope.require(Permission.PAIRING_EDIT);
        PairingForm f = new PairingForm();
        f.setKind(kind == null ? PairingKind.MEMBER_HOUSEHOLD : kind);
        f.setOrgId(scope.orgId());
        f.setHouseholdId(householdId);
        f.setMemberId(memberId);
        f.setStartDate(pairings.today());
        return form(scope, model, f, null);
    }

    @PostMapping
    String create(DataScope scope, @ModelAttribute("form") PairingForm form, BindingResult result, Model model, RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                long id = pairings.create(scope, form);
                flash.addFlashAttribute("message", "pairing.created");
                return "redirect:/pairings/" + id;
            } catch (BusinessException e) {
                FormErrors.reject(result, e);
            }
        }
        return form(scope, model, form, null);
    }

    @GetMapping("/{id}/edit")
    String editForm(DataScope scope, @PathVariable long id, Model model) {
        Pairing p = pairings.editable(scope, id);
        return form(scope, model, PairingForm.of(p), p);
    }

    @PostMapping("/{id}")
    String update(DataScope scope, @PathVariable long id, @ModelAttribute("form") PairingForm form, BindingResult result, Model model,
                  RedirectAttributes flash) {
        Pairing p = pairings.get(scope, id);
        if (!result.hasErrors()) {
            try {
                pairings.update(scope, id, form);
                flash.addFlashAttribute("message", "common.saved");
                return "redirect:/pairings/" + id;
            } catch (BusinessException e) {
                FormErrors.reject(result, e);
            }
        }
        PairingForm shown = PairingForm.of(p);
        shown.setStartDate(form.getStartDate());
        shown.setNote(form.getNote());
        shown.setVersion(form.getVersion());
        return form(scope, model, shown, p);
    }

    private String form(DataScope scope, Model model, PairingForm f, Pairing existing) {
        if (f.getKind() == null) {
            // a kind that could not be read is shown as the common one, its error on the field
            f.setKind(PairingKind.MEMBER_HOUSEHOLD);
        }
        model.addAttribute("form", f);
        model.addAttribute("pairing", existing);
        model.addAttribute("orgChoices", orgs.inScope(scope));
        model.addAttribute("helperOrgChoices", orgs.inScope(scope).stream()
                .filter(o -> f.getKind() != PairingKind.COMMITTEE_INDUSTRY || o.kind() == OrgKind.SPECIAL_COMMITTEE || o.kind() == OrgKind.OFFICE).toList());
        model.addAttribute("industries", pairings.industries(scope));
        model.addAttribute("memberName", f.getMemberId() == null || !members.visible(scope, f.getMemberId()) ? null
                : members.find(f.getMemberId()).map(m -> m.name()).orElse(null));
        Household h = f.getHouseholdId() == null || !households.visible(scope, f.getHouseholdId()) ? null : households.get(scope, f.getHouseholdId());
        model.addAttribute("householdName", h == null ? null : h.headName() + "（" + households.maskedIdNumber(scope, h.id()) + "）");
        model.addAttribute("regionName", f.getRegionCode() == null ? "" : regions.find(f.getRegionCode()).map(r -> r.name()).orElse(""));
        return "pairing/form";
    }

    // ---------------------------------------------------------------- a pairing

    @GetMapping("/{id}")
    String show(DataScope scope, @PathVariable long id, @RequestParam(required = false) String period, Locale locale, Model model) {
        PairingRow row = pairings.row(scope, id);
        Pairing p = row.pairing();
        LocalDate today = pairings.today();
        Period current = duties.periodOf(p, today);
        Period shown = current;
        if (period != null && Period.isValid(period) && Period.parse(period).type() == current.type()) {
            shown = Period.parse(period);
        }
        model.addAttribute("row", row);
        model.addAttribute("today", today);
        model.addAttribute("period", shown);
        model.addAttribute("periods", List.of(current, current.previous(), current.previous().previous(), current.previous().previous().previous()));
        model.addAttribute("duties", duties.status(scope, id, shown.id()));
        model.addAttribute("template", duties.templateFor(p.orgId(), p.kind()));
        model.addAttribute("visits", visits.search(scope, VisitQuery.all().withPairing(id), PageRequest.of(1, 50)));
        var history = pairings.history(scope, id);
        model.addAttribute("history", auditLabels.show(history, locale));
        Set<Long> userIds = new HashSet<>();
        history.forEach(h -> {
            if (h.userId() != null) {
                userIds.add(h.userId());
            }
        });
        model.addAttribute("userNames", users.displayNames(userIds));
        boolean canEdit = scope.can(Permission.PAIRING_EDIT) && orgs.find(p.orgId()).map(o -> scope.coversOrgPath(o.path())).orElse(false);
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("canWork", canWork(scope, p));
        if (p.replacesId() != null) {
            model.addAttribute("predecessor", pairings.get(scope, p.replacesId()));
        }
        return "pairing/show";
    }

    private boolean canWork(DataScope scope, Pairing p) {
        try {
            duties.requireWorker(scope, p);
            return true;
        } catch (cn.zhutui.common.ForbiddenException e) {
            return false;
        }
    }

    @PostMapping("/{id}/end")
    String end(DataScope scope, @PathVariable long id, @RequestParam int version,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
               @RequestParam(required = false) String endReason, RedirectAttributes flash) {
        return act(flash, id, "pairing.ended", () -> pairings.end(scope, id, version, endDate, endReason));
    }

    @PostMapping("/{id}/replace")
    String replace(DataScope scope, @PathVariable long id, @RequestParam int version,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) Long memberId, @RequestParam(required = false) Long helperOrgId,
                   @RequestParam(required = false) String cadreName, @RequestParam(required = false) String endReason, RedirectAttributes flash) {
        PairingForm successor = new PairingForm();
        successor.setMemberId(memberId);
        successor.setHelperOrgId(helperOrgId);
        successor.setCadreName(cadreName);
        try {
            long next = pairings.replace(scope, id, version, from, successor, endReason);
            flash.addFlashAttribute("message", "pairing.replaced");
            return "redirect:/pairings/" + next;
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
            return "redirect:/pairings/" + id;
        }
    }

    @PostMapping("/{id}/delete")
    String delete(DataScope scope, @PathVariable long id, @RequestParam int version, RedirectAttributes flash) {
        try {
            pairings.delete(scope, id, version);
            flash.addFlashAttribute("message", "common.deleted");
            return "redirect:/pairings";
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
            return "redirect:/pairings/" + id;
        }
    }

    /** Ticks a duty item with its evidence. */
    @PostMapping("/{id}/duties")
    String tick(DataScope scope, @PathVariable long id, @ModelAttribute DutyTick tick, RedirectAttributes flash) {
        try {
            duties.tick(scope, id, tick);
            flash.addFlashAttribute("message", "pairing.duty.ticked");
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
            flash.addFlashAttribute("tick", tick);
        }
        return "redirect:/pairings/" + id + (tick.getPeriod() == null ? "" : "?period=" + tick.getPeriod()) + "#duties";
    }

    @PostMapping("/{id}/duties/{recordId}/delete")
    String untick(DataScope scope, @PathVariable long id, @PathVariable long recordId, RedirectAttributes flash) {
        return act(flash, id, "pairing.duty.unticked", () -> duties.untick(scope, id, recordId));
    }

    /** The pairings of a household, for its page in the registry (htmx). */
    @GetMapping("/household-panel/{householdId}")
    String householdPanel(DataScope scope, @PathVariable long householdId, Model model) {
        households.get(scope, householdId);
        model.addAttribute("rows", pairings.search(scope, PairingQuery.all().withHousehold(householdId), PageRequest.of(1, 50)).items());
        model.addAttribute("householdId", householdId);
        model.addAttribute("today", pairings.today());
        return "pairing/household-panel";
    }

    // ---------------------------------------------------------------- 1+1

    @GetMapping("/one-plus-one")
    String onePlusOne(DataScope scope, @RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("page", pairings.onePlusOne(scope, orgId, PageRequest.of(page, 50)));
        model.addAttribute("orgChoices", orgs.inScope(scope));
        model.addAttribute("orgId", orgId == null ? scope.orgId() : orgId);
        return "pairing/one-plus-one";
    }

    private String act(RedirectAttributes flash, long id, String message, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("message", message);
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/pairings/" + id;
    }
}
