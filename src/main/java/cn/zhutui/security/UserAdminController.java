package cn.zhutui.security;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.FormErrors;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Permission;
import cn.zhutui.common.Role;
import cn.zhutui.member.MemberService;
import cn.zhutui.org.OrgService;
import cn.zhutui.region.RegionService;
import jakarta.validation.Valid;
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

@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    private final UserService users;
    private final OrgService orgs;
    private final RegionService regions;
    private final MemberService members;

    UserAdminController(UserService users, OrgService orgs, RegionService regions, MemberService members) {
        this.users = users;
        this.orgs = orgs;
        this.regions = regions;
        this.members = members;
    }

    @ModelAttribute("roles")
    Role[] roles() {
        return Role.values();
    }

    @GetMapping
    String list(DataScope scope, @RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("page", users.search(scope, q, PageRequest.of(page, 20)));
        model.addAttribute("q", q);
        model.addAttribute("orgNames", orgs.inScope(scope).stream().collect(java.util.stream.Collectors.toMap(o -> o.id(), o -> o.name())));
        return "admin/users";
    }

    @GetMapping("/new")
    String newForm(DataScope scope, Model model) {
        scope.require(Permission.USER_ADMIN);
        UserForm form = new UserForm();
        form.setOrgId(scope.orgId());
        return form(scope, model, form, null);
    }

    @PostMapping
    String create(DataScope scope, @Valid @ModelAttribute("form") UserForm form, BindingResult result, Model model,
                  RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                String password = users.create(scope, form, null);
                flash.addFlashAttribute("oneTimePassword", password);
                flash.addFlashAttribute("oneTimeUser", form.getUsername());
                return "redirect:/admin/users";
            } catch (BusinessException e) {
                FormErrors.reject(result, e);
            }
        }
        return form(scope, model, form, null);
    }

    @GetMapping("/{id}")
    String editForm(DataScope scope, @PathVariable long id, Model model) {
        UserAccount user = users.get(scope, id);
        return form(scope, model, UserForm.of(user), user);
    }

    @PostMapping("/{id}")
    String update(DataScope scope, @PathVariable long id, @Valid @ModelAttribute("form") UserForm form, BindingResult result,
                  Model model, RedirectAttributes flash) {
        UserAccount user = users.get(scope, id);
        if (!result.hasErrors()) {
            try {
                users.update(scope, id, form);
                flash.addFlashAttribute("message", "common.saved");
                return "redirect:/admin/users";
            } catch (BusinessException e) {
                FormErrors.reject(result, e);
            }
        }
        return form(scope, model, form, user);
    }

    @PostMapping("/{id}/reset-password")
    String reset(DataScope scope, @PathVariable long id, RedirectAttributes flash) {
        UserAccount user = users.get(scope, id);
        flash.addFlashAttribute("oneTimePassword", users.resetPassword(scope, id));
        flash.addFlashAttribute("oneTimeUser", user.username());
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}/revoke-tokens")
    String revokeTokens(DataScope scope, @PathVariable long id, RedirectAttributes flash) {
        int n = users.revokeTokens(scope, id);
        flash.addFlashAttribute("message", "token.revokedAll");
        flash.addFlashAttribute("messageArgs", new Object[] {n});
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/unlock")
    String unlock(DataScope scope, @PathVariable long id, RedirectAttributes flash) {
        users.unlock(scope, id);
        flash.addFlashAttribute("message", "user.unlocked");
        return "redirect:/admin/users/" + id;
    }

    private String form(DataScope scope, Model model, UserForm form, UserAccount user) {
        model.addAttribute("form", form);
        model.addAttribute("user", user);
        model.addAttribute("orgChoices", orgs.inScope(scope));
        model.addAttribute("regionName", regions.find(form.getRegionCode()).map(r -> r.name()).orElse(""));
        model.addAttribute("memberName", form.getMemberId() == null || !members.visible(scope, form.getMemberId()) ? ""
                : members.find(form.getMemberId()).map(m -> m.name()).orElse(""));
        return "admin/user-form";
    }
}
