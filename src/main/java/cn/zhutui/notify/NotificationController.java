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

    /** The notices ticked on the page marked read; the page keeps its filter and page. */
    @PostMapping("/read")
    String read(DataScope scope, @RequestParam(name = "ids", required = false) java.util.List<Long> ids,
                @RequestParam(defaultValue = "false") boolean unread, @RequestParam(required = false) Integer page,
                org.springframework.web.servlet.mvc.support.RedirectAttributes flash) {
        int n = ids == null ? 0 : notifications.read(scope, ids);
        flash.addFlashAttribute("message", n == 0 ? "notify.noneChosen" : "notify.markedRead");
        flash.addFlashAttribute("messageArgs", new Object[] {n});
        return "redirect:/notifications?unread=" + unread + (page == null ? "" : "&page=" + page);
    }

    @PostMapping("/read-all")
    String readAll(DataScope scope) {
        notifications.readAll(scope);
        return "redirect:/notifications";
    }
}
