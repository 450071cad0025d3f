package cn.zhutui.ledger;

import cn.zhutui.ledger.internal.LedgerRepository;
import cn.zhutui.notify.Notice;
import cn.zhutui.security.UserAccount;
import cn.zhutui.security.UserService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the author of an entry, and the members it names, when it is approved, and when it comes
 * back with the reason why.
 */
@Component
class EntryNotices {

    private final LedgerRepository repository;
    private final UserService users;
    private final ApplicationEventPublisher events;

    EntryNotices(LedgerRepository repository, UserService users, ApplicationEventPublisher events) {
        this.repository = repository;
        this.users = users;
        this.events = events;
    }

    @EventListener
    void on(EntryStatusChanged event) {
        if (event.to() != EntryStatus.RETURNED && event.to() != EntryStatus.APPROVED) {
            return;
        }
        Set<Long> recipients = new LinkedHashSet<>();
        recipients.add(event.createdBy());
        for (long memberId : repository.members(List.of(event.entryId())).getOrDefault(event.entryId(), List.of())) {
            users.findByMember(memberId).map(UserAccount::id).ifPresent(recipients::add);
        }
        recipients.remove(event.actorUserId());
        String title = repository.find(event.entryId()).map(LedgerEntry::title).orElse("#" + event.entryId());
        if (event.to() == EntryStatus.RETURNED) {
            events.publishEvent(new Notice(recipients, "ENTRY_RETURNED", "notify.entryReturned",
                    List.of(title, event.reason() == null ? "" : event.reason()), "/entries/" + event.entryId(), null));
        } else {
            events.publishEvent(new Notice(recipients, "ENTRY_APPROVED", "notify.entryApproved", List.of(title),
                    "/entries/" + event.entryId(), null));
        }
    }
}
