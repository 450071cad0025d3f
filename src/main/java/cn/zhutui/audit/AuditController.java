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

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String search(DataScope scope, @RequestParam(required = false) String username, @RequestParam(required = false) String action,
                  @RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) Integer page, Model model) {
        AuditQuery q = new AuditQuery(username, action, entityType, entityId, from, to);
        model.addAttribute("q", q);
        model.addAttribute("page", audit.search(scope, q, PageRequest.of(page, 50)));
        return "admin/audit";
    }
}
