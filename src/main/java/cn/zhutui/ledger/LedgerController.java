package cn.zhutui.ledger;

import cn.zhutui.common.ReportPeriod;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Permission;
import cn.zhutui.member.MemberService;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The entry list, an entry's page, its lifecycle actions, and the reviewer's queue. */
@Controller
@RequestMapping("/entries")
class LedgerController {

    private final LedgerService ledger;
    private final LedgerFilters filters;
    private final MemberService members;
    private final LedgerExportService exports;

    LedgerController(LedgerService ledger, LedgerFilters filters, MemberService members, LedgerExportService exports) {
        this.ledger = ledger;
        this.filters = filters;
        this.members = members;
        this.exports = exports;
    }

    @GetMapping
    String list(DataScope scope, @org.springframework.web.bind.annotation.ModelAttribute("params") LedgerQueryParams params,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                @RequestParam(required = false) Long reportOrg, @RequestParam(required = false) String reportPeriod,
                Locale locale, Model model) {
        LedgerQuery q = params.toQuery();
        Long memberId = q.memberId();
        var entries = ledger.search(scope, q, PageRequest.of(page, size == null ? 20 : size));
        model.addAttribute("page", entries);
        // a list narrow enough (a drill-down, a unit's period) ends with the sums of all its entries
        model.addAttribute("sums", q.campaignId() != null && !entries.totalAtLeast() && entries.total() > 0 ? ledger.sums(scope, q) : null);
        // opened from a figure of the statistics table: the way back to that cell, and its period by name
        if (reportPeriod != null && cn.zhutui.common.ReportPeriod.isValid(reportPeriod)) {
            model.addAttribute("reportPeriodLabel", cn.zhutui.common.ReportPeriod.parse(reportPeriod).label(locale));
            model.addAttribute("reportBack", "/reports?campaignId=" + q.campaignId() + (reportOrg == null ? "" : "&orgId=" + reportOrg)
                    + "&periodId=" + reportPeriod + (q.counted() == LedgerQuery.Counted.APPROVED_AND_SUBMITTED ? "&submitted=true" : "")
                    + (q.regionCode() == null ? "" : "&regionCode=" + q.regionCode()) + (q.tag() == null ? "" : "&tag=" + q.tag()));
        }
        model.addAttribute("memberName", memberId == null || !members.visible(scope, memberId) ? null
                : members.find(memberId).map(m -> m.name()).orElse(null));
        filters.addTo(model, scope, q, locale);
        return "ledger/list";
    }

    @GetMapping("/export")
    void export(DataScope scope, @org.springframework.web.bind.annotation.ModelAttribute LedgerQueryParams params, Locale locale,
                jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        cn.zhutui.common.Workbooks.send(response, exports.export(scope, params.toQuery(), locale), "台账.xlsx");
    }

    @GetMapping("/{id}")
    String show(DataScope scope, @PathVariable long id, @RequestParam(required = false) String from, Model model) {
        model.addAttribute("d", ledger.details(scope, id));
        model.addAttribute("fromQueue", "queue".equals(from));
        return "ledger/show";
    }

    @PostMapping("/{id}/submit")
    String submit(DataScope scope, @PathVariable long id, @RequestParam int version, RedirectAttributes flash) {
        return act(flash, id, "ledger.submitted", () -> ledger.submit(scope, id, version));
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(DataScope scope, @PathVariable long id, @RequestParam int version, RedirectAttributes flash) {
        return act(flash, id, "ledger.withdrawn", () -> ledger.withdraw(scope, id, version));
    }

    @PostMapping("/{id}/approve")
    String approve(DataScope scope, @PathVariable long id, @RequestParam int version,
                   @RequestParam(required = false) String next, RedirectAttributes flash) {
        String view = act(flash, id, "ledger.approved", () -> ledger.approve(scope, id, version));
        return afterDecision(scope, id, next, view, flash);
    }

    @PostMapping("/{id}/return")
    String returnEntry(DataScope scope, @PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason,
                       @RequestParam(required = false) String next, RedirectAttributes flash) {
        String view = act(flash, id, "ledger.returned", () -> ledger.returnEntry(scope, id, version, reason));
        return afterDecision(scope, id, next, view, flash);
    }

    /**
     * After a decision made from the queue: straight on to the next entry waiting, oldest first
     * (the decision's message shown there), or the queue when none is left.
     */
    private String afterDecision(DataScope scope, long id, String next, String view, RedirectAttributes flash) {
        if (!"queue".equals(next) || flash.getFlashAttributes().containsKey("error")) {
            return view;
        }
        return ledger.nextInQueue(scope, id).map(n -> "redirect:/entries/" + n + "?from=queue").orElseGet(() -> {
            flash.addFlashAttribute("message", "ledger.review.queueDone");
            return "redirect:/entries/review";
        });
    }

    /** The next entry waiting after the given one (a link for a reviewer who skips one). */
    @GetMapping("/review/next")
    String nextInQueue(DataScope scope, @RequestParam(required = false) Long after, RedirectAttributes flash) {
        return ledger.nextInQueue(scope, after).map(id -> "redirect:/entries/" + id + "?from=queue").orElseGet(() -> {
            flash.addFlashAttribute("message", "ledger.review.queueDone");
            return "redirect:/entries/review";
        });
    }

    @PostMapping("/{id}/revoke")
    String revoke(DataScope scope, @PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason,
                  RedirectAttributes flash) {
        return act(flash, id, "ledger.revoked", () -> ledger.revoke(scope, id, version, reason));
    }

    @PostMapping("/{id}/delete")
    String delete(DataScope scope, @PathVariable long id, @RequestParam int version, RedirectAttributes flash) {
        try {
            ledger.delete(scope, id, version);
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
            return "redirect:/entries/" + id;
        }
        flash.addFlashAttribute("message", "common.deleted");
        return "redirect:/entries";
    }

    /**
     * What waits for this reviewer: every entry they may review, in their unit and the units below
     * (a province or prefecture reviewer reviews the levels below too), oldest first; "own" narrows
     * it to the entries their own committee reviews.
     */
    @GetMapping("/review")
    String queue(DataScope scope, @RequestParam(required = false) Long campaignId, @RequestParam(required = false) Long taskTypeId,
                 @RequestParam(required = false) Long orgId, @RequestParam(defaultValue = "false") boolean own,
                 @RequestParam(defaultValue = "false") boolean flagged, @RequestParam(required = false) String text,
                 @RequestParam(required = false) Integer page,
                 @RequestParam(required = false) Integer size, Locale locale, Model model, jakarta.servlet.http.HttpServletRequest request) {
        scope.require(Permission.LEDGER_REVIEW);
        LedgerQuery q = new LedgerQuery(campaignId, taskTypeId, orgId, null, null, null, EntryStatus.SUBMITTED, flagged,
                text == null || text.isBlank() ? null : text.trim(), null);
        model.addAttribute("page", ledger.reviewQueue(scope, q, !own, PageRequest.of(page, size == null ? 50 : size)));
        model.addAttribute("own", own);
        model.addAttribute("back", request.getQueryString() == null ? "" : request.getQueryString());
        filters.addTo(model, scope, q, locale);
        return "ledger/review";
    }

    @PostMapping("/review/approve")
    String approveAll(DataScope scope, @RequestParam(name = "ids", required = false) List<Long> ids,
                      @RequestParam(required = false) String back, RedirectAttributes flash) {
        BulkResult result = ledger.approveAll(scope, ids == null ? List.of() : ids);
        flash.addFlashAttribute("message", "ledger.bulkApproved");
        flash.addFlashAttribute("messageArgs", new Object[] {result.done(), result.skipped().size()});
        flash.addFlashAttribute("skipped", result.skipped());
        return backToQueue(back);
    }

    /** Returns the chosen entries, all with the one reason given. */
    @PostMapping("/review/return")
    String returnAll(DataScope scope, @RequestParam(name = "ids", required = false) List<Long> ids, @RequestParam(required = false) String reason,
                     @RequestParam(required = false) String back, RedirectAttributes flash) {
        try {
            BulkResult result = ledger.returnAll(scope, ids == null ? List.of() : ids, reason);
            flash.addFlashAttribute("message", "ledger.bulkReturned");
            flash.addFlashAttribute("messageArgs", new Object[] {result.done(), result.skipped().size()});
            flash.addFlashAttribute("skipped", result.skipped());
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return backToQueue(back);
    }

    /** Back to the queue with the filters it had (only its own query string, never another address). */
    private static String backToQueue(String back) {
        return back == null || back.isBlank() || back.contains("//") || back.contains("\\") ? "redirect:/entries/review"
                : "redirect:/entries/review?" + back;
    }

    private String act(RedirectAttributes flash, long id, String message, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("message", message);
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/entries/" + id;
    }
}
