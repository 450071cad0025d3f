package cn.zhutui.consult;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.FormErrors;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Permission;
import cn.zhutui.common.Workbooks;
import cn.zhutui.file.FileService;
import cn.zhutui.file.StoredFile;
import cn.zhutui.member.MemberService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * Meetings: the list and its export, the form, a meeting's page (people and sign-in, minutes and
 * consensus, confirmations, photos, outcomes), the phone sign-in page, and the outcome report as a
 * .docx and a print page.
 */
@Controller
@RequestMapping("/consult/meetings")
class MeetingController {

    private final MeetingService meetings;
    private final OutcomeService outcomes;
    private final TopicService topics;
    private final PlatformService platforms;
    private final OutcomeReportService reports;
    private final ConsultExports exports;
    private final ConsultPages pages;
    private final MemberService members;
    private final FileService files;

    MeetingController(MeetingService meetings, OutcomeService outcomes, TopicService topics, PlatformService platforms, OutcomeReportService reports,
                      ConsultExports exports, ConsultPages pages, MemberService members, FileService files) {
        this.meetings = meetings;
        this.outcomes = outcomes;
        this.topics = topics;
        this.platforms = platforms;
        this.reports = reports;
        this.exports = exports;
        this.pages = pages;
        this.members = members;
        this.files = files;
    }

    @GetMapping
    String list(DataScope scope, @ModelAttribute("q") MeetingQuery q, @RequestParam(required = false) Integer page, Locale locale, Model model) {
        model.addAttribute("page", meetings.search(scope, q, PageRequest.of(page, 20)));
        pages.filters(scope, null, locale, model);
        return "consult/meetings";
    }

    @GetMapping("/export")
    void export(DataScope scope, @ModelAttribute MeetingQuery q, Locale locale, HttpServletResponse response) throws IOException {
        Workbooks.send(response, exports.meetings(scope, q, locale), "协商议事会议.xlsx");
    }

    // ---------------------------------------------------------------- the form

    @GetMapping("/new")
    String newForm(DataScope scope, @RequestParam long topicId, Model model) {
        Topic t = topics.get(scope, topicId);
        MeetingForm form = new MeetingForm();
        form.setTopicId(topicId);
        form.setTitle("关于" + t.title().replaceFirst("^关于", "") + "的协商议事会议");
        form.setHeldOn(topics.today());
        Platform p = platforms.get(scope, t.platformId());
        form.setPlace(p.venue() == null ? p.name() : p.venue());
        return form(scope, model, form, t, null);
    }

    @PostMapping
    String create(DataScope scope, @ModelAttribute("form") MeetingForm form, BindingResult result, Model model, RedirectAttributes flash) {
        Topic t = form.getTopicId() == null ? null : topics.get(scope, form.getTopicId());
        if (t == null) {
            throw new NotFoundException("topic", "none");
        }
        if (!result.hasErrors()) {
            try {
                long id = meetings.create(scope, form);
                flash.addFlashAttribute("message", "common.saved");
                return "redirect:/consult/meetings/" + id;
            } catch (BusinessException e) {
                FormErrors.reject(result, e);
            }
        }
        return form(scope, model, form, t, null);
    }

    @GetMapping("/{id}/edit")
    String editForm(DataScope scope, @PathVariable long id, Model model) {
        Meeting m = meetings.get(scope, id);
        return form(scope, model, MeetingForm.of(m), topics.get(scope, m.topicId()), m);
    }

    @PostMapping("/{id}")
    String update(DataScope scope, @PathVariable long id, @ModelAttribute("form") MeetingForm form, BindingResult result, Model model,
                  RedirectAttributes flash) {
        Meeting m = meetings.get(scope, id);
        form.setTopicId(m.topicId());
        if (!result.hasErrors()) {
            try {
                meetings.update(scope, id, form);
                flash.addFlashAttribute("message", "common.saved");
                return "redirect:/consult/meetings/" + id;
            } catch (BusinessException e) {
                FormErrors.reject(result, e);
            }
        }
        return form(scope, model, form, topics.get(scope, m.topicId()), m);
    }

    private String form(DataScope scope, Model model, MeetingForm form, Topic topic, Meeting meeting) {
        model.addAttribute("form", form);
        model.addAttribute("topic", topic);
        model.addAttribute("meeting", meeting);
        model.addAttribute("memberChoices", members.namesInScope(scope));
        return "consult/meeting-form";
    }

    // ---------------------------------------------------------------- a meeting

    @GetMapping("/{id}")
    String show(DataScope scope, @PathVariable long id, Model model) {
        return page(scope, id, model);
    }

    String page(DataScope scope, long id, Model model) {
        MeetingDetails d = meetings.details(scope, id);
        model.addAttribute("d", d);
        if (!model.containsAttribute("minutesForm")) {
            model.addAttribute("minutesForm", MinutesForm.of(d.meeting()));
        }
        if (!model.containsAttribute("outcomeForm")) {
            model.addAttribute("outcomeForm", new OutcomeForm());
        }
        if (!model.containsAttribute("participantForm")) {
            ParticipantForm p = new ParticipantForm();
            p.setRole("RESIDENT_REP");
            model.addAttribute("participantForm", p);
        }
        if (d.can("PARTICIPANTS") && scope.can(Permission.MEMBER_VIEW)) {
            model.addAttribute("memberChoices", members.namesInScope(scope));
        }
        return "consult/meeting";
    }

    /** The sign-in page for a phone: one big button a person. */
    @GetMapping("/{id}/sign-in")
    String signIn(DataScope scope, @PathVariable long id, Model model) {
        model.addAttribute("d", meetings.details(scope, id));
        return "consult/sign-in";
    }

    @PostMapping("/{id}/participants")
    String addParticipant(DataScope scope, @PathVariable long id, @ModelAttribute("participantForm") ParticipantForm form, BindingResult result,
                          @RequestParam(required = false) String back, Model model, RedirectAttributes flash) {
        if (result.hasErrors()) {
            flash.addFlashAttribute("error", new BusinessException("error.badRequest"));
            return back(id, back, "#people");
        }
        try {
            meetings.addParticipant(scope, id, form);
            flash.addFlashAttribute("message", "consult.participant.added");
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
            flash.addFlashAttribute("participantForm", form);
        }
        return back(id, back, "#people");
    }

    @PostMapping("/{id}/participants/{pid}/delete")
    String removeParticipant(DataScope scope, @PathVariable long id, @PathVariable long pid, RedirectAttributes flash) {
        return act(flash, id, "common.deleted", "#people", () -> meetings.removeParticipant(scope, id, pid));
    }

    @PostMapping("/{id}/participants/{pid}/attendance")
    String attendance(DataScope scope, @PathVariable long id, @PathVariable long pid, @RequestParam boolean present,
                      @RequestParam(required = false) String back, RedirectAttributes flash) {
        try {
            meetings.attendance(scope, id, pid, present);
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return back(id, back, "#people");
    }

    @PostMapping("/{id}/minutes")
    String minutes(DataScope scope, @PathVariable long id, @ModelAttribute("minutesForm") MinutesForm form, BindingResult result, Model model,
                   RedirectAttributes flash) {
        if (result.hasErrors()) {
            return page(scope, id, model);
        }
        try {
            meetings.saveMinutes(scope, id, form);
            flash.addFlashAttribute("message", "common.saved");
            return "redirect:/consult/meetings/" + id + "#minutes";
        } catch (BusinessException e) {
            FormErrors.reject(result, e);
            model.addAttribute("error", e);
            return page(scope, id, model);
        } catch (cn.zhutui.common.ConflictException e) {
            // someone changed the meeting meanwhile: keep what was typed, say so; saving again keeps this text
            form.setVersion(meetings.get(scope, id).version());
            model.addAttribute("error", new BusinessException("consult.minutes.conflict"));
            return page(scope, id, model);
        }
    }

    @PostMapping("/{id}/send")
    String send(DataScope scope, @PathVariable long id, @RequestParam int version, RedirectAttributes flash) {
        return act(flash, id, "consult.minutes.sent", "#minutes", () -> meetings.send(scope, id, version));
    }

    @PostMapping("/{id}/confirm")
    String confirm(DataScope scope, @PathVariable long id, RedirectAttributes flash) {
        return act(flash, id, "consult.minutes.confirmed", "#minutes", () -> meetings.confirm(scope, id));
    }

    @PostMapping("/{id}/participants/{pid}/signature")
    String signature(DataScope scope, @PathVariable long id, @PathVariable long pid, RedirectAttributes flash) {
        return act(flash, id, "consult.minutes.signed", "#people", () -> meetings.recordSignature(scope, id, pid));
    }

    @PostMapping("/{id}/return")
    String returnToDraft(DataScope scope, @PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason,
                         RedirectAttributes flash) {
        flash.addFlashAttribute("reason", reason);
        return act(flash, id, "consult.minutes.returned", "#minutes", () -> meetings.returnToDraft(scope, id, version, reason));
    }

    @PostMapping("/{id}/finalize")
    String finalizeMinutes(DataScope scope, @PathVariable long id, @RequestParam int version, RedirectAttributes flash) {
        return act(flash, id, "consult.minutes.finalized", "#minutes", () -> meetings.finalizeMinutes(scope, id, version));
    }

    @PostMapping("/{id}/delete")
    String delete(DataScope scope, @PathVariable long id, @RequestParam int version, RedirectAttributes flash) {
        Meeting m = meetings.get(scope, id);
        try {
            meetings.delete(scope, id, version);
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
            return "redirect:/consult/meetings/" + id;
        }
        flash.addFlashAttribute("message", "common.deleted");
        return "redirect:/consult/topics/" + m.topicId();
    }

    // ---------------------------------------------------------------- outcomes agreed

    @PostMapping("/{id}/outcomes")
    String addOutcome(DataScope scope, @PathVariable long id, @ModelAttribute("outcomeForm") OutcomeForm form, BindingResult result,
                      Model model, RedirectAttributes flash) {
        if (result.hasErrors()) {
            return page(scope, id, model);
        }
        try {
            outcomes.create(scope, id, form);
            flash.addFlashAttribute("message", "consult.outcome.added");
            return "redirect:/consult/meetings/" + id + "#outcomes";
        } catch (BusinessException e) {
            FormErrors.reject(result, e);
            return page(scope, id, model);
        }
    }

    // ---------------------------------------------------------------- files

    @PostMapping("/{id}/files")
    String upload(DataScope scope, @PathVariable long id, @RequestParam("file") MultipartFile file, @RequestParam(required = false) String caption,
                  RedirectAttributes flash) throws IOException {
        if (file.isEmpty()) {
            flash.addFlashAttribute("error", new BusinessException("import.empty"));
            return "redirect:/consult/meetings/" + id + "#files";
        }
        try (InputStream in = file.getInputStream()) {
            meetings.addFile(scope, id, in, file.getOriginalFilename(), caption);
            flash.addFlashAttribute("message", "consult.file.added");
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/consult/meetings/" + id + "#files";
    }

    @PostMapping("/{id}/files/{fileId}/delete")
    String removeFile(DataScope scope, @PathVariable long id, @PathVariable long fileId, RedirectAttributes flash) {
        return act(flash, id, "common.deleted", "#files", () -> meetings.removeFile(scope, id, fileId));
    }

    @GetMapping("/{id}/files/{fileId}")
    void download(DataScope scope, @PathVariable long id, @PathVariable long fileId, HttpServletResponse response) throws IOException {
        pages.send(meetings.file(scope, id, fileId), false, response);
    }

    @GetMapping("/{id}/files/{fileId}/thumb")
    void thumbnail(DataScope scope, @PathVariable long id, @PathVariable long fileId, HttpServletResponse response) throws IOException {
        pages.send(meetings.file(scope, id, fileId), true, response);
    }

    // ---------------------------------------------------------------- the outcome report

    @GetMapping("/{id}/report.docx")
    void reportDocx(DataScope scope, @PathVariable long id, HttpServletResponse response) throws IOException {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        String name = reports.writeDocx(scope, id, buffer);
        response.setContentType(OutcomeReportWord.DOCX);
        response.setHeader("Content-Disposition", Workbooks.attachment(name));
        response.getOutputStream().write(buffer.toByteArray());
    }

    @GetMapping("/{id}/report")
    String reportPrint(DataScope scope, @PathVariable long id, Model model) {
        model.addAttribute("r", reports.forPrint(scope, id));
        model.addAttribute("meetingId", id);
        return "consult/report";
    }

    // ---------------------------------------------------------------- helpers

    private String act(RedirectAttributes flash, long id, String message, String anchor, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("message", message);
            flash.getFlashAttributes().remove("reason");
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/consult/meetings/" + id + anchor;
    }

    private static String back(long id, String back, String anchor) {
        return "sign-in".equals(back) ? "redirect:/consult/meetings/" + id + "/sign-in" : "redirect:/consult/meetings/" + id + anchor;
    }
}
