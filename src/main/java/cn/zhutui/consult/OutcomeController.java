package cn.zhutui.consult;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.FormErrors;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Workbooks;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Locale;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Outcomes: the list (overdue ones flagged) and its export, an outcome's page with its follow-up
 * notes, the residents' feedback and its publication; each form keeps what was typed when a rule
 * is broken.
 */
@Controller
@RequestMapping("/consult/outcomes")
class OutcomeController {

    private final OutcomeService outcomes;
    private final ConsultExports exports;
    private final ConsultPages pages;

    OutcomeController(OutcomeService outcomes, ConsultExports exports, ConsultPages pages) {
        this.outcomes = outcomes;
        this.exports = exports;
        this.pages = pages;
    }

    @GetMapping
    String list(DataScope scope, @ModelAttribute("q") OutcomeQuery q, @RequestParam(required = false) Integer page, Locale locale, Model model) {
        model.addAttribute("page", outcomes.search(scope, q, PageRequest.of(page, 20)));
        pages.filters(scope, q.regionCode(), locale, model);
        return "consult/outcomes";
    }

    @GetMapping("/export")
    void export(DataScope scope, @ModelAttribute OutcomeQuery q, Locale locale, HttpServletResponse response) throws IOException {
        Workbooks.send(response, exports.outcomes(scope, q, locale), "协商成果.xlsx");
    }

    @GetMapping("/{id}")
    String show(DataScope scope, @PathVariable long id, Model model) {
        return page(scope, id, model);
    }

    private String page(DataScope scope, long id, Model model) {
        OutcomeDetails d = outcomes.details(scope, id);
        model.addAttribute("d", d);
        LocalDate today = outcomes.today();
        if (!model.containsAttribute("followUpForm")) {
            FollowUpForm f = new FollowUpForm();
            f.setNotedOn(today);
            model.addAttribute("followUpForm", f);
        }
        if (!model.containsAttribute("feedbackForm")) {
            FeedbackForm f = new FeedbackForm();
            f.setReceivedOn(today);
            model.addAttribute("feedbackForm", f);
        }
        if (!model.containsAttribute("publishForm")) {
            model.addAttribute("publishForm", d.suggestedPublication());
        }
        model.addAttribute("today", today);
        return "consult/outcome";
    }

    @GetMapping("/{id}/edit")
    String editForm(DataScope scope, @PathVariable long id, Model model) {
        Outcome o = outcomes.get(scope, id);
        model.addAttribute("form", OutcomeForm.of(o));
        model.addAttribute("outcome", o);
        return "consult/outcome-form";
    }

    @PostMapping("/{id}")
    String update(DataScope scope, @PathVariable long id, @ModelAttribute("form") OutcomeForm form, BindingResult result, Model model,
                  RedirectAttributes flash) {
        Outcome o = outcomes.get(scope, id);
        if (result.hasErrors()) {
            model.addAttribute("outcome", o);
            return "consult/outcome-form";
        }
        try {
            outcomes.update(scope, id, form);
            flash.addFlashAttribute("message", "common.saved");
            return "redirect:/consult/meetings/" + o.meetingId() + "#outcomes";
        } catch (BusinessException e) {
            FormErrors.reject(result, e);
            model.addAttribute("outcome", o);
            return "consult/outcome-form";
        }
    }

    @PostMapping("/{id}/delete")
    String delete(DataScope scope, @PathVariable long id, @RequestParam int version, RedirectAttributes flash) {
        Outcome o = outcomes.get(scope, id);
        try {
            outcomes.delete(scope, id, version);
            flash.addFlashAttribute("message", "common.deleted");
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/consult/meetings/" + o.meetingId() + "#outcomes";
    }

    @PostMapping("/{id}/follow-ups")
    String followUp(DataScope scope, @PathVariable long id, @ModelAttribute("followUpForm") FollowUpForm form, BindingResult result,
                    @RequestParam(name = "photo", required = false) MultipartFile photo, @RequestParam(required = false) String idempotencyKey,
                    Model model, RedirectAttributes flash) throws IOException {
        if (result.hasErrors()) {
            return page(scope, id, model);
        }
        try (InputStream in = photo == null || photo.isEmpty() ? null : photo.getInputStream()) {
            outcomes.addFollowUp(scope, id, form, in, photo == null ? null : photo.getOriginalFilename(), blank(idempotencyKey));
            flash.addFlashAttribute("message", "consult.followUp.added");
            return "redirect:/consult/outcomes/" + id + "#follow-up";
        } catch (BusinessException e) {
            FormErrors.reject(result, e);
            model.addAttribute("error", e);
            return page(scope, id, model);
        }
    }

    @GetMapping("/{id}/follow-ups/{noteId}/photo")
    void followUpPhoto(DataScope scope, @PathVariable long id, @PathVariable long noteId, HttpServletResponse response) throws IOException {
        pages.send(outcomes.followUpFile(scope, id, noteId), false, response);
    }

    @PostMapping("/{id}/deadline")
    String deadline(DataScope scope, @PathVariable long id, @RequestParam int version,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
                    @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return act(flash, id, "consult.outcome.deadlineMoved", () -> outcomes.changeDeadline(scope, id, version, deadline, reason));
    }

    @PostMapping("/{id}/done")
    String done(DataScope scope, @PathVariable long id, @RequestParam int version,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate doneOn,
                @RequestParam(required = false) String doneNote, RedirectAttributes flash) {
        flash.addFlashAttribute("doneNote", doneNote);
        return act(flash, id, "consult.outcome.doneRecorded", () -> outcomes.markDone(scope, id, version, doneOn, doneNote));
    }

    @PostMapping("/{id}/feedback")
    String feedback(DataScope scope, @PathVariable long id, @ModelAttribute("feedbackForm") FeedbackForm form, BindingResult result,
                    @RequestParam(required = false) String idempotencyKey, Model model, RedirectAttributes flash) {
        if (result.hasErrors()) {
            return page(scope, id, model);
        }
        try {
            outcomes.addFeedback(scope, id, form, blank(idempotencyKey));
            flash.addFlashAttribute("message", "consult.feedback.added");
            return "redirect:/consult/outcomes/" + id + "#feedback";
        } catch (BusinessException e) {
            FormErrors.reject(result, e);
            model.addAttribute("error", e);
            return page(scope, id, model);
        }
    }

    @PostMapping("/{id}/publish")
    String publish(DataScope scope, @PathVariable long id, @ModelAttribute("publishForm") PublishForm form, BindingResult result, Model model,
                   RedirectAttributes flash) {
        if (result.hasErrors()) {
            return page(scope, id, model);
        }
        try {
            outcomes.publish(scope, id, form);
            flash.addFlashAttribute("message", "consult.publish.done");
            return "redirect:/consult/outcomes/" + id + "#publication";
        } catch (BusinessException e) {
            FormErrors.reject(result, e);
            model.addAttribute("error", e);
            return page(scope, id, model);
        }
    }

    @PostMapping("/{id}/unpublish")
    String unpublish(DataScope scope, @PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason,
                     RedirectAttributes flash) {
        return act(flash, id, "consult.publish.withdrawn", () -> outcomes.unpublish(scope, id, version, reason));
    }

    private String act(RedirectAttributes flash, long id, String message, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("message", message);
            flash.getFlashAttributes().remove("doneNote");
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/consult/outcomes/" + id;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
