package cn.zhutui.security;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/account")
class AccountController {

    private final UserService users;
    private final CurrentScope current;
    private final ApiTokenService tokens;
    private final SecurityProperties props;

    AccountController(UserService users, CurrentScope current, ApiTokenService tokens, SecurityProperties props) {
        this.props = props;
        this.users = users;
        this.current = current;
        this.tokens = tokens;
    }

    @GetMapping("/tokens")
    String tokens(DataScope scope, Model model) {
        model.addAttribute("tokens", tokens.mine(scope));
        return "account/tokens";
    }

    @PostMapping("/tokens")
    String createToken(DataScope scope, @RequestParam String name, @RequestParam(defaultValue = "90") int days, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("newToken", tokens.create(scope, name, days));
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/account/tokens";
    }

    @PostMapping("/tokens/{id}/revoke")
    String revokeToken(DataScope scope, @org.springframework.web.bind.annotation.PathVariable long id, RedirectAttributes flash) {
        tokens.revoke(scope, id);
        flash.addFlashAttribute("message", "token.revoked");
        return "redirect:/account/tokens";
    }

    @GetMapping("/password")
    String passwordForm(Model model) {
        model.addAttribute("mustChange", current.mustChangePassword());
        model.addAttribute("expired", current.passwordExpired());
        model.addAttribute("maxAgeDays", props.passwordMaxAgeDays());
        return "account/password";
    }

    @PostMapping("/password")
    String changePassword(DataScope scope, @RequestParam String oldPassword, @RequestParam String newPassword,
                          @RequestParam String confirm, Model model, RedirectAttributes flash) {
        try {
            users.changeOwnPassword(scope, oldPassword, newPassword, confirm);
        } catch (BusinessException e) {
            model.addAttribute("error", e);
            model.addAttribute("mustChange", current.mustChangePassword());
            model.addAttribute("expired", current.passwordExpired());
            model.addAttribute("maxAgeDays", props.passwordMaxAgeDays());
            return "account/password";
        }
        current.evict();
        flash.addFlashAttribute("message", "password.changed");
        return "redirect:/";
    }
}
