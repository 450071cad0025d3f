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

    AccountController(UserService users, CurrentScope current) {
        this.users = users;
        this.current = current;
    }

    @GetMapping("/password")
    String passwordForm(Model model) {
        model.addAttribute("mustChange", current.mustChangePassword());
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
            return "account/password";
        }
        current.evict();
        flash.addFlashAttribute("message", "password.changed");
        return "redirect:/";
    }
}
