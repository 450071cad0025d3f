package cn.zhutui.web;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.Permission;
import cn.zhutui.member.MemberService;
import cn.zhutui.org.OrgService;
import cn.zhutui.region.RegionService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final OrgService orgs;
    private final MemberService members;
    private final RegionService regions;

    HomeController(OrgService orgs, MemberService members, RegionService regions) {
        this.orgs = orgs;
        this.members = members;
        this.regions = regions;
    }

    @GetMapping("/")
    String home(DataScope scope, Model model) {
        model.addAttribute("orgCount", orgs.count(scope));
        model.addAttribute("memberCount", scope.can(Permission.MEMBER_VIEW) ? members.count(scope) : null);
        model.addAttribute("regionCount", regions.count());
        model.addAttribute("myOrg", orgs.get(scope, scope.orgId()));
        return "home";
    }
}
