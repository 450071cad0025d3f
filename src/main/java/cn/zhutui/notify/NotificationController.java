package cn.zhutui.notify;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@RequestMapping("/notifications")
class NotificationController {

    private final NotificationService notifications;

    NotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    String list(DataScope scope, @RequestParam(defaultValue = "false") boolean unread, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("page", notifications.list(scope, unread, PageRequest.of(page, 30)));
        model.addAttribute("unreadOnly", unread);
        return "notify/list";
    }

    /** The bell's count (htmx, every minute). */
    @GetMapping("/count")
    String count(DataScope scope, Model model) {
        model.addAttribute("unread", notifications.unread(scope));
        return "notify/list :: count";
    }

    @GetMapping("/{id}")
    String open(DataScope scope, @PathVariable long id) {
        Notification n = notifications.open(scope, id);
        return "redirect:" + (n.link() == null || !n.link().startsWith("/") ? "/notifications" : n.link());
    }

    @PostMapping("/read-all")
    String readAll(DataScope scope) {
        notifications.readAll(scope);
        return "redirect:/notifications";
    }
}
