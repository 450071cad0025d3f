package cn.zhutui.notify;

import cn.zhutui.ledger.EntryStatus;
import cn.zhutui.ledger.EntryStatusChanged;
import cn.zhutui.ledger.LedgerService;
import cn.zhutui.security.UserAccount;
import cn.zhutui.security.UserService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the author of a returned entry, and the members it names, why it came back. */
@Component
class ReturnedEntryNotifier {

    private final NotificationService notifications;
    private final LedgerService ledger;
    private final UserService users;

    ReturnedEntryNotifier(NotificationService notifications, LedgerService ledger, UserService users) {
        this.notifications = notifications;
        this.ledger = ledger;
        this.users = users;
    }

    @EventListener
    void on(EntryStatusChanged event) {
        if (event.to() != EntryStatus.RETURNED) {
            return;
        }
        Set<Long> recipients = new LinkedHashSet<>();
        recipients.add(event.createdBy());
        for (long memberId : ledger.memberIds(event.entryId())) {
            users.findByMember(memberId).map(UserAccount::id).ifPresent(recipients::add);
        }
        recipients.remove(event.actorUserId());
        String title = ledger.title(event.entryId());
        notifications.notify(recipients, "ENTRY_RETURNED", "notify.entryReturned",
                List.of(title, event.reason() == null ? "" : event.reason()), "/entries/" + event.entryId(), null);
    }
}
