package cn.zhutui.monitor;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.FormErrors;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Permission;
import cn.zhutui.household.HouseholdService;
import cn.zhutui.region.RegionService;
import java.util.List;
import java.util.UUID;
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

/**
 * The monitoring pages: the case list with its filters, the clue form for the field (one column,
 * usable with a thumb, keeps what was typed when a rule is broken), a case's page with the form of
 * the step that is the user's to take, and the village notice as a printable page.
 */
@Controller
@RequestMapping("/monitor")
class MonitorController {

    private final MonitorService cases;
    private final HouseholdService households;
    private final RegionService regions;
    private final cn.zhutui.security.UserService users;
    private final MonitorFigures figures;
    private final MonitorExports exports;
    private final NoticeWord noticeWord;
    private final IncomeLines incomeLines;
    private final AutomaticChecks checks;
    private final cn.zhutui.file.FileService fileStore;
    private final MonitorEvidence evidence;
    private final cn.zhutui.audit.AuditService audit;
    private final cn.zhutui.audit.AuditLabels auditLabels;

    MonitorController(MonitorService cases, HouseholdService households, RegionService regions, cn.zhutui.security.UserService users,
                      MonitorFigures figures, MonitorExports exports, NoticeWord noticeWord, cn.zhutui.audit.AuditService audit,
                      cn.zhutui.audit.AuditLabels auditLabels, IncomeLines incomeLines, AutomaticChecks checks,
                      cn.zhutui.file.FileService fileStore, MonitorEvidence evidence) {
        this.cases = cases;
        this.evidence = evidence;
        this.fileStore = fileStore;
        this.incomeLines = incomeLines;
        this.checks = checks;
        this.audit = audit;
        this.auditLabels = auditLabels;
        this.noticeWord = noticeWord;
        this.exports = exports;
        this.figures = figures;
        this.users = users;
        this.households = households;
        this.regions = regions;
    }

    @GetMapping
    String home(DataScope scope) {
        scope.require(Permission.MONITOR_VIEW);
        return "redirect:/monitor/cases";
    }

    @GetMapping("/cases")
    String list(DataScope scope, @ModelAttribute("q") CaseQuery q, @RequestParam(required = false) Integer page, Model model) {
        var result = cases.search(scope, q, PageRequest.of(page, 20));
        model.addAttribute("page", result);
        model.addAttribute("places", cases.placeNames(result.items()));
        model.addAttribute("clocks", result.items().stream().collect(java.util.stream.Collectors.toMap(MonitorCase::id, cases::clock)));
        model.addAttribute("regionName", q.regionCode() == null || q.regionCode().isBlank() ? ""
                : regions.find(q.regionCode()).map(r -> r.name()).orElse(""));
        model.addAttribute("today", cases.today());
        return "monitor/cases";
    }

    @GetMapping("/cases/export")
    void export(DataScope scope, @ModelAttribute CaseQuery q, @RequestParam(defaultValue = "false") boolean unmasked, java.util.Locale locale,
                jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        cn.zhutui.common.Workbooks.send(response, exports.cases(scope, q, unmasked, locale), "防返贫监测对象.xlsx");
    }

    // ---------------------------------------------------------------- a clue from the field

    @GetMapping("/clues/new")
    String newClue(DataScope scope, @RequestParam(required = false) Long householdId, Model model) {
        scope.require(Permission.MONITOR_RECORD);
        ClueForm form = new ClueForm();
        form.setReportedOn(cases.today());
        form.setHouseholdId(householdId);
        return clueForm(scope, form, model);
    }

    @PostMapping("/clues")
    String report(DataScope scope, @ModelAttribute("form") ClueForm form, BindingResult result, Model model, RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                long id = cases.report(scope, form);
                flash.addFlashAttribute("message", "monitor.clue.saved");
                return "redirect:/monitor/cases/" + id;
            } catch (BusinessException e) {
                FormErrors.reject(result, e);
            }
        }
        return clueForm(scope, form, model);
    }

    private String clueForm(DataScope scope, ClueForm form, Model model) {
        if (form.getIdempotencyKey() == null || form.getIdempotencyKey().isBlank()) {
            form.setIdempotencyKey(UUID.randomUUID().toString());
        }
        model.addAttribute("form", form);
        String name = "";
        if (form.getHouseholdId() != null) {
            name = households.findAll(scope, java.util.List.of(form.getHouseholdId())).stream().findFirst().map(h -> h.headName()).orElse("");
        }
        model.addAttribute("householdName", name);
        return "monitor/clue-form";
    }

    // ---------------------------------------------------------------- a case

    @GetMapping("/cases/{id}")
    String show(DataScope scope, @PathVariable long id, Model model) {
        return page(scope, id, model, null, null);
    }

    /** The case page, with the form of the step that failed (what was typed kept, the rules' messages on its fields). */
    private String page(DataScope scope, long id, Model model, String formName, Object failed) {
        CaseView v = cases.view(scope, id);
        model.addAttribute("v", v);
        var changes = auditLabels.show(audit.history("monitor_case", id), org.springframework.context.i18n.LocaleContextHolder.getLocale());
        java.util.Set<Long> people = new java.util.HashSet<>();
        v.reviews().forEach(r -> people.add(r.decidedBy()));
        changes.forEach(ch -> {
            if (ch.entry().userId() != null) {
                people.add(ch.entry().userId());
            }
        });
        model.addAttribute("changes", changes);
        model.addAttribute("employment", checks.employment(scope, v.monitorCase().householdId()));
        List<CaseEvidence> files = evidence.ofCase(v);
        model.addAttribute("followUpFiles", files.stream().filter(e -> e.followUpId() != null)
                .collect(java.util.stream.Collectors.groupingBy(CaseEvidence::followUpId)));
        model.addAttribute("measureFiles", files.stream().filter(e -> e.measureId() != null)
                .collect(java.util.stream.Collectors.groupingBy(CaseEvidence::measureId)));
        model.addAttribute("pairingVisits", v.actions().contains(CaseAction.FOLLOW_UP) ? cases.pairingVisitsOf(scope, id) : java.util.List.of());
        model.addAttribute("userNames", users.displayNames(people));
        MonitorCase c = v.monitorCase();
        if (!model.containsAttribute("visitForm")) {
            HomeVisitForm f = new HomeVisitForm();
            f.setVersion(c.version());
            f.setVisitedOn(cases.today());
            f.setConsentOn(cases.today());
            f.setReasons(new java.util.ArrayList<>(c.reasons()));
            f.setHasLabour(v.actions().contains(CaseAction.VISIT) ? cases.labourFromRegistry(scope, id) : null);
            model.addAttribute("visitForm", f);
        }
        if (!model.containsAttribute("reviewForm")) {
            ReviewForm f = new ReviewForm();
            f.setVersion(c.version());
            f.setDecidedOn(cases.today());
            f.setKind(c.kind());
            f.setNoticeStart(cases.today());
            f.setNoticeEnd(cases.today().plusDays(cn.zhutui.monitor.internal.CaseRules.NOTICE_DAYS - 1));
            model.addAttribute("reviewForm", f);
        }
        if (!model.containsAttribute("measureForm")) {
            MeasureForm f = new MeasureForm();
            f.setPlannedOn(cases.today());
            model.addAttribute("measureForm", f);
        }
        if (!model.containsAttribute("followUpForm")) {
            FollowUpForm f = new FollowUpForm();
            f.setVisitedOn(cases.today());
            model.addAttribute("followUpForm", f);
        }
        model.addAttribute("failed", formName);
        model.addAttribute("today", cases.today());
        return "monitor/case";
    }

    private String fail(DataScope scope, long id, Model model, String name, Object form, BindingResult result, BusinessException e) {
        FormErrors.reject(result, e);
        model.addAttribute(name, form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, result);
        return page(scope, id, model, name, form);
    }

    @PostMapping("/cases/{id}/visit")
    String visit(DataScope scope, @PathVariable long id, @ModelAttribute("visitForm") HomeVisitForm form, BindingResult result, Model model,
                 RedirectAttributes flash) {
        try {
            cases.visit(scope, id, form);
        } catch (BusinessException e) {
            return fail(scope, id, model, "visitForm", form, result, e);
        }
        flash.addFlashAttribute("message", "monitor.visit.saved");
        return "redirect:/monitor/cases/" + id;
    }

    @PostMapping("/cases/{id}/village")
    String village(DataScope scope, @PathVariable long id, @ModelAttribute("reviewForm") ReviewForm form, BindingResult result, Model model,
                   RedirectAttributes flash) {
        try {
            cases.villageReview(scope, id, form);
        } catch (BusinessException e) {
            return fail(scope, id, model, "reviewForm", form, result, e);
        }
        flash.addFlashAttribute("message", "monitor.review.saved");
        return "redirect:/monitor/cases/" + id;
    }

    @PostMapping("/cases/{id}/township")
    String township(DataScope scope, @PathVariable long id, @ModelAttribute("reviewForm") ReviewForm form, BindingResult result, Model model,
                    RedirectAttributes flash) {
        try {
            cases.townshipReview(scope, id, form);
        } catch (BusinessException e) {
            return fail(scope, id, model, "reviewForm", form, result, e);
        }
        flash.addFlashAttribute("message", "monitor.review.saved");
        return "redirect:/monitor/cases/" + id;
    }

    @PostMapping("/cases/{id}/county")
    String county(DataScope scope, @PathVariable long id, @ModelAttribute("reviewForm") ReviewForm form, BindingResult result, Model model,
                  RedirectAttributes flash) {
        try {
            cases.countyDecision(scope, id, form);
        } catch (BusinessException e) {
            return fail(scope, id, model, "reviewForm", form, result, e);
        }
        flash.addFlashAttribute("message", "monitor.review.saved");
        return "redirect:/monitor/cases/" + id;
    }

    @PostMapping("/cases/{id}/measures")
    String addMeasure(DataScope scope, @PathVariable long id, @ModelAttribute("measureForm") MeasureForm form, BindingResult result, Model model,
                      RedirectAttributes flash) {
        try {
            cases.addMeasure(scope, id, form);
        } catch (BusinessException e) {
            return fail(scope, id, model, "measureForm", form, result, e);
        }
        flash.addFlashAttribute("message", "common.saved");
        return "redirect:/monitor/cases/" + id + "#plan";
    }

    @PostMapping("/cases/{id}/measures/{measureId}")
    String measureStatus(DataScope scope, @PathVariable long id, @PathVariable long measureId, @RequestParam int version,
                         @RequestParam MeasureStatus status, RedirectAttributes flash) {
        Measure m = cases.view(scope, id).measures().stream().filter(x -> x.id() == measureId).findFirst()
                .orElseThrow(() -> new cn.zhutui.common.NotFoundException("monitor_measure", measureId));
        MeasureForm f = MeasureForm.of(m);
        f.setVersion(version);
        f.setStatus(status);
        if (status == MeasureStatus.DONE && f.getDoneOn() == null) {
            f.setDoneOn(cases.today());
        }
        try {
            cases.updateMeasure(scope, id, measureId, f);
            flash.addFlashAttribute("message", "common.saved");
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/monitor/cases/" + id + "#plan";
    }

    @PostMapping("/cases/{id}/follow-ups")
    String followUp(DataScope scope, @PathVariable long id, @ModelAttribute("followUpForm") FollowUpForm form, BindingResult result, Model model,
                    RedirectAttributes flash) {
        try {
            cases.addFollowUp(scope, id, form);
        } catch (BusinessException e) {
            return fail(scope, id, model, "followUpForm", form, result, e);
        }
        flash.addFlashAttribute("message", "common.saved");
        return "redirect:/monitor/cases/" + id + "#follow-ups";
    }

    @PostMapping("/cases/{id}/dismiss")
    String dismiss(DataScope scope, @PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason,
                   RedirectAttributes flash) {
        return act(flash, id, "monitor.dismissed", () -> cases.dismiss(scope, id, version, reason));
    }

    @PostMapping("/cases/{id}/objection")
    String objection(DataScope scope, @PathVariable long id, @RequestParam int version, @RequestParam(required = false) String objection,
                     RedirectAttributes flash) {
        return act(flash, id, "common.saved", () -> cases.objection(scope, id, version, objection));
    }

    @PostMapping("/cases/{id}/propose")
    String propose(DataScope scope, @PathVariable long id, @RequestParam int version, RedirectAttributes flash) {
        return act(flash, id, "monitor.elim.proposed", () -> cases.proposeElimination(scope, id, version));
    }

    @PostMapping("/cases/{id}/reopen")
    String reopen(DataScope scope, @PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason,
                  RedirectAttributes flash) {
        return act(flash, id, "monitor.reopened", () -> cases.reopen(scope, id, version, reason));
    }

    private String act(RedirectAttributes flash, long id, String message, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("message", message);
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/monitor/cases/" + id;
    }

    // ---------------------------------------------------------------- the signed consent

    @PostMapping("/cases/{id}/consent")
    String consent(DataScope scope, @PathVariable long id, @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
                   RedirectAttributes flash) throws java.io.IOException {
        if (file.isEmpty()) {
            flash.addFlashAttribute("error", new BusinessException("import.empty"));
            return "redirect:/monitor/cases/" + id;
        }
        try (java.io.InputStream in = file.getInputStream()) {
            cases.attachConsent(scope, id, in, file.getOriginalFilename());
            flash.addFlashAttribute("message", "common.saved");
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/monitor/cases/" + id;
    }

    @GetMapping("/cases/{id}/consent")
    void consentFile(DataScope scope, @PathVariable long id, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        cn.zhutui.file.FileResponses.send(fileStore, cases.consentFile(scope, id), response);
    }

    // ---------------------------------------------------------------- evidence of visits and measures

    @PostMapping("/cases/{id}/evidence")
    String evidence(DataScope scope, @PathVariable long id, @RequestParam(required = false) Long followUpId,
                    @RequestParam(required = false) Long measureId, @RequestParam("file") java.util.List<org.springframework.web.multipart.MultipartFile> uploads,
                    RedirectAttributes flash) throws java.io.IOException {
        String back = "redirect:/monitor/cases/" + id + (followUpId != null ? "#follow-ups" : measureId != null ? "#plan" : "");
        List<org.springframework.web.multipart.MultipartFile> chosen = uploads.stream().filter(f -> !f.isEmpty()).toList();
        if (chosen.isEmpty()) {
            flash.addFlashAttribute("error", new BusinessException("import.empty"));
            return back;
        }
        int added = 0;
        try {
            for (org.springframework.web.multipart.MultipartFile file : chosen) {
                try (java.io.InputStream in = file.getInputStream()) {
                    evidence.attach(scope, id, followUpId, measureId, in, file.getOriginalFilename());
                    added++;
                }
            }
        } catch (BusinessException e) {
            // the files before the refused one are kept: say how many, and why the next was not
            flash.addFlashAttribute("error", e);
        }
        if (added > 0) {
            flash.addFlashAttribute("message", "monitor.evidence.added");
            flash.addFlashAttribute("messageArgs", new Object[] {added});
        }
        return back;
    }

    @GetMapping("/cases/{id}/evidence/{evidenceId}")
    void evidenceFile(DataScope scope, @PathVariable long id, @PathVariable long evidenceId, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        cn.zhutui.file.FileResponses.send(fileStore, evidence.file(scope, id, evidenceId), response);
    }

    @GetMapping("/cases/{id}/evidence/{evidenceId}/thumb")
    void evidenceThumbnail(DataScope scope, @PathVariable long id, @PathVariable long evidenceId,
                           jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        if (!cn.zhutui.file.FileResponses.sendThumbnail(fileStore, evidence.file(scope, id, evidenceId), response)) {
            throw new cn.zhutui.common.NotFoundException("thumbnail", evidenceId);
        }
    }

    // ---------------------------------------------------------------- the income lines

    @GetMapping("/lines")
    String lines(DataScope scope, Model model) {
        scope.require(Permission.MONITOR_VIEW);
        model.addAttribute("lines", incomeLines.all(cases.reach(scope) == null ? "" : cases.reach(scope)));
        model.addAttribute("year", cases.today().getYear());
        return "monitor/lines";
    }

    @PostMapping("/lines")
    String setLine(DataScope scope, @RequestParam(required = false) String provinceCode, @RequestParam(required = false) Integer year,
                   @RequestParam(required = false) java.math.BigDecimal perHead, @RequestParam(required = false) String note, RedirectAttributes flash) {
        try {
            incomeLines.set(scope, provinceCode, year, perHead, note);
            flash.addFlashAttribute("message", "common.saved");
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/monitor/lines";
    }

    // ---------------------------------------------------------------- employment (what the 零就业 check reads)

    @PostMapping("/cases/{id}/employment")
    String employment(DataScope scope, @PathVariable long id, @RequestParam long personId, @RequestParam boolean employed,
                      @RequestParam(required = false) String note, RedirectAttributes flash) {
        MonitorCase c = cases.get(scope, id);
        try {
            checks.recordEmployment(scope, c.householdId(), personId, employed, note);
            flash.addFlashAttribute("message", "common.saved");
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/monitor/cases/" + id + "#employment";
    }

    // ---------------------------------------------------------------- figures

    /** The monitoring began with the five-year transition: the picker's first year. */
    private static final int FIRST_YEAR = 2021;

    @GetMapping("/figures")
    String figures(DataScope scope, @RequestParam(required = false) String regionCode, @RequestParam(required = false) Integer year,
                   @RequestParam(required = false) String span, java.util.Locale locale, Model model) {
        cn.zhutui.common.ReportPeriod period = period(year, span);
        model.addAttribute("f", figures.figures(scope, regionCode, period));
        model.addAttribute("picker", cn.zhutui.common.PeriodPicker.of(FIRST_YEAR, cases.today().getYear(), period, locale));
        return "monitor/figures";
    }

    @GetMapping("/figures/export")
    void exportFigures(DataScope scope, @RequestParam(required = false) String regionCode, @RequestParam(required = false) Integer year,
                       @RequestParam(required = false) String span, java.util.Locale locale,
                       jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        MonitorFigures.Figures f = figures.figures(scope, regionCode, period(year, span));
        String name = (f.regionName().isEmpty() ? "" : f.regionName()) + "防返贫监测情况-" + f.period().id() + ".xlsx";
        cn.zhutui.common.Workbooks.send(response, exports.figures(scope, f, locale), name);
    }

    /** The picker's period (a year and a span of it); this year to this month when none or an unknown span is asked for. */
    private cn.zhutui.common.ReportPeriod period(Integer year, String span) {
        if (year == null || year < FIRST_YEAR || year > cases.today().getYear() + 1) {
            return figures.defaultPeriod();
        }
        try {
            return cn.zhutui.common.ReportPeriod.of(year, span);
        } catch (IllegalArgumentException e) {
            return figures.defaultPeriod();
        }
    }

    // ---------------------------------------------------------------- the village notice

    @GetMapping("/notices/{id}.docx")
    void noticeWord(DataScope scope, @PathVariable long id, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        PublicNotice n = cases.notice(scope, id);
        response.setContentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        response.setHeader("Content-Disposition", cn.zhutui.common.Workbooks.attachment("公示-" + n.id() + ".docx"));
        noticeWord.write(n, response.getOutputStream());
    }

    @GetMapping("/notices/{id}")
    String notice(DataScope scope, @PathVariable long id, Model model) {
        model.addAttribute("n", cases.notice(scope, id));
        return "monitor/notice";
    }
}
