package cn.zhutui.household;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.FormErrors;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Period;
import cn.zhutui.common.PeriodType;
import cn.zhutui.common.Permission;
import cn.zhutui.common.Workbooks;
import cn.zhutui.household.internal.HouseholdExport;
import cn.zhutui.region.RegionService;
import cn.zhutui.security.UserService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

/** The registry's pages: the list with its filters and export, a household with its people over time, its goals, its duplicates. */
@Controller
@RequestMapping("/households")
class HouseholdController {

    private final HouseholdService households;
    private final HouseholdExport exports;
    private final RegionService regions;
    private final UserService users;
    private final cn.zhutui.audit.AuditLabels auditLabels;

    HouseholdController(HouseholdService households, HouseholdExport exports, RegionService regions, UserService users,
                        cn.zhutui.audit.AuditLabels auditLabels) {
        this.auditLabels = auditLabels;
        this.households = households;
        this.exports = exports;
        this.regions = regions;
        this.users = users;
    }

    /** The list's filters as the query string gives them. */
    record Params(String regionCode, String tag, String name, String idNumber, String status, Boolean pending, String sort) {
        HouseholdQuery query() {
            HouseholdStatus s = "ARCHIVED".equals(status) ? HouseholdStatus.ARCHIVED : "ALL".equals(status) ? null : HouseholdStatus.ACTIVE;
            return new HouseholdQuery(regionCode, tag, name, idNumber, s, Boolean.TRUE.equals(pending), sort);
        }
    }

    @GetMapping
    String list(DataScope scope, @ModelAttribute("p") Params p, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("page", households.search(scope, p.query(), PageRequest.of(page, 20)));
        model.addAttribute("regionName", p.regionCode() == null || p.regionCode().isBlank() ? ""
                : regions.find(p.regionCode()).map(r -> r.name()).orElse(""));
        model.addAttribute("pendingDuplicates", households.pendingDuplicates(scope));
        return "household/list";
    }

    @GetMapping("/export")
    void export(DataScope scope, @ModelAttribute Params p, @RequestParam(defaultValue = "false") boolean unmasked, Locale locale,
                HttpServletResponse response) throws IOException {
        Workbooks.send(response, exports.export(scope, p.query(), unmasked, locale), unmasked ? "农户（含身份证号）.xlsx" : "农户.xlsx");
    }

    /** Matches for a household picker (htmx): households in scope by the head's name. */
    @GetMapping("/pick")
    String pick(DataScope scope, @RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("results", q.isBlank() ? List.of()
                : households.search(scope, new HouseholdQuery(null, null, q.trim(), null, HouseholdStatus.ACTIVE, false, "name"), PageRequest.of(1, 12)).items());
        return "household/pick";
    }

    // ---------------------------------------------------------------- one household

    @GetMapping("/{id}")
    String show(DataScope scope, @PathVariable long id, Locale locale, Model model) {
        HouseholdView v = households.view(scope, id);
        model.addAttribute("v", v);
        model.addAttribute("history", households.history(scope, id));
        model.addAttribute("goals", households.goals(scope, id));
        model.addAttribute("incomes", households.incomes(scope, id));
        model.addAttribute("duplicates", households.duplicatesOf(scope, id));
        var changes = households.changes(scope, id);
        model.addAttribute("changes", auditLabels.show(changes, locale));
        Set<Long> userIds = new HashSet<>();
        changes.forEach(c -> {
            if (c.userId() != null) {
                userIds.add(c.userId());
            }
        });
        model.addAttribute("userNames", users.displayNames(userIds));
        model.addAttribute("canEdit", canEdit(scope, v.household()));
        model.addAttribute("currentQuarter", Period.containing(households.today(), PeriodType.QUARTER));
        model.addAttribute("quarters", quarters());
        if (!model.containsAttribute("memberForm")) {
            PersonForm f = new PersonForm();
            f.setJoinedOn(households.today());
            model.addAttribute("memberForm", f);
        }
        model.addAttribute("today", households.today());
        return "household/show";
    }

    private boolean canEdit(DataScope scope, Household h) {
        String region = households.regionReach(scope);
        return scope.can(Permission.HOUSEHOLD_EDIT) && h.active() && region != null && h.regionCode().startsWith(region);
    }

    /** The last eight quarters, newest first, for the goals form. */
    private List<Period> quarters() {
        List<Period> list = new ArrayList<>();
        Period p = Period.containing(households.today(), PeriodType.QUARTER);
        for (int i = 0; i < 8; i++) {
            list.add(p);
            p = p.previous();
        }
        return list;
    }

    /** The head's or a member's ID number in clear, for the roles that need it: each reveal is audited. */
    @GetMapping(value = "/{id}/id-number/{personId}", produces = MediaType.TEXT_PLAIN_VALUE)
    @org.springframework.web.bind.annotation.ResponseBody
    ResponseEntity<String> idNumber(DataScope scope, @PathVariable long id, @PathVariable long personId) {
        return ResponseEntity.ok(households.revealIdNumber(scope, id, personId));
    }

    @GetMapping(value = "/{id}/phone", produces = MediaType.TEXT_PLAIN_VALUE)
    @org.springframework.web.bind.annotation.ResponseBody
    ResponseEntity<String> phone(DataScope scope, @PathVariable long id) {
        return ResponseEntity.ok(households.revealPhone(scope, id));
    }

    // ---------------------------------------------------------------- registering and editing

    @GetMapping("/new")
    String newForm(DataScope scope, @RequestParam(required = false) String regionCode, Model model) {
        scope.require(Permission.HOUSEHOLD_EDIT);
        HouseholdForm f = new HouseholdForm();
        f.setRegionCode(regionCode);
        f.setRegisteredOn(households.today());
        f.setIncomeYear(households.today().getYear() - 1);
        return form(model, f, null);
    }

    @PostMapping
    String create(DataScope scope, @ModelAttribute("form") HouseholdForm form, BindingResult result, Model model, RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                long id = households.create(scope, form);
                flash.addFlashAttribute("message", "household.created");
                return "redirect:/households/" + id;
            } catch (BusinessException e) {
                FormErrors.reject(result, e);
            }
        }
        return form(model, form, null);
    }

    @GetMapping("/{id}/edit")
    String editForm(DataScope scope, @PathVariable long id, Model model) {
        Household h = households.get(scope, id);
        if (!canEdit(scope, h)) {
            throw new cn.zhutui.common.ForbiddenException();
        }
        // the phone is in clear on the form (to be changed): opening it is a view of personal data
        String phone = h.hasPhone() && scope.can(Permission.PII_VIEW) ? households.revealPhone(scope, id) : null;
        HouseholdForm f = HouseholdForm.of(h, phone);
        households.incomes(scope, id).stream().findFirst().ifPresent(i -> {
            f.setIncomeYear(i.year());
            f.setIncomePerHead(i.perHead());
        });
        model.addAttribute("maskedPhone", h.hasPhone() && phone == null ? households.view(scope, id).maskedPhone() : null);
        return form(model, f, h);
    }

    @PostMapping("/{id}")
    String update(DataScope scope, @PathVariable long id, @ModelAttribute("form") HouseholdForm form, BindingResult result,
                  @RequestParam(defaultValue = "false") boolean keepPhone, Model model, RedirectAttributes flash) {
        Household h = households.get(scope, id);
        if (!result.hasErrors()) {
            try {
                if (keepPhone && h.hasPhone()) {
                    form.setPhone(scope.can(Permission.PII_VIEW) ? households.revealPhone(scope, id) : null);
                }
                households.update(scope, id, form);
                flash.addFlashAttribute("message", "common.saved");
                return "redirect:/households/" + id;
            } catch (BusinessException e) {
                FormErrors.reject(result, e);
            }
        }
        return form(model, form, h);
    }

    private String form(Model model, HouseholdForm f, Household h) {
        model.addAttribute("form", f);
        model.addAttribute("household", h);
        model.addAttribute("regionName", f.getRegionCode() == null ? ""
                : regions.find(f.getRegionCode()).map(r -> regions.lineageNamesOf(List.of(r.code())).get(r.code())).orElse(""));
        return "household/form";
    }

    // ---------------------------------------------------------------- people over time

    @PostMapping("/{id}/members")
    String addMember(DataScope scope, @PathVariable long id, @ModelAttribute PersonForm form, RedirectAttributes flash) {
        try {
            households.addMember(scope, id, form);
            flash.addFlashAttribute("message", "household.member.added");
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
            form.setIdNumber(null);
            flash.addFlashAttribute("memberForm", form);
            flash.addFlashAttribute("openMemberForm", true);
        }
        return "redirect:/households/" + id + "#members";
    }

    @PostMapping("/{id}/members/{membershipId}/leave")
    String leave(DataScope scope, @PathVariable long id, @PathVariable long membershipId,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate leftOn,
                 @RequestParam(required = false) String leftReason, RedirectAttributes flash) {
        return act(flash, id, "household.member.left", () -> households.leave(scope, id, membershipId, leftOn, leftReason));
    }

    @PostMapping("/{id}/members/{membershipId}/relation")
    String relation(DataScope scope, @PathVariable long id, @PathVariable long membershipId, @RequestParam(required = false) String relation,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate changedOn, RedirectAttributes flash) {
        return act(flash, id, "common.saved", () -> households.changeRelation(scope, id, membershipId, relation, changedOn));
    }

    @PostMapping("/{id}/members/{membershipId}/head")
    String head(DataScope scope, @PathVariable long id, @PathVariable long membershipId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate changedOn,
                @RequestParam(required = false) String formerHeadRelation, @RequestParam(required = false) String leftReason,
                RedirectAttributes flash) {
        String former = formerHeadRelation == null || formerHeadRelation.isBlank() || "LEAVE".equals(formerHeadRelation) ? null : formerHeadRelation;
        return act(flash, id, "household.head.changed", () -> households.changeHead(scope, id, membershipId, changedOn, former, leftReason));
    }

    @GetMapping("/{id}/persons/{personId}/edit")
    String personForm(DataScope scope, @PathVariable long id, @PathVariable long personId, Model model) {
        HouseholdMember m = households.history(scope, id).stream().filter(x -> x.personId() == personId).reduce((a, b) -> b)
                .orElseThrow(() -> new cn.zhutui.common.NotFoundException("person", personId));
        model.addAttribute("form", PersonForm.of(m));
        model.addAttribute("member", m);
        model.addAttribute("household", households.get(scope, id));
        return "household/person";
    }

    @PostMapping("/{id}/persons/{personId}")
    String updatePerson(DataScope scope, @PathVariable long id, @PathVariable long personId, @ModelAttribute("form") PersonForm form,
                        BindingResult result, Model model, RedirectAttributes flash) {
        try {
            households.updatePerson(scope, id, personId, form);
            flash.addFlashAttribute("message", "common.saved");
            return "redirect:/households/" + id + "#members";
        } catch (BusinessException e) {
            FormErrors.reject(result, e);
        }
        HouseholdMember m = households.history(scope, id).stream().filter(x -> x.personId() == personId).reduce((a, b) -> b).orElseThrow();
        form.setIdNumber(null);
        model.addAttribute("member", m);
        model.addAttribute("household", households.get(scope, id));
        return "household/person";
    }

    // ---------------------------------------------------------------- goals, income, archive

    @PostMapping("/{id}/goals")
    String goals(DataScope scope, @PathVariable long id, @RequestParam(required = false) String period,
                 @RequestParam(name = "goal_INCOME", required = false) GoalStatus income,
                 @RequestParam(name = "goal_ENVIRONMENT", required = false) GoalStatus environment,
                 @RequestParam(name = "goal_SPIRIT", required = false) GoalStatus spirit,
                 @RequestParam(name = "goal_SECURITY", required = false) GoalStatus security,
                 @RequestParam(required = false) String note, @RequestParam(required = false) Integer version, RedirectAttributes flash) {
        Map<Goal, GoalStatus> statuses = new EnumMap<>(Goal.class);
        statuses.put(Goal.INCOME, income);
        statuses.put(Goal.ENVIRONMENT, environment);
        statuses.put(Goal.SPIRIT, spirit);
        statuses.put(Goal.SECURITY, security);
        statuses.values().removeIf(java.util.Objects::isNull);
        return act(flash, id, "household.goals.saved", () -> households.recordGoals(scope, id, period, statuses, note, version));
    }

    @PostMapping("/{id}/income")
    String income(DataScope scope, @PathVariable long id, @RequestParam(required = false) Integer year,
                  @RequestParam(required = false) BigDecimal perHead, RedirectAttributes flash) {
        return act(flash, id, "common.saved", () -> households.setIncome(scope, id, year == null ? 0 : year, perHead));
    }

    @PostMapping("/{id}/archive")
    String archive(DataScope scope, @PathVariable long id, @RequestParam int version,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate archivedOn,
                   @RequestParam(required = false) String archiveReason, RedirectAttributes flash) {
        return act(flash, id, "household.archivedDone", () -> households.archive(scope, id, version, archivedOn, archiveReason));
    }

    // ---------------------------------------------------------------- likely duplicates

    @GetMapping("/duplicates")
    String duplicates(DataScope scope, @RequestParam(defaultValue = "PENDING") String status, @RequestParam(required = false) Integer page,
                      Model model) {
        String s = List.of("PENDING", "DISTINCT", "DUPLICATE").contains(status) ? status : "PENDING";
        model.addAttribute("page", households.duplicates(scope, s, PageRequest.of(page, 20)));
        model.addAttribute("status", s);
        Set<String> codes = new HashSet<>();
        households.duplicates(scope, s, PageRequest.of(page, 20)).items().forEach(d -> codes.add(d.regionCode()));
        model.addAttribute("regionNames", regions.lineageNamesOf(codes));
        return "household/duplicates";
    }

    @PostMapping("/duplicates/{duplicateId}")
    String decide(DataScope scope, @PathVariable long duplicateId, @RequestParam int version, @RequestParam boolean same,
                  @RequestParam(required = false) String note, RedirectAttributes flash) {
        try {
            households.decideDuplicate(scope, duplicateId, version, same, note);
            flash.addFlashAttribute("message", same ? "household.duplicate.confirmed" : "household.duplicate.dismissed");
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/households/duplicates";
    }

    private String act(RedirectAttributes flash, long id, String message, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("message", message);
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/households/" + id;
    }
}
