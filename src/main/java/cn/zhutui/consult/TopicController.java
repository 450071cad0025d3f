package cn.zhutui.consult;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.FormErrors;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Permission;
import cn.zhutui.common.Workbooks;
import cn.zhutui.file.FileService;
import cn.zhutui.job.JobPages;
import cn.zhutui.job.JobService;
import cn.zhutui.job.SheetImports;
import cn.zhutui.member.MemberService;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgKind;
import cn.zhutui.org.OrgService;
import cn.zhutui.region.RegionService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Topics: the list with filters and its export, the board by step, the form (one column, usable
 * on a phone, that keeps what was typed when a rule is broken), a topic's page with its chain and
 * its moves, and the spreadsheet import.
 */
@Controller
@RequestMapping("/consult")
class TopicController {

    private final TopicService topics;
    private final PlatformService platforms;
    private final ProcedureService procedure;
    private final ConsultExports exports;
    private final TopicImport imports;
    private final OrgService orgs;
    private final RegionService regions;
    private final MemberService members;
    private final JobService jobs;
    private final FileService files;
    private final SheetImports sheets;
    private final ConsultPages pages;

    TopicController(ConsultPages pages, TopicService topics, PlatformService platforms, ProcedureService procedure, ConsultExports exports,
                    TopicImport imports, OrgService orgs, RegionService regions, MemberService members,
                    JobService jobs, FileService files, SheetImports sheets) {
        this.topics = topics;
        this.platforms = platforms;
        this.procedure = procedure;
        this.exports = exports;
        this.imports = imports;
        this.orgs = orgs;
        this.regions = regions;
        this.members = members;
        this.jobs = jobs;
        this.files = files;
        this.sheets = sheets;
        this.pages = pages;
    }

    @GetMapping
    String home(DataScope scope) {
        scope.require(Permission.CONSULT_VIEW);
        return scope.can(Permission.CONSULT_MANAGE) ? "redirect:/consult/board" : "redirect:/consult/topics";
    }

    @GetMapping("/topics")
    String list(DataScope scope, @ModelAttribute("q") TopicQuery q, @RequestParam(required = false) Integer page, Locale locale, Model model) {
        model.addAttribute("page", topics.search(scope, q, PageRequest.of(page, 20)));
        pages.filters(scope, q.regionCode(), locale, model);
        Org org = q.orgId() == null ? null : orgs.get(scope, q.orgId());
        model.addAttribute("stepChoices", procedure.steps(org == null ? platforms.ownUnit(scope).id() : org.id()));
        model.addAttribute("canRaise", !platforms.choices(scope).isEmpty());
        return "consult/topics";
    }

    @GetMapping("/topics/export")
    void export(DataScope scope, @ModelAttribute TopicQuery q, Locale locale, HttpServletResponse response) throws IOException {
        Workbooks.send(response, exports.topics(scope, q, locale), "协商议题.xlsx");
    }

    @GetMapping("/board")
    String board(DataScope scope, @RequestParam(required = false) Long orgId, @RequestParam(required = false) Long platformId,
                 @RequestParam(defaultValue = "false") boolean solved, Model model) {
        Board board = topics.board(scope, orgId, platformId, solved);
        model.addAttribute("board", board);
        model.addAttribute("pending", topics.count(scope, new TopicQuery(board.orgId(), null, null, null, null, null, "PENDING", null, null, null)));
        model.addAttribute("platformId", platformId);
        model.addAttribute("canRaise", !platforms.choices(scope).isEmpty());
        model.addAttribute("platformChoices", platforms.ofOrg(scope, board.orgId()));
        model.addAttribute("countyChoices", orgs.inScope(scope, OrgKind.COMMITTEE));
        return "consult/board";
    }

    // ---------------------------------------------------------------- the form

    @GetMapping("/topics/new")
    String newForm(DataScope scope, @RequestParam(required = false) Long platformId, Model model) {
        scope.require(Permission.CONSULT_RAISE);
        TopicForm form = new TopicForm();
        form.setPlatformId(platformId);
        form.setRaisedOn(topics.today());
        form.setSource("RESIDENT");
        List<Platform> choices = platforms.choices(scope);
        if (platformId == null && choices.size() == 1) {
            form.setPlatformId(choices.get(0).id());
        }
        platformId = form.getPlatformId();
        if (platformId != null) {
            choices.stream().filter(p -> p.id() == form.getPlatformId()).findFirst().ifPresent(p -> form.setRegionCode(p.regionCode()));
        }
        return form(scope, model, form, null, null);
    }

    @PostMapping("/topics")
    String create(DataScope scope, @ModelAttribute("form") TopicForm form, BindingResult result,
                  @RequestParam(required = false) String idempotencyKey, Model model, RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                long id = topics.create(scope, form, idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim());
                flash.addFlashAttribute("message", topics.get(scope, id).pending() ? "consult.topic.raised" : "common.saved");
                return "redirect:/consult/topics/" + id;
            } catch (BusinessException e) {
                FormErrors.reject(result, e);
            }
        }
        return form(scope, model, form, null, idempotencyKey);
    }

    @GetMapping("/topics/{id}/edit")
    String editForm(DataScope scope, @PathVariable long id, Model model) {
        Topic t = topics.get(scope, id);
        return form(scope, model, TopicForm.of(t), t, null);
    }

    @PostMapping("/topics/{id}")
    String update(DataScope scope, @PathVariable long id, @ModelAttribute("form") TopicForm form, BindingResult result, Model model,
                  RedirectAttributes flash) {
        Topic t = topics.get(scope, id);
        if (!result.hasErrors()) {
            try {
                topics.update(scope, id, form);
                flash.addFlashAttribute("message", "common.saved");
                return "redirect:/consult/topics/" + id;
            } catch (BusinessException e) {
                FormErrors.reject(result, e);
            }
        }
        return form(scope, model, form, t, null);
    }

    private String form(DataScope scope, Model model, TopicForm form, Topic topic, String idempotencyKey) {
        List<Platform> choices = new java.util.ArrayList<>(platforms.choices(scope));
        if (topic != null && choices.stream().noneMatch(p -> p.id() == topic.platformId())) {
            choices.add(0, platforms.get(scope, topic.platformId()));
        }
        model.addAttribute("form", form);
        model.addAttribute("topic", topic);
        model.addAttribute("platformChoices", choices);
        java.util.Map<String, String> placeNames = new java.util.HashMap<>();
        choices.forEach(p -> regions.find(p.regionCode()).ifPresent(r -> placeNames.put(r.code(), r.name())));
        model.addAttribute("placeNames", placeNames);
        model.addAttribute("memberChoices", scope.can(Permission.MEMBER_VIEW) ? members.namesInScope(scope) : java.util.Map.of());
        model.addAttribute("regionName", regions.find(form.getRegionCode()).map(r -> r.name()).orElse(""));
        model.addAttribute("idempotencyKey", idempotencyKey == null || idempotencyKey.isBlank() ? java.util.UUID.randomUUID().toString() : idempotencyKey);
        return "consult/topic-form";
    }

    // ---------------------------------------------------------------- a topic

    @GetMapping("/topics/{id}")
    String show(DataScope scope, @PathVariable long id, Model model) {
        model.addAttribute("d", topics.details(scope, id));
        return "consult/topic";
    }

    @PostMapping("/topics/{id}/accept")
    String accept(DataScope scope, @PathVariable long id, @RequestParam int version, RedirectAttributes flash) {
        return act(flash, id, "consult.topic.accepted", () -> topics.accept(scope, id, version));
    }

    @PostMapping("/topics/{id}/decline")
    String decline(DataScope scope, @PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason,
                   RedirectAttributes flash) {
        flash.addFlashAttribute("reason", reason);
        return act(flash, id, "consult.topic.declinedDone", () -> topics.decline(scope, id, version, reason));
    }

    @PostMapping("/topics/{id}/move")
    String move(DataScope scope, @PathVariable long id, @RequestParam int version, @RequestParam long stepId,
                @RequestParam(required = false) String reason, RedirectAttributes flash) {
        flash.addFlashAttribute("reason", reason);
        flash.addFlashAttribute("moveTo", stepId);
        return act(flash, id, "consult.topic.moved", () -> topics.move(scope, id, version, stepId, reason));
    }

    @PostMapping("/topics/{id}/delete")
    String delete(DataScope scope, @PathVariable long id, @RequestParam int version, RedirectAttributes flash) {
        try {
            topics.delete(scope, id, version);
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
            return "redirect:/consult/topics/" + id;
        }
        flash.addFlashAttribute("message", "common.deleted");
        return "redirect:/consult/topics";
    }

    private String act(RedirectAttributes flash, long id, String message, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("message", message);
            flash.getFlashAttributes().remove("reason");
            flash.getFlashAttributes().remove("moveTo");
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/consult/topics/" + id;
    }

    // ---------------------------------------------------------------- import

    @GetMapping("/topics/import")
    String importPage(DataScope scope, Model model) {
        imports.requireImporter(scope);
        model.addAttribute("maxRows", sheets.maxRows());
        model.addAttribute("recent", jobs.recent(scope, TopicImport.KIND, 10));
        return "consult/topic-import";
    }

    @GetMapping("/topics/import/template")
    void template(DataScope scope, Locale locale, HttpServletResponse response) throws IOException {
        Workbooks.send(response, imports.template(scope, locale), "协商议题导入模板.xlsx");
    }

    @PostMapping("/topics/import")
    String upload(DataScope scope, @RequestParam("file") MultipartFile file, Locale locale, RedirectAttributes flash) throws IOException {
        if (file.isEmpty()) {
            flash.addFlashAttribute("error", new BusinessException("import.empty"));
            return "redirect:/consult/topics/import";
        }
        try (InputStream in = file.getInputStream()) {
            long job = imports.start(scope, in, file.getOriginalFilename(), locale);
            return "redirect:/consult/topics/import/jobs/" + job;
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
            return "redirect:/consult/topics/import";
        }
    }

    @GetMapping("/topics/import/jobs/{id}")
    String job(DataScope scope, @PathVariable long id, Model model, Locale locale) {
        addJob(scope, id, model, locale);
        return "consult/topic-import-job";
    }

    @GetMapping("/topics/import/jobs/{id}/progress")
    String progress(DataScope scope, @PathVariable long id, Model model, Locale locale) {
        addJob(scope, id, model, locale);
        return "consult/topic-import-job :: progress";
    }

    @GetMapping("/topics/import/jobs/{id}/errors")
    void errorFile(DataScope scope, @PathVariable long id, HttpServletResponse response) throws IOException {
        JobPages.sendResultFile(jobs, files, scope, id, TopicImport.KIND, response);
    }

    private void addJob(DataScope scope, long id, Model model, Locale locale) {
        JobPages.show(jobs, scope, id, TopicImport.KIND, model, locale);
    }
}
