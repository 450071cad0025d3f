package cn.zhutui.audit;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.PageRequest;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class AuditController {

    /** The kinds of record the log holds, for the filter. */
    static final java.util.List<String> ENTITY_TYPES = java.util.List.of("ledger_entry", "ledger_import", "member", "org", "user",
            "campaign", "focus_area", "task_type", "indicator", "campaign_target", "campaign_deadline", "period", "report", "dict_item", "region", "api_token");
    /** The actions, for the filter. */
    static final java.util.List<String> ACTIONS = java.util.List.of("LOGIN", "LOGIN_FAILED", "CREATE", "UPDATE", "DELETE", "MOVE",
            "SUBMITTED", "APPROVED", "RETURNED", "DRAFT", "SUBMIT", "UNLOCK", "IMPORT", "EXPORT", "VIEW_PII", "RESET_PASSWORD",
            "CHANGE_PASSWORD", "ACTIVATE", "DEACTIVATE", "EVIDENCE_ADD", "EVIDENCE_REMOVE", "REHOME", "TAG_ADD", "TAG_REMOVE", "REVOKE",
            "REVOKE_ALL");

    private final AuditService audit;
    private final AuditLabels labels;

    AuditController(AuditService audit, AuditLabels labels) {
        this.audit = audit;
        this.labels = labels;
    }

    @GetMapping("/admin/audit")
    String search(DataScope scope, @RequestParam(required = false) String username, @RequestParam(required = false) String action,
                  @RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) Integer page, java.util.Locale locale, Model model) {
        AuditQuery q = new AuditQuery(blank(username), blank(action), blank(entityType), blank(entityId), from, to);
        var found = audit.search(scope, q, PageRequest.of(page, 50));
        model.addAttribute("q", q);
        model.addAttribute("page", found);
        model.addAttribute("rows", labels.show(found.items(), locale));
        model.addAttribute("entityTypes", ENTITY_TYPES.stream().map(t -> java.util.Map.entry(t, labels.entity(t, locale))).toList());
        model.addAttribute("actions", ACTIONS);
        return "admin/audit";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
