package cn.zhutui.notify;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.Page;
import cn.zhutui.common.PageRequest;
import cn.zhutui.security.UserAccount;
import cn.zhutui.security.UserService;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one notification list of the platform. Any module notifies users through it; with mail
 * configured, each notification is also mailed after its transaction commits (a failed mail is
 * logged and never undoes the work that raised it).
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final NotificationRepository repository;
    private final UserService users;
    private final NotificationProperties props;
    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;

    NotificationService(NotificationRepository repository, UserService users, NotificationProperties props,
                        ObjectProvider<JavaMailSender> mail, MessageSource messages) {
        this.repository = repository;
        this.users = users;
        this.props = props;
        this.mail = mail;
        this.messages = messages;
    }

    /** Stores a notice another module published, in its transaction. */
    @org.springframework.context.event.EventListener
    public void on(Notice notice) {
        notify(notice.userIds(), notice.kind(), notice.code(), notice.args(), notice.link(), notice.dedupKey());
    }

    /**
     * Notifies users; a dedup key (e.g. "deadline:3:2025Q3:17") sends it once per user however
     * often it is raised. Returns how many were new.
     */
    @Transactional
    public int notify(Collection<Long> userIds, String kind, String code, List<String> args, String link, String dedupKey) {
        int added = 0;
        for (long userId : userIds.stream().distinct().toList()) {
            if (repository.insert(userId, kind, code, args, link, dedupKey)) {
                added++;
                mailLater(userId, code, args, link);
            }
        }
        return added;
    }

    public Page<Notification> list(DataScope scope, boolean unreadOnly, PageRequest page) {
        return repository.list(scope.userId(), unreadOnly, page);
    }

    /** How many users hold a notice with this dedup key (to tell how many a repeated raise added). */
    public long countByKey(String dedupKey) {
        return repository.countByKey(dedupKey);
    }

    public long unread(DataScope scope) {
        return repository.unread(scope.userId());
    }

    /** Marks one of the user's notifications read and tells where it leads. */
    @Transactional
    public Notification open(DataScope scope, long id) {
        Notification n = repository.find(id, scope.userId()).orElseThrow(() -> new NotFoundException("notification", id));
        repository.markRead(id, scope.userId());
        return n;
    }

    @Transactional
    public void readAll(DataScope scope) {
        repository.markAllRead(scope.userId());
    }

    /** Marks the chosen notifications of the user read (others' ids are ignored). */
    @Transactional
    public int read(DataScope scope, Collection<Long> ids) {
        return ids.isEmpty() ? 0 : repository.markRead(ids, scope.userId());
    }

    private void mailLater(long userId, String code, List<String> args, String link) {
        if (!props.mail()) {
            return;
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    UserAccount user = users.account(userId).orElse(null);
                    if (user == null || user.email() == null) {
                        return;
                    }
                    String text = messages.getMessage(code, args.toArray(), code, Locale.SIMPLIFIED_CHINESE);
                    SimpleMailMessage m = new SimpleMailMessage();
                    m.setFrom(props.from());
                    m.setTo(user.email());
                    m.setSubject(messages.getMessage("notify.mailSubject", null, Locale.SIMPLIFIED_CHINESE) + text);
                    m.setText(text + (link == null ? "" : "\n\n" + props.baseUrl() + link));
                    sender.send(m);
                } catch (RuntimeException e) {
                    log.warn("Notification mail to user {} failed: {}", userId, e.toString());
                }
            }
        });
    }
}
