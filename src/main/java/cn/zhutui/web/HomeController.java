package cn.zhutui.web;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.Permission;
import cn.zhutui.common.Role;
import cn.zhutui.common.WorkItem;
import cn.zhutui.common.WorkItemSource;
import cn.zhutui.org.OrgService;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page is the user's workbench (工作台): what waits for them, from every module, urgent
 * first, each count opening its list. A leader, who only reads, lands on the dashboard.
 */
@Controller
class HomeController {

    private final OrgService orgs;
    private final List<WorkItemSource> sources;

    HomeController(OrgService orgs, List<WorkItemSource> sources) {
        this.orgs = orgs;
        this.sources = sources;
    }

    @GetMapping("/")
    String home(DataScope scope, Model model) {
        if (scope.can(Permission.REPORT_VIEW) && EnumSet.of(Role.VIEWER).containsAll(scope.roles())) {
            return "redirect:/dashboard";
        }
        List<WorkItem> items = sources.stream().flatMap(s -> s.items(scope).stream())
                .sorted(Comparator.comparing((WorkItem i) -> !i.urgent()).thenComparingInt(WorkItem::order)).toList();
        model.addAttribute("items", items);
        model.addAttribute("myOrg", orgs.get(scope, scope.orgId()));
        return "home";
    }
}
