package cn.zhutui.ledger;

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
                @RequestParam(required = false) Integer page, Locale locale, Model model) {
        LedgerQuery q = params.toQuery();
        Long memberId = q.memberId();
        model.addAttribute("page", ledger.search(scope, q, PageRequest.of(page, 20)));
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
    String show(DataScope scope, @PathVariable long id, Model model) {
        model.addAttribute("d", ledger.details(scope, id));
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
        return "queue".equals(next) ? "redirect:/entries/review" : view;
    }

    @PostMapping("/{id}/return")
    String returnEntry(DataScope scope, @PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason,
                       RedirectAttributes flash) {
        return act(flash, id, "ledger.returned", () -> ledger.returnEntry(scope, id, version, reason));
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

    @GetMapping("/review")
    String queue(DataScope scope, @RequestParam(required = false) Long campaignId, @RequestParam(required = false) Long taskTypeId,
                 @RequestParam(required = false) Long orgId, @RequestParam(defaultValue = "false") boolean all,
                 @RequestParam(defaultValue = "false") boolean flagged, @RequestParam(required = false) Integer page,
                 Locale locale, Model model) {
        scope.require(Permission.LEDGER_REVIEW);
        LedgerQuery q = new LedgerQuery(campaignId, taskTypeId, orgId, null, null, null, EntryStatus.SUBMITTED, flagged, null, null);
        model.addAttribute("page", ledger.reviewQueue(scope, q, all, PageRequest.of(page, 50)));
        model.addAttribute("all", all);
        filters.addTo(model, scope, q, locale);
        return "ledger/review";
    }

    @PostMapping("/review/approve")
    String approveAll(DataScope scope, @RequestParam(name = "ids", required = false) List<Long> ids, RedirectAttributes flash) {
        BulkResult result = ledger.approveAll(scope, ids == null ? List.of() : ids);
        flash.addFlashAttribute("message", "ledger.bulkApproved");
        flash.addFlashAttribute("messageArgs", new Object[] {result.done(), result.skipped().size()});
        flash.addFlashAttribute("skipped", result.skipped());
        return "redirect:/entries/review";
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
